package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestCa;
import dev.tickr.testing.TestCertificates;
import dev.tickr.testing.TestHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickr check} takes curl's spellings where they mean the same: {@code -u USER:PASS}, {@code
 * -k}, {@code -m SECONDS}, {@code --cacert FILE}, {@code -A AGENT}; and {@code -v} shows the
 * request and the answer as curl does, with every credential masked.
 */
class CheckCurlFlagsTest {
  private static final String TOKEN = "tok-3f9a1c77e2b84d05";
  private static final String PASSWORD = "pa55-w0rd-very-secret";

  private final CliRunner cli = new CliRunner(Map.of("API_TOKEN", TOKEN));

  @Test
  void u_sends_basic_credentials_and_a_sends_the_user_agent() {
    try (TestHttpServer server = TestHttpServer.plain().json("/", 200, "{}")) {
      CliRunner.Run run =
          cli.run("check", server.url("/").toString(), "-u", "alice:" + PASSWORD, "-A", "probe/1");
      assertThat(run.exitCode()).as(run.all()).isZero();
      RecordedRequest sent = server.requests().get(0);
      String basic =
          Base64.getEncoder()
              .encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      assertThat(sent.header("Authorization")).isEqualTo("Basic " + basic);
      assertThat(sent.header("User-Agent")).isEqualTo("probe/1");
      assertThat(run.all()).doesNotContain(PASSWORD).doesNotContain(basic);
    }
  }

  @Test
  void k_accepts_a_self_signed_certificate_and_cacert_trusts_a_ca(@TempDir Path dir) {
    TestCertificates certs = TestCertificates.create();
    try (TestHttpServer self =
        TestHttpServer.tls(certs.selfSigned("127.0.0.1")).json("/", 200, "{}")) {
      String url = self.url("/").toString();
      assertThat(cli.run("check", url).exitCode()).isEqualTo(1);
      CliRunner.Run k = cli.run("check", url, "-k");
      assertThat(k.exitCode()).as(k.all()).isZero();
    }
    TestCa ca = certs.ca();
    Path caFile = ca.writePem(dir.resolve("ca.pem"));
    try (TestHttpServer signed = TestHttpServer.tls(ca.leaf("127.0.0.1")).json("/", 200, "{}")) {
      CliRunner.Run run =
          cli.run("check", signed.url("/").toString(), "--cacert", caFile.toString());
      assertThat(run.exitCode()).as(run.all()).isZero();
    }
  }

  @Test
  void m_is_the_time_limit_in_seconds() {
    try (TestHttpServer plain = TestHttpServer.plain().json("/", 200, "{}")) {
      // A plain server spoken to with https never finishes the handshake: the limit ends it.
      String url = plain.url("/").toString().replace("http://", "https://");
      JsonNode json = cli.run("check", url, "-m", "0.5", "--json").json();
      assertThat(json.get("reason").asText()).isEqualTo("timeout");
      assertThat(json.get("error").asText())
          .isEqualTo("timeout after 500ms while in the TLS handshake");
    }
    CliRunner.Run bad = cli.run("check", "http://127.0.0.1:9/", "-m", "10s");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("-m/--max-time: expected seconds, e.g. 10 or 2.5, got \"10s\"");
    CliRunner.Run both = cli.run("check", "http://127.0.0.1:9/", "-m", "3", "--timeout", "3s");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("-m/--max-time and --timeout say the same: give one");
  }

  @Test
  void v_shows_the_request_and_the_answer_with_every_secret_masked() {
    try (TestHttpServer server =
        TestHttpServer.plain()
            .route(
                "/me",
                r ->
                    Reply.status(200)
                        .header("Set-Cookie", "session=" + TOKEN)
                        .header("X-Echo", "you sent " + r.header("Authorization"))
                        .json(
                            "{\"user\":\"alice\",\"seen\":\""
                                + r.header("Authorization")
                                + "\"}"))) {
      CliRunner.Run run =
          cli.run(
              "check",
              server.url("/me").toString() + "?page=2",
              "-v",
              "-H",
              "Authorization: Bearer env:API_TOKEN",
              "-H",
              "X-Trace: abc");
      assertThat(run.exitCode()).as(run.all()).isZero();
      assertThat(run.err())
          .startsWith("* GET " + server.url("/me") + "?page=2\n> GET /me?page=2\n")
          .contains("> Host: 127.0.0.1:" + server.port() + "\n")
          .contains("> Authorization: ***\n")
          .contains("> X-Trace: abc\n")
          .contains("> User-Agent: Tickr/")
          .contains("< HTTP/1.1 200 OK\n")
          .containsPattern("(?i)< Set-Cookie: \\*\\*\\*\n")
          .containsPattern("(?i)< X-Echo: you sent \\*\\*\\*\n")
          .containsPattern("(?i)< Content-Type: application/json\n")
          .endsWith("<\n{\"user\":\"alice\",\"seen\":\"***\"}\n");
      assertThat(run.all()).doesNotContain(TOKEN);
      assertThat(run.out()).contains("✓ [STATUS] < 400").doesNotContain("> GET");
    }
  }

  @Test
  void v_cuts_a_long_body_and_says_so() {
    try (TestHttpServer server = TestHttpServer.plain().text("/long", 200, "x".repeat(5000))) {
      CliRunner.Run run = cli.run("check", server.url("/long").toString(), "-v");
      assertThat(run.err())
          .contains(
              "<\n"
                  + "x".repeat(1024)
                  + "\n* body cut after 1024 characters (5000 bytes in all)\n");
    }
  }

  @Test
  void the_completion_scripts_know_the_curl_spellings() {
    String fish = cli.run("completion", "fish").out();
    assertThat(fish)
        .contains("'__fish_seen_subcommand_from check' -s k -l insecure")
        .contains("'__fish_seen_subcommand_from check' -s v -l verbose")
        .contains("-l cacert")
        .contains("-s m -l max-time -r")
        .contains("-s A -l user-agent -r")
        .contains("'__fish_seen_subcommand_from status' -s c -l config -r -F");
  }
}
