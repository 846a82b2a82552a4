package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static dev.tickr.cli.AlertingEndToEndTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.testing.JumpClock;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reminders ({@code renotify}) and escalation ({@code escalate}) from a YAML file, through a real
 * {@code tickr run}, to real receivers on loopback. Both count in minutes (at least {@code 1m}):
 * the daemon runs on a {@link JumpClock}, which the test moves on by minutes at once, so the test
 * takes seconds and never sleeps. Each jump lands well inside the step it is for (tens of seconds
 * from the next), so a slow machine cannot push a step into the next one.
 */
class EscalationEndToEndTest {
  @TempDir Path dir;

  private final JumpClock clock = new JumpClock();
  private final CliRunner cli = new CliRunner(Map.of(), clock, clock::waiter);
  private final TestHttpServer target = TestHttpServer.plain();
  private final TestHttpServer receivers = TestHttpServer.plain();
  private final AtomicBoolean postbackUp = new AtomicBoolean(false);
  private final AtomicBoolean feedUp = new AtomicBoolean(false);

  EscalationEndToEndTest() {
    target.route("/postback", r -> Reply.status(postbackUp.get() ? 200 : 500).text("postback"));
    target.route("/feed", r -> Reply.status(feedUp.get() ? 200 : 503).text("feed"));
    receivers.text("/oncall", 200, "ok").text("/chat", 200, "ok").text("/lead", 200, "ok");
  }

  @AfterEach
  void close() {
    target.close();
    receivers.close();
  }

  private Path config(String yaml) throws Exception {
    return Files.writeString(
        dir.resolve("tickr.yml"),
        yaml.replace("TARGET", "http://127.0.0.1:" + target.port())
            .replace("RECEIVERS", "http://127.0.0.1:" + receivers.port()));
  }

  private List<RecordedRequest> at(String path) {
    return receivers.requests().stream().filter(r -> r.path().equals(path)).toList();
  }

  /** The {@code event} of each webhook request at {@code path}, in the order they came. */
  private List<String> events(String path) {
    return at(path).stream().map(r -> json(r).path("event").asText()).toList();
  }

  /** {@code event/monitor} of each webhook request at {@code path}, in the order they came. */
  private List<String> eventsOf(String path) {
    return at(path).stream()
        .map(r -> json(r).path("event").asText() + "/" + json(r).at("/monitor/name").asText())
        .toList();
  }

  private void settled(RunningDaemon tickr, String bearer) throws Exception {
    Deliveries.settled(tickr, bearer, receivers);
  }

