package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.testing.Browser;
import dev.tickr.testing.JumpClock;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens with a lifetime, made with {@code tickr token create --expires} and {@code POST
 * /api/v1/tokens} with {@code expires_in}, used against a real {@code tickr run} whose clock the
 * test moves past their expiry ({@link JumpClock}): an expired token gets the very answer an
 * unknown one gets.
 */
class TokenExpiryEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROBE = "/api/v1/monitors";
  private static final String UNKNOWN = "tkr_" + "A".repeat(43);

  @TempDir Path dir;

  private final JumpClock clock = new JumpClock();
  private final CliRunner cli = new CliRunner(Map.of(), clock, clock::waiter);

  private static HttpResponse<String> probe(Browser browser, String token) throws Exception {
    return browser.get(PROBE, "Authorization", "Bearer " + token);
  }

  /** Status, challenge and body of the answer to {@code token}, to compare with an unknown one. */
  private static String answer(Browser browser, String token) throws Exception {
    HttpResponse<String> a = probe(browser, token);
    return a.statusCode()
        + " "
        + a.headers().firstValue("WWW-Authenticate").orElse("-")
        + " "
        + a.body();
  }

  @Test
  void a_token_past_its_expiry_is_refused_like_an_unknown_one_and_listed_as_expired()
      throws Exception {
    Path config = Files.writeString(dir.resolve("tickr.yml"), "monitors: []\n");
    Path data = dir.resolve("data");
    try (RunningDaemon tickr = cli.start(config, data);
        Browser browser = new Browser(tickr.port())) {
      Instant before = clock.instant();
      CliRunner.Run made =
          cli.run(
              "token",
              "create",
              "--name",
              "ci",
              "--role",
              "admin",
              "--expires",
              "1h",
              "--data",
              data.toString());
      assertThat(made.exitCode()).as(made.err()).isZero();
      assertThat(made.err()).contains("\"ci\" (admin, expires ").contains(" UTC)");
      String ci = made.out().strip();
      String lasting = cli.token(data, "lasting", "admin");

      HttpResponse<String> created =
          browser.post(
              "/api/v1/tokens",
              "{\"name\": \"short\", \"role\": \"viewer\", \"expires_in\": \"30m\"}",
              "Authorization",
              "Bearer " + ci);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      JsonNode shortMade = JSON.readTree(created.body());
      Instant shortExpires = Instant.parse(shortMade.path("expires_at").asText());
      assertThat(shortExpires)
          .isAfterOrEqualTo(before.plus(Duration.ofMinutes(30)))
          .isBeforeOrEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
      String shortToken = shortMade.path("token").asText();

      JsonNode tokens =
          cli.run("token", "list", "--json", "--data", data.toString()).json().path("tokens");
      assertThat(tokens).hasSize(3);
      Instant ciExpires = Instant.parse(tokens.get(0).path("expires_at").asText());
      assertThat(ciExpires)
          .isAfterOrEqualTo(before.plus(Duration.ofHours(1)))
          .isBeforeOrEqualTo(clock.instant().plus(Duration.ofHours(1)));
      assertThat(tokens.get(1).path("expires_at").isNull()).as("no --expires: never").isTrue();
      assertThat(tokens.get(2).path("expires_at").asText()).isEqualTo(shortExpires.toString());

      String unknown = answer(browser, UNKNOWN);
      assertThat(unknown).startsWith("401 Bearer");
      assertThat(probe(browser, shortToken).statusCode()).isEqualTo(200);
      assertThat(probe(browser, ci).statusCode()).isEqualTo(200);

      // Past the short token's expiry: it is refused, exactly like a token Tickr never made.
      clock.jumpTo(shortExpires.plusSeconds(1));
      assertThat(answer(browser, shortToken)).isEqualTo(unknown);
      assertThat(probe(browser, ci).statusCode()).isEqualTo(200);
      HttpResponse<String> listedByApi =
          browser.get("/api/v1/tokens", "Authorization", "Bearer " + ci);
      assertThat(JSON.readTree(listedByApi.body()).at("/tokens/2/expires_at").asText())
          .isEqualTo(shortExpires.toString());

      // Past the hour: ci too; the token without a lifetime goes on working.
      clock.jumpTo(ciExpires.plusSeconds(1));
      assertThat(answer(browser, ci)).isEqualTo(unknown);
      assertThat(probe(browser, lasting).statusCode()).isEqualTo(200);

      String table = cli.run("token", "list", "--data", data.toString()).out();
      assertThat(table)
          .containsPattern("REVOKED +EXPIRES +CREATED BY")
          .containsPattern(
              "1 +ci +admin .* - +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\(expired\\) +cli")
          .containsPattern("2 +lasting +admin .* - +- +cli")
          .containsPattern("3 +short +viewer .*\\(expired\\) +token:ci");
    }
  }

  @Test
  void a_bad_lifetime_is_refused_naming_the_field_and_makes_no_token() throws Exception {
    Path config = Files.writeString(dir.resolve("tickr.yml"), "monitors: []\n");
    Path data = dir.resolve("data");
    try (RunningDaemon tickr = cli.start(config, data);
        Browser browser = new Browser(tickr.port())) {
      String admin = cli.token(data, "admin", "admin");
      for (String lifetime : new String[] {"\"soon\"", "\"0s\"", "\"30s\"", "\"3651d\"", "30"}) {
        HttpResponse<String> refused =
            browser.post(
                "/api/v1/tokens",
                "{\"name\": \"x\", \"expires_in\": " + lifetime + "}",
                "Authorization",
                "Bearer " + admin);
        assertThat(refused.statusCode()).as(lifetime).isEqualTo(400);
        assertThat(refused.body()).as(lifetime).contains("expires_in");
      }
      assertThat(
              cli.run("token", "list", "--json", "--data", data.toString()).json().path("tokens"))
          .as("only the admin token")
          .hasSize(1);
    }
  }
}
