package dev.tickr.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.check.Reason;
import dev.tickr.incident.Incident;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.TestHttpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many monitors going DOWN the same way at once page on-call once, on PagerDuty and Opsgenie (real
 * notifiers, providers on loopback servers): one incident there, keyed by the page and listing the
 * monitors, resolved when the last of them recovers; each monitor keeps its own incident in Tickr.
 */
class SharedPagesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> MONITORS = List.of("campaigns", "reports", "postback");

  @TempDir Path dir;
  private TestHttpServer providers;
  private AlertRig rig;

  @BeforeEach
  void open() {
    providers =
        TestHttpServer.plain()
            .json("/v2/enqueue", 202, "{\"status\":\"success\"}")
            .json("/v2/alerts", 202, "{\"result\":\"Request will be processed\"}");
    rig =
        new AlertRig(
            dir,
            """
            defaults:
              alerts: [pager, genie]
            monitors:
              - {name: campaigns, url: https://api.example.com/campaigns}
              - {name: reports, url: https://api.example.com/reports}
              - {name: postback, url: https://track.example.com/postback}
              - {name: clicks, url: https://track.example.com/clicks}
            channels:
              - {name: pager, type: pagerduty, routing-key: abc, url: %s}
              - {name: genie, type: opsgenie, api-key: key, url: %s}
            """
                .formatted(providers.url("/v2/enqueue"), providers.url("/")));
    rig.realChannels();
  }

  @AfterEach
  void close() {
    rig.close();
    providers.close();
  }

  private void goDown(String monitor, Reason reason) {
    rig.fail(monitor, reason, "failed: " + reason.code());
    rig.fail(monitor, reason, "failed: " + reason.code());
  }

  private List<JsonNode> sent(String path) {
    List<JsonNode> out = new ArrayList<>();
    for (RecordedRequest r : providers.requests()) {
      if (r.path().equals(path)) {
        out.add(json(r.body()));
      }
    }
    return out;
  }

  private List<String> targets() {
    return providers.requests().stream()
        .map(RecordedRequest::target)
        .filter(t -> !t.equals("/v2/enqueue"))
        .toList();
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError(text, e);
    }
  }

  @Test
  void a_mass_failure_pages_once_with_every_monitor_and_resolves_when_all_recovered() {
    goDown("campaigns", Reason.CONNECT);
    rig.tick(Duration.ofSeconds(10));
    goDown("reports", Reason.CONNECT);
    goDown("clicks", Reason.AUTH_REJECTED); // another way of failing: its own page
    rig.tick(Duration.ofSeconds(10));
    goDown("postback", Reason.CONNECT);
    rig.tick(Duration.ofSeconds(10)); // the first DOWN's window closes: the connect page
    assertThat(sent("/v2/enqueue")).hasSize(1);
    rig.tick(Duration.ofSeconds(10)); // and clicks' window

    List<JsonNode> pages = sent("/v2/enqueue");
    assertThat(pages).as("one page per reason").hasSize(2);
    JsonNode page = pages.get(0);
    String key = page.path("dedup_key").asText();
    assertThat(key).startsWith("tickr-page-");
    assertThat(page.path("event_action").asText()).isEqualTo("trigger");
    assertThat(page.path("payload").path("summary").asText())
        .isEqualTo("3 monitors DOWN: campaigns, reports, postback");
    assertThat(page.path("payload").path("class").asText()).isEqualTo("connect");
    assertThat(page.path("payload").path("custom_details").path("monitors"))
        .extracting(m -> m.path("name").asText())
        .containsExactlyElementsOf(MONITORS);
    assertThat(pages.get(1).path("dedup_key").asText()).isEqualTo("tickr-clicks-3");

    List<JsonNode> alerts = sent("/v2/alerts");
    assertThat(alerts).hasSize(2);
    String alias = alerts.get(0).path("alias").asText();
    assertThat(alias).as("each channel's page has its own key").startsWith("tickr-page-");
    assertThat(alerts.get(0).path("message").asText())
        .isEqualTo("3 monitors DOWN: campaigns, reports, postback");
    assertThat(alerts.get(0).path("details").path("monitors").asText())
        .isEqualTo("campaigns, reports, postback");

    assertThat(rig.store.openIncidents())
        .as("each monitor still has its own incident")
        .extracting(Incident::monitor)
        .containsExactlyInAnyOrder("campaigns", "reports", "postback", "clicks");

    providers.json("/v2/alerts/" + alias + "/close", 202, "{}");
    rig.pass("campaigns");
    rig.tick(Duration.ofMinutes(1));
    rig.pass("reports");
    rig.tick(Duration.ofMinutes(1));
    assertThat(sent("/v2/enqueue")).as("the page stays open while one is down").hasSize(2);
    assertThat(targets()).doesNotContain("/v2/alerts/" + alias + "/close?identifierType=alias");

    rig.pass("postback");
    rig.tick();
    assertThat(sent("/v2/enqueue"))
        .hasSize(3)
        .last()
        .satisfies(
            up -> {
              assertThat(up.path("event_action").asText()).isEqualTo("resolve");
              assertThat(up.path("dedup_key").asText()).isEqualTo(key);
            });
    assertThat(targets()).contains("/v2/alerts/" + alias + "/close?identifierType=alias");
  }

  @Test
  void a_monitor_that_recovers_before_the_page_went_out_is_on_it_and_the_page_still_resolves() {
    goDown("campaigns", Reason.CONNECT);
    rig.tick(Duration.ofSeconds(10));
    goDown("reports", Reason.CONNECT);
    rig.tick(Duration.ofSeconds(5));
    rig.pass("campaigns"); // recovers inside the window: the page goes out now, then waits
    rig.tick();
    List<JsonNode> pages = sent("/v2/enqueue");
    assertThat(pages).hasSize(1);
    String key = pages.get(0).path("dedup_key").asText();
    assertThat(pages.get(0).path("payload").path("summary").asText())
        .isEqualTo("2 monitors DOWN: campaigns, reports");

    rig.pass("reports");
    rig.tick();
    assertThat(sent("/v2/enqueue"))
        .extracting(j -> j.path("event_action").asText() + " " + j.path("dedup_key").asText())
        .containsExactly("trigger " + key, "resolve " + key);
  }

  @Test
  void a_restart_keeps_the_page_open_until_the_last_recovers() {
    goDown("campaigns", Reason.CONNECT);
    goDown("reports", Reason.CONNECT);
    rig.tick(Duration.ofSeconds(30));
    String key = sent("/v2/enqueue").get(0).path("dedup_key").asText();
    assertThat(key).startsWith("tickr-page-");

    rig.restart();
    rig.realChannels();
    rig.pass("campaigns");
    rig.tick();
    assertThat(sent("/v2/enqueue")).hasSize(1);
    rig.pass("reports");
    rig.tick();
    assertThat(sent("/v2/enqueue"))
        .extracting(j -> j.path("event_action").asText() + " " + j.path("dedup_key").asText())
        .containsExactly("trigger " + key, "resolve " + key);
  }
}