  @Test
  void reminders_every_renotify_and_an_escalation_after_its_delay_reach_their_receivers_in_order()
      throws Exception {
    Path config =
        config(
            """
            defaults:
              interval: 2s
              timeout: 2s
            monitors:
              - name: postback
                url: TARGET/postback
                failure-threshold: 1
                alerts: [oncall, chat]
                escalate:
                  - after: 1m
                    alerts: [lead]
            channels:
              - {name: oncall, type: webhook, url: RECEIVERS/oncall, renotify: 2m}
              - {name: chat, type: slack, url: RECEIVERS/chat, renotify: 2m, group: 0s}
              - {name: lead, type: webhook, url: RECEIVERS/lead}
            """);
    Path data = dir.resolve("data");
    try (RunningDaemon tickr = cli.start(config, data)) {
      String viewer = cli.token(data, "viewer", "viewer");

      // The DOWN, to the monitor's channels only.
      eventually(
          Duration.ofSeconds(30),
          () -> !at("/oncall").isEmpty() && !at("/chat").isEmpty(),
          "the DOWN at oncall and chat");
      Instant seen = clock.instant(); // the DOWN was decided before this
      settled(tickr, viewer);
      JsonNode down = json(at("/oncall").get(0));
      assertThat(down.path("event").asText()).isEqualTo("down");
      assertThat(down.at("/monitor/name").asText()).isEqualTo("postback");
      assertThat(down.at("/incident/reason").asText()).isEqualTo("http-status");
      assertThat(down.at("/incident/ended_at").isNull()).isTrue();
      long incident = down.at("/incident/id").asLong();
      Instant started = Instant.parse(down.at("/incident/started_at").asText());
      assertThat(at("/chat").get(0).body()).contains("postback is DOWN");
      assertThat(at("/lead")).as("escalation only after 1m").isEmpty();

      // 1m10s on: the escalation is due (1m), the first reminder not yet (2m).
      clock.jumpTo(seen.plus(Duration.ofSeconds(70)));
      eventually(Duration.ofSeconds(30), () -> !at("/lead").isEmpty(), "the escalation at lead");
      settled(tickr, viewer);
      JsonNode escalated = json(at("/lead").get(0));
      assertThat(escalated.path("event").asText())
          .as("a DOWN to a channel that had not heard of it")
          .isEqualTo("down");
      assertThat(escalated.at("/incident/id").asLong()).isEqualTo(incident);
      assertThat(Instant.parse(escalated.at("/incident/started_at").asText())).isEqualTo(started);
      assertThat(events("/lead")).containsExactly("down");
      assertThat(events("/oncall")).as("no reminder before 2m").containsExactly("down");
      assertThat(at("/chat")).hasSize(1);

      // 2m10s on: the first reminder, to the channels told at first; lead has no renotify.
      clock.jumpTo(seen.plus(Duration.ofSeconds(130)));
      eventually(
          Duration.ofSeconds(30),
          () -> at("/oncall").size() >= 2 && at("/chat").size() >= 2,
          "the first reminder at oncall and chat");
      settled(tickr, viewer);
      JsonNode reminder = json(at("/oncall").get(1));
      assertThat(reminder.path("event").asText()).isEqualTo("reminder");
      assertThat(reminder.at("/incident/id").asLong()).isEqualTo(incident);
      assertThat(reminder.at("/incident/ended_at").isNull()).isTrue();
      assertThat(at("/chat").get(1).body())
          .contains("postback is still DOWN")
          .containsPattern("Down for 2m(\\d+s)?, since");
      assertThat(events("/oncall")).containsExactly("down", "reminder");
      assertThat(at("/chat")).hasSize(2);
      assertThat(events("/lead")).containsExactly("down");

      // 4m10s on: the second reminder (a reminder every 2m, not one per jump or per check).
      clock.jumpTo(seen.plus(Duration.ofSeconds(250)));
      eventually(
          Duration.ofSeconds(30),
          () -> at("/oncall").size() >= 3 && at("/chat").size() >= 3,
          "the second reminder at oncall and chat");
      settled(tickr, viewer);
      assertThat(events("/oncall")).containsExactly("down", "reminder", "reminder");
      assertThat(at("/chat").get(2).body()).containsPattern("Down for 4m(\\d+s)?, since");
      assertThat(at("/chat")).hasSize(3);
      assertThat(events("/lead")).containsExactly("down");

      // Recovery: every channel told of the incident hears its UP, the escalation's too.
      postbackUp.set(true);
      eventually(
          Duration.ofSeconds(30),
          () -> at("/oncall").size() >= 4 && at("/chat").size() >= 4 && at("/lead").size() >= 2,
          "the UP at oncall, chat and lead");
      settled(tickr, viewer);
      assertThat(events("/oncall")).containsExactly("down", "reminder", "reminder", "up");
      assertThat(events("/lead")).containsExactly("down", "up");
      assertThat(at("/chat")).hasSize(4);
      assertThat(at("/chat").get(3).body()).contains("postback is UP again");
      JsonNode up = json(at("/lead").get(1));
      assertThat(up.at("/incident/id").asLong()).isEqualTo(incident);
      assertThat(up.at("/incident/duration_s").asLong())
          .as("the outage lasted the minutes the clock moved on")
          .isGreaterThanOrEqualTo(250);

      CliRunner.Run done = tickr.stop();
      assertThat(done.exitCode()).as(done.err()).isZero();
    }
  }

