package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.check.Reason;
import dev.tickr.check.ReasonHelp;
import dev.tickr.testing.Browser;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.web.Html;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reasons from end to end on a real daemon: a ShareASale whitelist error in a 200 opens an {@code
 * ip-not-allowed} incident whose page and alert say what to check; a 429 makes its monitor DEGRADED
 * with the limits in the alert, or DOWN where {@code rate-limited: down}.
 */
class ReasonsEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final TestHttpServer target = TestHttpServer.plain();
  private final TestHttpServer receivers = TestHttpServer.plain();

  @AfterEach
  void close() {
    target.close();
    receivers.close();
  }

  @Test
  void a_whitelist_error_and_a_rate_limit_are_told_apart_with_what_to_check() throws Exception {
    target
        .text("/x.cfm", 200, "Error: Invalid Account - Error Code 4002 - 203.0.113.9\n")
        .route(
            "/reports",
            r ->
                Reply.status(429)
                    .header("Retry-After", "120")
                    .header("X-RateLimit-Remaining-hour", "0")
                    .text("slow down"));
    receivers.text("/hook", 200, "ok");
    Path config =
        Files.writeString(
            dir.resolve("tickr.yml"),
            """
            defaults: {interval: 1s, timeout: 1s, failure-threshold: 1, alerts: [hook]}
            monitors:
              - {name: shareasale, url: "%s"}
              - {name: reports, url: "%s"}
              - {name: shared-quota, url: "%s", rate-limited: down}
            channels:
              - {name: hook, type: webhook, url: "%s", events: [down, up, degraded]}
            """
                .formatted(
                    target.url("/x.cfm"),
                    target.url("/reports"),
                    target.url("/reports"),
                    receivers.url("/hook")));
    CliRunner cli = new CliRunner();
    Path data = dir.resolve("data");
    try (RunningDaemon tickr = cli.start(config, data);
        Browser viewer = new Browser(tickr.port())) {
      String bearer = "Bearer " + cli.token(data, "reader", "viewer");

      eventually(
          Duration.ofSeconds(20),
          () -> state(viewer, bearer, "shareasale").equals("DOWN/ip-not-allowed"),
          "shareasale DOWN as ip-not-allowed");
      eventually(
          Duration.ofSeconds(20),
          () -> state(viewer, bearer, "reports").equals("DEGRADED/"),
          "reports DEGRADED without an incident");
      eventually(
          Duration.ofSeconds(20),
          () -> state(viewer, bearer, "shared-quota").equals("DOWN/rate-limited"),
          "shared-quota DOWN as rate-limited");

      String page = viewer.get("/monitors/shareasale", "Authorization", bearer).body();
      assertThat(page)
          .contains("<code>ip-not-allowed</code>")
          .contains("Error Code 4002 - 203.0.113.9")
          .contains(Html.escape(ReasonHelp.explanation(Reason.IP_NOT_ALLOWED)))
          .contains(Html.escape(ReasonHelp.hint(Reason.IP_NOT_ALLOWED)));

      JsonNode down = alert("down", "shareasale");
      assertThat(down.at("/incident/reason").asText()).isEqualTo("ip-not-allowed");
      assertThat(down.at("/incident/detail").asText())
          .isEqualTo(
              "HTTP 200: the body reads \"Error: Invalid Account - Error Code 4002 - 203.0.113.9\"");
      assertThat(down.at("/incident/hint").asText())
          .isEqualTo(
              "Check that Tickr's egress IP (or its proxy's) is on the platform's API whitelist.");

      JsonNode degraded = alert("degraded", "reports");
      assertThat(degraded.at("/incident/reason").asText()).isEqualTo("rate-limited");
      assertThat(degraded.at("/incident/detail").asText())
          // The test server sends header names with only their first letter capital.
          .endsWith("(actual 429); Retry-After: 120; X-RateLimit-remaining-hour: 0");
      assertThat(degraded.at("/incident/hint").asText())
          .isEqualTo(ReasonHelp.hint(Reason.RATE_LIMITED));
      assertThat(alert("down", "shared-quota").at("/incident/reason").asText())
          .isEqualTo("rate-limited");
    }
  }

  /** {@code STATE/reason of the open incident}, or "" while the API cannot say. */
  private static String state(Browser b, String bearer, String monitor) {
    try {
      HttpResponse<String> answer = b.get("/api/v1/monitors/" + monitor, "Authorization", bearer);
      if (answer.statusCode() != 200) {
        return "";
      }
      JsonNode m = JSON.readTree(answer.body());
      return m.path("state").asText() + "/" + m.at("/incident/reason").asText("");
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** The first webhook request about this event and monitor, waiting for it to arrive. */
  private JsonNode alert(String event, String monitor) throws InterruptedException {
    JsonNode[] found = new JsonNode[1];
    eventually(
        Duration.ofSeconds(20),
        () -> {
          Optional<JsonNode> hit =
              hooks().stream()
                  .filter(j -> j.path("event").asText().equals(event))
                  .filter(j -> j.at("/monitor/name").asText().equals(monitor))
                  .findFirst();
          hit.ifPresent(j -> found[0] = j);
          return hit.isPresent();
        },
        "a " + event + " alert about " + monitor);
    return found[0];
  }

  private List<JsonNode> hooks() {
    return receivers.requests().stream()
        .filter(r -> r.path().equals("/hook"))
        .map(ReasonsEndToEndTest::json)
        .toList();
  }

  private static JsonNode json(RecordedRequest r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(r.body(), e);
    }
  }
}
