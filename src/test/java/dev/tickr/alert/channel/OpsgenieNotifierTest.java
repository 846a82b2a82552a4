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

class OpsgenieNotifierTest {
  private static final String ACCEPTED =
      "{\"result\":\"Request will be processed\",\"took\":0.302,\"requestId\":\"43a29c5c\"}";

  private final Channels channels = new Channels();

  private Notifier opsgenie(TestHttpServer server) {
    return channels.notifier(
        "- name: genie\n  type: opsgenie\n  api-key: genie-key-123\n  priority: p2\n"
            + "  tags: [payments]\n  url: "
            + server.url("/"));
  }

  @Test
  void a_down_creates_an_alert_aliased_by_the_incident() {
    try (var server = TestHttpServer.plain().json("/v2/alerts", 202, ACCEPTED)) {
      Notifier notifier = opsgenie(server);
      Delivery delivery = notifier.send(notification(AlertEvent.DOWN, "campaigns"));

      assertThat(notifier.groups()).isFalse();
      assertThat(delivery).isEqualTo(Delivery.sent(202, ACCEPTED));
      RecordedRequest request = server.requests().get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.target()).isEqualTo("/v2/alerts");
      assertThat(request.header("Authorization")).isEqualTo("GenieKey genie-key-123");
      assertThat(json(request.body()))
          .isEqualTo(
              json(
                  """
                  {"message": "campaigns is DOWN",
                   "alias": "tickr-campaigns-42",
                   "description": "[STATUS] == 200 (actual 500) (http-status)\\nDown since 2026-03-01 10:15:00 UTC.\\nCheck the service's logs for this status and the URL and method used.",
                   "tags": ["tickr", "affiliate", "payments"],
                   "details": {"event": "down", "reason": "http-status",
                               "detail": "[STATUS] == 200 (actual 500)",
                               "started_at": "2026-03-01T10:15:00Z",
                               "dashboard_url": "https://tickr.example.com/monitors/campaigns",
                               "status": "500"},
                   "entity": "campaigns",
                   "source": "Tickr",
                   "priority": "P2"}
                  """));
    }
  }

  @Test
  void an_up_closes_the_alert_by_its_alias() {
    try (var server =
        TestHttpServer.plain().json("/v2/alerts/tickr-campaigns-42/close", 202, ACCEPTED)) {
      opsgenie(server).send(notification(AlertEvent.UP, "campaigns"));

      RecordedRequest request = server.requests().get(0);
      assertThat(request.target())
          .isEqualTo("/v2/alerts/tickr-campaigns-42/close?identifierType=alias");
      assertThat(json(request.body()).path("source").asText()).isEqualTo("Tickr");
      assertThat(json(request.body()).path("note").asText())
          .startsWith("campaigns is UP again\nDown for 4m30s");
    }
  }

  @Test
  void the_region_picks_the_api_and_the_key_is_never_shown() {
    Notifiers.Built built =
        Notifiers.build(
            Channels.specs(
                "- name: genie\n  type: opsgenie\n  api-key: genie-key-123\n  region: EU\n"),
            channels.context);
    assertThat(built.problems()).isEmpty();
    assertThat(built.notifier("genie").orElseThrow().toString())
        .isEqualTo("opsgenie channel \"genie\"");
    assertThat(
            Channels.problems(
                "- name: genie\n  type: opsgenie\n  api-key: genie-key-123\n  region: asia\n"))
        .containsExactly(
            "tickr.yml:5:13: opsgenie channel \"genie\": region must be one of us, eu, got \"asia\"");
  }
}
