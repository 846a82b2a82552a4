package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.RefusingPort;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code tickr check} with OAuth2 client credentials flags, against a loopback token endpoint. */
class CheckOAuth2Test {
  private static final String SECRET = "cli-client-secret-8e7f6a5b";
  private static final String TOKEN = "cli-minted-token-1c2d3e4f";

  private final CliRunner cli = new CliRunner(Map.of("CLIENT_SECRET", SECRET));
  private final TestHttpServer server =
      TestHttpServer.plain()
          .route(
              "/token",
              r ->
                  r.body().contains("client_secret=" + SECRET)
                      ? Reply.status(200)
                          .json("{\"access_token\": \"" + TOKEN + "\", \"expires_in\": 60}")
                      : Reply.status(401).json("{\"error\": \"invalid_client\"}"))
          .route(
              "/api",
              r ->
                  ("Bearer " + TOKEN).equals(r.header("Authorization"))
                      ? Reply.status(200).text("hello " + r.header("Authorization"))
                      : Reply.status(401).text("no"));

  @AfterEach
  void stop() {
    server.close();
  }

  private String url(String path) {
    return server.url(path).toString();
  }

  @Test
  void gets_a_token_with_the_flags_and_sends_it_without_showing_it() {
    CliRunner.Run run =
        cli.run(
            "check",
            url("/api"),
            "--oauth2-token-url",
            url("/token"),
            "--client-id",
            "tickr",
            "--client-secret",
            "env:CLIENT_SECRET",
            "--client-auth",
            "body",
            "--scope",
            "3456789",
            "--audience",
            "https://api.example.com",
            "--oauth2-param",
            "resource=reports",
            "--expect",
            "[BODY] == pat(hello*)",
            "--json");

    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.all()).doesNotContain(TOKEN, SECRET);
    List<RecordedRequest> fetched =
        server.requests().stream().filter(r -> r.path().equals("/token")).toList();
    assertThat(fetched).hasSize(1);
    String form = URLDecoder.decode(fetched.get(0).body(), StandardCharsets.UTF_8);
    assertThat(form)
        .contains("grant_type=client_credentials")
        .contains("client_id=tickr")
        .contains("scope=3456789")
        .contains("audience=https://api.example.com")
        .contains("resource=reports");
  }

  @Test
  void a_refused_secret_fails_with_auth_rejected_from_the_token_endpoint() {
    CliRunner.Run run =
        cli.run(
            "check",
            url("/api"),
            "--oauth2-token-url",
            url("/token"),
            "--client-id",
            "tickr",
            "--client-secret",
            "wrong-secret-value",
            "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.json().path("reason").asText()).isEqualTo("auth-rejected");
    assertThat(run.json().path("error").asText())
        .startsWith("token endpoint refused: HTTP 401 invalid_client");
    assertThat(run.all()).doesNotContain("wrong-secret-value");
  }

  @Test
  void an_unreachable_token_endpoint_is_auth_rejected_naming_it() {
    try (RefusingPort closed = RefusingPort.open()) {
      String tokenUrl = closed.url("http", "/token").toString();
      CliRunner.Run run =
          cli.run(
              "check",
              url("/api"),
              "--oauth2-token-url",
              tokenUrl,
              "--client-id",
              "tickr",
              "--client-secret",
              "env:CLIENT_SECRET",
              "--json");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.json().path("reason").asText()).isEqualTo("auth-rejected");
      assertThat(run.json().path("error").asText())
          .startsWith("token endpoint unreachable (connect)")
          .contains(tokenUrl);
    }
  }

  @Test
  void bad_oauth2_flags_are_usage_errors_naming_the_flag() {
    String[] base = {"check", url("/api"), "--oauth2-token-url", url("/token")};
    assertThat(cli.run("check", url("/api"), "--client-id", "x").err())
        .contains("--client-id: needs --oauth2-token-url");
    assertThat(cli.run(base).err())
        .contains("--oauth2-token-url: needs --client-id and --client-secret");
    assertThat(
            cli.run(
                    "check",
                    url("/api"),
                    "--oauth2-token-url",
                    "http://auth.example.com/token",
                    "--client-id",
                    "x",
                    "--client-secret",
                    "y")
                .err())
        .contains("--oauth2-token-url: must be https://");
    CliRunner.Run how =
        cli.run(
            "check",
            url("/api"),
            "--oauth2-token-url",
            url("/token"),
            "--client-id",
            "x",
            "--client-secret",
            "y",
            "--client-auth",
            "post");
    assertThat(how.exitCode()).isEqualTo(2);
    assertThat(how.err()).contains("--client-auth: must be basic or body");
    assertThat(
            cli.run(
                    "check",
                    url("/api"),
                    "--oauth2-token-url",
                    url("/token"),
                    "--client-id",
                    "x",
                    "--client-secret",
                    "y",
                    "--bearer",
                    "t")
                .err())
        .contains("--oauth2-token-url: sets the Authorization header");
    assertThat(
            cli.run(
                    "check",
                    url("/api"),
                    "--oauth2-token-url",
                    url("/token"),
                    "--client-id",
                    "x",
                    "--client-secret",
                    "env:NOT_SET_ANYWHERE")
                .err())
        .contains("--client-secret: environment variable NOT_SET_ANYWHERE is not set");
    assertThat(
            cli.run(
                    "check",
                    url("/api"),
                    "--oauth2-token-url",
                    url("/token"),
                    "--client-id",
                    "x",
                    "--client-secret",
                    "y",
                    "--oauth2-param",
                    "scope=a")
                .err())
        .contains("--oauth2-param: scope is sent by Tickr itself");
  }
}
