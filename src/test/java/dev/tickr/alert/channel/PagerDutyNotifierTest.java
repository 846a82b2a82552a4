package dev.tickr.alert.channel;

import static dev.tickr.alert.channel.Channels.json;
import static dev.tickr.alert.channel.Channels.notification;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notifier;
import dev.tickr.testing.TestHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagerDutyNotifierTest {
  private static final String ACCEPTED =
      "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"tickr-campaigns-42\"}";

  private final Channels channels = new Channels();

  private Notifier pagerduty(TestHttpServer server, String more) {
    return channels.notifier(
        "- name: pager\n  type: pagerduty\n  routing-key: ${ROUTING_KEY}\n  url: "
            + server.url("/v2/enqueue")
            + "\n"
            + more);
  }

  @Test
  void a_down_triggers_an_alert_keyed_by_the_incident() {
    try (var server = TestHttpServer.plain().json("/v2/enqueue", 202, ACCEPTED)) {
      Notifier notifier = pagerduty(server, "");
      Delivery delivery = notifier.send(notification(AlertEvent.DOWN, "campaigns"));

      assertThat(notifier.groups()).isFalse();
      assertThat(delivery).isEqualTo(Delivery.sent(202, ACCEPTED));
      assertThat(json(server.requests().get(0).body()))
          .isEqualTo(
              json(
                  """
                  {"routing_key": "routing-key-secret",
                   "event_action": "trigger",
                   "dedup_key": "tickr-campaigns-42",
                   "payload": {
                     "summary": "campaigns is DOWN",
                     "source": "campaigns",
                     "severity": "critical",
                     "timestamp": "2026-03-01T10:15:00Z",
                     "class": "http-status",
                     "custom_details": {
                       "event": "down",
                       "detail": "[STATUS] == 200 (actual 500)",
                       "message": "[STATUS] == 200 (actual 500) (http-status)\\nDown since 2026-03-01 10:15:00 UTC.\\nCheck the service's logs for this status and the URL and method used.",
                       "status": 500,
                       "incident_id": 42,
                       "tags": ["affiliate"],
                       "evidence": "{\\"error\\":\\"upstream timeout\\"}"}},
                   "client": "Tickr",
                   "client_url": "https://tickr.example.com",
                   "links": [{"href": "https://tickr.example.com/monitors/campaigns",
                              "text": "Open in Tickr"}]}
                  """));
    }
  }

  @Test
  void an_up_resolves_by_the_same_key() {
    try (var server = TestHttpServer.plain().json("/v2/enqueue", 202, ACCEPTED)) {
      pagerduty(server, "").send(notification(AlertEvent.UP, "campaigns"));

      assertThat(json(server.requests().get(0).body()))
          .isEqualTo(
              json(
                  """
                  {"routing_key": "routing-key-secret", "event_action": "resolve",
                   "dedup_key": "tickr-campaigns-42"}
                  """));
    }
  }

  @ParameterizedTest(name = "{0} with severity: error -> {1}")
  @CsvSource({"DOWN, error", "REMINDER, error", "DEGRADED, warning", "TEST, info"})
  void sets_the_severity_by_event(AlertEvent event, String severity) {
    try (var server = TestHttpServer.plain().json("/v2/enqueue", 202, ACCEPTED)) {
      pagerduty(server, "  severity: error\n").send(notification(event, "campaigns"));

      assertThat(json(server.requests().get(0).body()).at("/payload/severity").asText())
          .isEqualTo(severity);
    }
  }

  @Test
  void several_alerts_are_one_event_each_and_the_routing_key_stays_hidden() {
    try (var server =
        TestHttpServer.plain()
            .json(
                "/v2/enqueue",
                400,
                "{\"status\":\"invalid event\",\"routing_key\":\"routing-key-secret\"}")) {
      Notifier notifier = pagerduty(server, "");
      Delivery delivery = notifier.send(notification(AlertEvent.DOWN, "a", "b"));

      assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.FAILED);
      assertThat(delivery.answer())
          .isEqualTo("{\"status\":\"invalid event\",\"routing_key\":\"***\"}");
      assertThat(server.requests()).hasSize(1);
    }
    try (var server = TestHttpServer.plain().json("/v2/enqueue", 202, ACCEPTED)) {
      pagerduty(server, "").send(notification(AlertEvent.DOWN, "a", "b"));

      assertThat(server.requests())
          .extracting(r -> json(r.body()).path("dedup_key").asText())
          .containsExactly("tickr-a-42", "tickr-b-42");
    }
  }

  @Test
  void the_routing_key_is_required_and_the_severity_checked() {
    assertThat(Channels.problems("- name: pager\n  type: pagerduty\n  severity: urgent\n"))
        .containsExactly(
            "tickr.yml:2:1: pagerduty channel \"pager\" has no \"routing-key\"",
            "tickr.yml:4:15: pagerduty channel \"pager\": severity must be one of critical, error,"
                + " warning, info, got \"urgent\"");
  }
}
