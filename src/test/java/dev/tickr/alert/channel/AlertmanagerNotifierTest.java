package dev.tickr.alert.channel;

import static dev.tickr.alert.channel.Channels.json;
import static dev.tickr.alert.channel.Channels.notification;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notifier;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.TestHttpServer;
import org.junit.jupiter.api.Test;

class AlertmanagerNotifierTest {
  private final Channels channels = new Channels();

  private Notifier alertmanager(TestHttpServer server, String more) {
    return channels.notifier(
        "- name: am\n  type: alertmanager\n  url: " + server.url("/") + "\n" + more);
  }

  @Test
  void a_down_posts_a_firing_alert_with_stable_labels() {
    try (var server = TestHttpServer.plain().text("/api/v2/alerts", 200, "")) {
      Notifier notifier =
          alertmanager(
              server, "  labels:\n    team: growth\n  username: tickr\n  password: pw-12345\n");
      Delivery delivery = notifier.send(notification(AlertEvent.DOWN, "campaigns"));

      assertThat(notifier.groups()).isFalse();
      assertThat(delivery).isEqualTo(Delivery.sent(200, "(empty)"));
      RecordedRequest request = server.requests().get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.header("Authorization")).isEqualTo("Basic dGlja3I6cHctMTIzNDU=");
      assertThat(json(request.body()))
          .isEqualTo(
              json(
                  """
                  [{"labels": {"alertname": "TickrMonitorDown", "monitor": "campaigns",
                               "severity": "critical", "dedup_key": "tickr-campaigns-42",
                               "team": "growth"},
                    "annotations": {
                      "summary": "campaigns is DOWN",
                      "description": "[STATUS] == 200 (actual 500) (http-status)\\nDown since 2026-03-01 10:15:00 UTC.\\nCheck the service's logs for this status and the URL and method used.",
                      "event": "down", "reason": "http-status",
                      "detail": "[STATUS] == 200 (actual 500)"},
                    "startsAt": "2026-03-01T10:15:00Z",
                    "endsAt": "2026-03-02T10:20:00Z",
                    "generatorURL": "https://tickr.example.com/monitors/campaigns"}]
                  """));
    }
  }

  @Test
  void an_up_ends_the_same_alert_when_the_incident_ended() {
    try (var server = TestHttpServer.plain().text("/api/v2/alerts", 200, "")) {
      alertmanager(server, "  token: am-token-1\n").send(notification(AlertEvent.UP, "a", "b"));

      RecordedRequest request = server.requests().get(0);
      assertThat(request.header("Authorization")).isEqualTo("Bearer am-token-1");
      var alerts = json(request.body());
      assertThat(alerts).hasSize(2);
      assertThat(alerts.at("/0/labels/dedup_key").asText()).isEqualTo("tickr-a-42");
      assertThat(alerts.at("/1/endsAt").asText()).isEqualTo("2026-03-01T10:19:30Z");
    }
  }

  @Test
  void login_settings_are_checked() {
    assertThat(
            Channels.problems(
                "- name: am\n  type: alertmanager\n  url: http://am:9093\n  username: tickr\n"
                    + "  expires-after: 0s\n"))
        .containsExactly(
            "tickr.yml:5:15: alertmanager channel \"am\": username needs a password",
            "tickr.yml:6:20: alertmanager channel \"am\": expires-after must be a duration more"
                + " than 0s and at most 30d, got \"0s\"");
  }
}
