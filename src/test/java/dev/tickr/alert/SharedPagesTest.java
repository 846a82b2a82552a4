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
 * notifiers, providers on loopback servers): the first DOWN pages at once under a page key, the
 * others of the same reason within the group window are sent at once under the same key (the
 * provider folds them into the open page) with the up-to-date list of monitors; the page resolves
 * when the last of them recovers; each monitor keeps its own incident in Tickr.
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

  /** The PagerDuty triggers as the provider would group them: dedup_key and the monitors named. */
  private List<String> keys(String path, String field) {
    return sent(path).stream().map(j -> j.path(field).asText()).toList();
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
  void a_single_down_pages_at_once_without_waiting_for_the_window() {
    goDown("campaigns", Reason.CONNECT);
    rig.tick(); // the clock has not moved: nothing may wait for a window

    assertThat(rig.clock.instant()).isEqualTo(AlertRig.T0);
    List<JsonNode> pages = sent("/v2/enqueue");
    assertThat(pages).as("PagerDuty was sent the DOWN before any window passed").hasSize(1);
    JsonNode page = pages.get(0);
    assertThat(page.path("event_action").asText()).isEqualTo("trigger");
    assertThat(page.path("dedup_key").asText()).startsWith("tickr-page-");
    assertThat(page.path("payload").path("summary").asText()).contains("campaigns");
    List<JsonNode> alerts = sent("/v2/alerts");
    assertThat(alerts).as("Opsgenie was sent the DOWN before any window passed").hasSize(1);
    assertThat(alerts.get(0).path("alias").asText()).startsWith("tickr-page-");
    assertThat(alerts.get(0).path("entity").asText()).isEqualTo("campaigns");
  }

  @Test
  void a_burst_of_the_same_reason_is_one_page_listing_every_monitor_each_sent_at_once() {
    goDown("campaigns", Reason.CONNECT);
    rig.tick();
    assertThat(sent("/v2/enqueue")).as("the first DOWN pages at once").hasSize(1);
    assertThat(sent("/v2/alerts")).hasSize(1);
    rig.tick(Duration.ofSeconds(10));
    goDown("reports", Reason.CONNECT);
    rig.tick();
    assertThat(sent("/v2/enqueue")).as("the second is sent at once too").hasSize(2);
    rig.tick(Duration.ofSeconds(10));
    goDown("postback", Reason.CONNECT);
    rig.tick();

    List<JsonNode> pages = sent("/v2/enqueue");
    assertThat(pages).hasSize(3);
    String key = pages.get(0).path("dedup_key").asText();
    assertThat(key).startsWith("tickr-page-");
    assertThat(keys("/v2/enqueue", "dedup_key"))
        .as("one dedup_key: PagerDuty shows one incident")
        .containsOnly(key);
    assertThat(pages)
        .allSatisfy(p -> assertThat(p.path("event_action").asText()).isEqualTo("trigger"));
    JsonNode last = pages.get(2);
    assertThat(last.path("payload").path("summary").asText())
        .isEqualTo("3 monitors DOWN (connect): campaigns, reports, postback");
    assertThat(last.path("payload").path("class").asText()).isEqualTo("connect");
    assertThat(last.path("payload").path("custom_details").path("monitors"))
        .extracting(m -> m.path("name").asText())
        .containsExactlyElementsOf(MONITORS);
    assertThat(pages.get(1).path("payload").path("custom_details").path("monitors"))
        .extracting(m -> m.path("name").asText())
        .containsExactly("campaigns", "reports");

    List<JsonNode> alerts = sent("/v2/alerts");
    assertThat(alerts).hasSize(3);
    String alias = alerts.get(0).path("alias").asText();
    assertThat(alias).as("each channel's page has its own key").startsWith("tickr-page-");
    assertThat(keys("/v2/alerts", "alias"))
        .as("one alias: Opsgenie shows one alert")
        .containsOnly(alias);
    assertThat(alerts.get(2).path("message").asText())
        .isEqualTo("3 monitors DOWN (connect): campaigns, reports, postback");
    assertThat(alerts.get(2).path("details").path("monitors").asText())
        .isEqualTo("campaigns, reports, postback");

    assertThat(rig.store.openIncidents())
        .as("each monitor still has its own incident")
        .extracting(Incident::monitor)
        .containsExactlyInAnyOrder("campaigns", "reports", "postback");

    rig.tick(Duration.ofSeconds(10)); // 30s after the page opened: its window is over
    goDown("clicks", Reason.CONNECT);
    rig.tick();
    assertThat(sent("/v2/enqueue"))
        .hasSize(4)
        .last()
        .satisfies(
            p -> {
              assertThat(p.path("dedup_key").asText()).startsWith("tickr-page-").isNotEqualTo(key);
              assertThat(p.path("payload").path("source").asText()).isEqualTo("clicks");
            });
  }

  @Test
  void a_down_for_another_reason_pages_under_its_own_key() {
    goDown("campaigns", Reason.CONNECT);
    goDown("reports", Reason.CONNECT);
    rig.tick(Duration.ofSeconds(5));
    goDown("clicks", Reason.AUTH_REJECTED);
    rig.tick();

    List<String> keys = keys("/v2/enqueue", "dedup_key");
    assertThat(keys).hasSize(3);
    assertThat(keys.get(1)).isEqualTo(keys.get(0));
    assertThat(keys.get(2)).startsWith("tickr-page-").isNotEqualTo(keys.get(0));
    assertThat(sent("/v2/enqueue").get(2).path("payload").path("class").asText())
        .isEqualTo("auth-rejected");
    List<String> aliases = keys("/v2/alerts", "alias");
    assertThat(aliases.get(1)).isEqualTo(aliases.get(0));
    assertThat(aliases.get(2)).isNotEqualTo(aliases.get(0));
  }

  @Test
  void the_page_resolves_only_when_the_last_monitor_on_it_recovers() {
    goDown("campaigns", Reason.CONNECT);
    rig.tick(Duration.ofSeconds(10));
    goDown("reports", Reason.CONNECT);
    rig.tick(Duration.ofSeconds(10));
    goDown("postback", Reason.CONNECT);
    rig.tick();
    String key = sent("/v2/enqueue").get(0).path("dedup_key").asText();
    String alias = sent("/v2/alerts").get(0).path("alias").asText();
    providers.json("/v2/alerts/" + alias + "/close", 202, "{}");

    rig.pass("campaigns"); // the page's first monitor
    rig.tick(Duration.ofMinutes(1));
    rig.pass("postback"); // the last to join
    rig.tick(Duration.ofMinutes(1));
    assertThat(sent("/v2/enqueue"))
        .as("the page stays open while one is down")
        .extracting(j -> j.path("event_action").asText())
        .containsOnly("trigger");
    assertThat(targets()).doesNotContain("/v2/alerts/" + alias + "/close?identifierType=alias");

    rig.pass("reports");
    rig.tick();
    assertThat(sent("/v2/enqueue"))
        .hasSize(4)
        .last()
        .satisfies(
            up -> {
              assertThat(up.path("event_action").asText()).isEqualTo("resolve");
              assertThat(up.path("dedup_key").asText()).isEqualTo(key);
            });
    assertThat(targets()).containsOnlyOnce("/v2/alerts/" + alias + "/close?identifierType=alias");
  }

  @Test
  void a_restart_keeps_the_page_joinable_and_open_until_the_last_recovers() {
    goDown("campaigns", Reason.CONNECT);
    rig.tick(Duration.ofSeconds(5));
    goDown("reports", Reason.CONNECT);
    rig.tick();
    String key = sent("/v2/enqueue").get(0).path("dedup_key").asText();
    assertThat(key).startsWith("tickr-page-");

    rig.restart();
    rig.realChannels();
    rig.tick(Duration.ofSeconds(5));
    goDown("postback", Reason.CONNECT); // within the window, after the restart: joins the page
    rig.tick();
    assertThat(keys("/v2/enqueue", "dedup_key")).containsExactly(key, key, key);
    assertThat(sent("/v2/enqueue").get(2).path("payload").path("custom_details").path("monitors"))
        .extracting(m -> m.path("name").asText())
        .containsExactlyElementsOf(MONITORS);

    rig.pass("campaigns");
    rig.pass("reports");
    rig.tick();
    assertThat(sent("/v2/enqueue")).hasSize(3);
    rig.restart();
    rig.realChannels();
    rig.pass("postback");
    rig.tick();
    assertThat(sent("/v2/enqueue"))
        .extracting(j -> j.path("event_action").asText() + " " + j.path("dedup_key").asText())
        .containsExactly("trigger " + key, "trigger " + key, "trigger " + key, "resolve " + key);
  }

  @Test
  void group_0s_pages_each_incident_at_once_under_its_own_key() {
    rig.reconfigure(
        """
        defaults:
          alerts: [pager]
        monitors:
          - {name: campaigns, url: https://api.example.com/campaigns}
          - {name: reports, url: https://api.example.com/reports}
        channels:
          - {name: pager, type: pagerduty, routing-key: abc, group: 0s, url: %s}
        """
            .formatted(providers.url("/v2/enqueue")));
    goDown("campaigns", Reason.CONNECT);
    goDown("reports", Reason.CONNECT);
    rig.tick();
    // Two monitors' notifications go out side by side: their order is not fixed.
    assertThat(keys("/v2/enqueue", "dedup_key"))
        .containsExactlyInAnyOrder("tickr-campaigns-1", "tickr-reports-2");
  }
}