  @Test
  void an_acknowledged_incident_gets_no_reminder_and_no_escalation_but_its_up() throws Exception {
    Path config =
        config(
            """
            defaults:
              interval: 2s
              timeout: 2s
              failure-threshold: 1
              alerts: [oncall]
            monitors:
              - name: postback
                url: TARGET/postback
                escalate:
                  - after: 1m
                    alerts: [lead]
              - name: feed
                url: TARGET/feed
            channels:
              - {name: oncall, type: webhook, url: RECEIVERS/oncall, renotify: 1m}
              - {name: lead, type: webhook, url: RECEIVERS/lead}
            """);
    Path data = dir.resolve("data");
    try (RunningDaemon tickr = cli.start(config, data)) {
      String viewer = cli.token(data, "viewer", "viewer");
      eventually(Duration.ofSeconds(30), () -> at("/oncall").size() >= 2, "both DOWNs at oncall");
      Instant seen = clock.instant();
      settled(tickr, viewer);
      assertThat(eventsOf("/oncall")).containsExactlyInAnyOrder("down/postback", "down/feed");
      long incident =
          at("/oncall").stream()
              .map(AlertingEndToEndTest::json)
              .filter(j -> j.at("/monitor/name").asText().equals("postback"))
              .findFirst()
              .orElseThrow()
              .at("/incident/id")
              .asLong();

      CliRunner.Run ack =
          cli.run(
              "incident",
              "ack",
              String.valueOf(incident),
              "--by",
              "alice",
              "--data",
              data.toString());
      assertThat(ack.exitCode()).as(ack.err()).isZero();

      // 1m10s on: feed's reminder and postback's escalation and reminder are all due in the same
      // round; only feed's (not acknowledged) goes out. Once it has, and nothing is pending,
      // postback's would have too.
      clock.jumpTo(seen.plus(Duration.ofSeconds(70)));
      eventually(
          Duration.ofSeconds(30), () -> at("/oncall").size() >= 3, "feed's reminder at oncall");
      settled(tickr, viewer);
      assertThat(eventsOf("/oncall").subList(2, at("/oncall").size()))
          .as("after the acknowledgement")
          .containsExactly("reminder/feed");
      assertThat(at("/lead")).as("no escalation of an acknowledged incident").isEmpty();

      postbackUp.set(true);
      eventually(
          Duration.ofSeconds(30), () -> at("/oncall").size() >= 4, "postback's UP at oncall");
      settled(tickr, viewer);
      assertThat(eventsOf("/oncall").subList(2, at("/oncall").size()))
          .containsExactly("reminder/feed", "up/postback");
      assertThat(at("/lead")).isEmpty();

      CliRunner.Run done = tickr.stop();
      assertThat(done.exitCode()).as(done.err()).isZero();
    }
  }

  @Test
  void reminders_that_came_due_while_tickr_was_stopped_are_sent_as_one() throws Exception {
    Path config =
        config(
            """
            monitors:
              - name: feed
                url: TARGET/feed
                interval: 2s
                timeout: 2s
                failure-threshold: 1
                alerts: [oncall]
            channels:
              - {name: oncall, type: webhook, url: RECEIVERS/oncall, renotify: 1m}
            """);
    Path data = dir.resolve("data");
    String viewer;
    Instant seen;
    try (RunningDaemon tickr = cli.start(config, data)) {
      viewer = cli.token(data, "viewer", "viewer");
      eventually(Duration.ofSeconds(30), () -> !at("/oncall").isEmpty(), "the DOWN at oncall");
      seen = clock.instant();
      settled(tickr, viewer);
      assertThat(events("/oncall")).containsExactly("down");
      assertThat(tickr.stop().exitCode()).isZero();
    }

    // Four reminders came due while it was stopped (1m, 2m, 3m, 4m).
    clock.jumpTo(seen.plus(Duration.ofSeconds(270)));
    try (RunningDaemon tickr = cli.start(config, data)) {
      eventually(Duration.ofSeconds(30), () -> at("/oncall").size() >= 2, "a reminder at oncall");
      settled(tickr, viewer);
      assertThat(events("/oncall")).containsExactly("down", "reminder");
      assertThat(json(at("/oncall").get(1)).at("/incident/id").asLong())
          .isEqualTo(json(at("/oncall").get(0)).at("/incident/id").asLong());

      feedUp.set(true);
      eventually(Duration.ofSeconds(30), () -> at("/oncall").size() >= 3, "the UP at oncall");
      settled(tickr, viewer);
      assertThat(events("/oncall")).containsExactly("down", "reminder", "up");
      assertThat(tickr.stop().exitCode()).isZero();
    }
  }
}
