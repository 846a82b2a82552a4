package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.testing.JumpClock;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path with nothing replaced: {@code tickr run} from a YAML file, real targets that fail
 * and recover, and real receivers for the channels on loopback. Only time is the test's: the clock
 * runs as the system's, and the test moves it on to close a group window at once ({@link
 * JumpClock}).
 */
class AlertingEndToEndTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ROUTING_KEY = "R0UT1NGKEY0123456789abcdefABCDEF";

  @TempDir Path dir;

  private final AtomicBoolean targetUp = new AtomicBoolean(false);
  private final TestHttpServer target = TestHttpServer.plain();
  private final TestHttpServer receivers = TestHttpServer.plain();
  private final JumpClock clock = new JumpClock();
  private final CliRunner cli =
      new CliRunner(Map.of("ROUTING_KEY", ROUTING_KEY), clock, clock::waiter);

  AlertingEndToEndTest() {
    for (int i = 0; i < 50; i++) {
      target.route("/m/" + i, r -> Reply.status(targetUp.get() ? 200 : 500).text("state"));
    }
  }

  @AfterEach
  void close() {
    target.close();
    receivers.close();
  }

  private Path config(int monitors, String channels) throws IOException {
    StringBuilder yaml = new StringBuilder();
    // Seconds of timeout for a loopback target: the monitors must stay UP once it answers 200.
    yaml.append("defaults:\n  interval: 2s\n  timeout: 2s\n  failure-threshold: 2\n");
    yaml.append("  alerts: [chat, hook, pager]\nmonitors:\n");
    for (int i = 0; i < monitors; i++) {
      yaml.append("  - name: m")
          .append(i)
          .append("\n    url: ")
          .append(target.url("/m/" + i))
          .append('\n');
    }
    yaml.append("channels:\n").append(channels);
    Path file = dir.resolve("tickr.yml");
    Files.writeString(file, yaml.toString());
    return file;
  }

  private RunningDaemon run(Path config) throws InterruptedException {
    return cli.start(config, dir.resolve("data"));
  }

  private @Nullable String reader;

  /** A viewer token of the data directory, made through the command line at first use. */
  private String reader() {
    String bearer = reader;
    if (bearer == null) {
      bearer = cli.token(dir.resolve("data"), "reader", "viewer");
      reader = bearer;
    }
    return bearer;
  }

  /** A page of the running daemon, read with the {@link #reader()}'s token. */
  private String page(String url) throws IOException, InterruptedException {
    String bearer = reader();
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client
          .send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Authorization", "Bearer " + bearer)
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    }
  }

  /** The page, or "" while it cannot be read. */
  private String pageOrNothing(String url) {
    try {
      return page(url);
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** Waits until the daemon has nothing left to send: see {@link Deliveries#settled}. */
  private void settled(RunningDaemon tickr) throws IOException, InterruptedException {
    Deliveries.settled(tickr, reader(), receivers);
  }

  private List<RecordedRequest> at(String path) {
    return receivers.requests().stream().filter(r -> r.path().equals(path)).toList();
  }

  static JsonNode json(RecordedRequest r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(r.body(), e);
    }
  }

  static void eventually(Duration timeout, BooleanSupplier done, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  private static List<String> pagerEvents(List<RecordedRequest> requests, String action) {
    return requests.stream()
        .map(AlertingEndToEndTest::json)
        .filter(j -> j.path("event_action").asText().equals(action))
        .map(j -> j.path("dedup_key").asText())
        .toList();
  }

  @Test
  void fifty_monitors_failing_together_make_one_message_per_chat_channel_and_an_incident_each()
      throws Exception {
    receivers
        .text("/slack", 200, "ok")
        .text("/hook", 200, "ok")
        .json("/pager", 202, "{\"status\":\"success\",\"message\":\"Event processed\"}");
    Path config =
        config(
            50,
            """
              - {name: chat, type: slack, url: %s, group: 5m}
              - {name: hook, type: webhook, url: %s, group: 5m}
              - {name: pager, type: pagerduty, routing-key: "${ROUTING_KEY}", url: %s}
            """
                .formatted(
                    receivers.url("/slack"), receivers.url("/hook"), receivers.url("/pager")));
    // On a loaded machine of two cores the 50 monitors' DOWNs have come more than 10 s apart (late
    // checks, skipped slots). The window is 5 minutes of Tickr's clock, which the test moves on
    // once all 50 are decided: "together" holds however long they took.
    List<String> all = IntStream.range(0, 50).mapToObj(i -> "m" + i).toList();
    try (RunningDaemon running = run(config)) {
      eventually(
          Duration.ofSeconds(40),
          () -> pagerEvents(at("/pager"), "trigger").size() == 50,
          "50 PagerDuty triggers");
      // PagerDuty is sent every DOWN at once (sharing pages, it never waits for the window): every
      // DOWN has been decided; the other two hold theirs.
      assertThat(at("/slack")).isEmpty();
      assertThat(at("/hook")).isEmpty();
      clock.jumpTo(clock.instant().plus(Duration.ofMinutes(5)));
      eventually(
          Duration.ofSeconds(30),
          () -> !at("/slack").isEmpty() && !at("/hook").isEmpty(),
          "a Slack message and a webhook request once the window closed");
      // The first message of each grouping channel names all 50, so none of their alerts is still
      // held; a second message now could only be a repeat.
      String slack = at("/slack").get(0).body();
      assertThat(slack).contains("50 monitors DOWN");
      JsonNode hook = json(at("/hook").get(0));
      assertThat(hook.path("event").asText()).isEqualTo("down");
      assertThat(hook.path("alerts").findValuesAsText("name"))
          .containsExactlyInAnyOrderElementsOf(all);
      // Links name where Tickr listens (--listen 127.0.0.1:0), not the config's default 8080.
      assertThat(hook.path("dashboard_url").asText())
          .startsWith(running.uri("/monitors/m").toString());
      settled(running);
      assertThat(at("/slack")).as("one Slack message for 50 monitors").hasSize(1);
      assertThat(at("/hook")).as("one webhook request for 50 monitors").hasSize(1);
      List<String> triggers = pagerEvents(at("/pager"), "trigger");
      assertThat(triggers)
          .as("monitors failing the same way within 30s of a page's first share its key")
          .hasSize(50)
          .allMatch(k -> k.startsWith("tickr-page-"));
      List<String> pages = triggers.stream().distinct().toList();

      targetUp.set(true);
      eventually(
          Duration.ofSeconds(40),
          () -> pagerEvents(at("/pager"), "resolve").size() == pages.size(),
          "a PagerDuty resolve per page");
      assertThat(at("/slack")).hasSize(1);
      assertThat(at("/hook")).hasSize(1);
      clock.jumpTo(clock.instant().plus(Duration.ofMinutes(5)));
      eventually(
          Duration.ofSeconds(30),
          () -> at("/slack").size() >= 2 && at("/hook").size() >= 2,
          "a second Slack message and a second webhook request");
      assertThat(at("/slack").get(1).body()).contains("50 monitors UP");
      JsonNode up = json(at("/hook").get(1));
      assertThat(up.path("event").asText()).isEqualTo("up");
      assertThat(up.path("alerts").findValuesAsText("name"))
          .containsExactlyInAnyOrderElementsOf(all);
      settled(running);
      assertThat(at("/slack")).hasSize(2);
      assertThat(at("/hook")).hasSize(2);
      assertThat(pagerEvents(at("/pager"), "resolve"))
          .as("each page resolved once, with the key it was triggered with")
          .containsExactlyInAnyOrderElementsOf(pages);
      assertThat(at("/pager")).hasSize(50 + pages.size());

      CliRunner.Run done = running.stop();
      assertThat(done.exitCode()).as(done.err()).isZero();
    }
  }

  @Test
  void an_alert_pending_at_a_restart_reaches_a_receiver_that_was_down_exactly_once()
      throws Exception {
    AtomicBoolean receiverUp = new AtomicBoolean(false);
    List<JsonNode> taken = new CopyOnWriteArrayList<>();
    List<String> idempotencyKeys = new CopyOnWriteArrayList<>();
    receivers.route(
        "/pager",
        r -> {
          if (!receiverUp.get()) {
            return Reply.status(503).text("maintenance");
          }
          taken.add(json(r));
          return Reply.status(202).json("{\"status\":\"success\"}");
        });
    receivers.route(
        "/hook",
        r -> {
          idempotencyKeys.add(String.valueOf(r.header("Idempotency-Key")));
          if (!receiverUp.get()) {
            return Reply.status(503).text("maintenance");
          }
          taken.add(json(r));
          return Reply.status(200).text("ok");
        });
    Path config =
        config(
            1,
            """
              - {name: chat, type: webhook, url: %s, events: []}
              - {name: hook, type: webhook, url: %s}
              - {name: pager, type: pagerduty, routing-key: "${ROUTING_KEY}", url: %s}
            """
                .formatted(
                    receivers.url("/unused"), receivers.url("/hook"), receivers.url("/pager")));

    // First run: the monitor goes DOWN, both receivers refuse with 503, then Tickr stops.
    try (RunningDaemon first = run(config)) {
      eventually(
          Duration.ofSeconds(30),
          () -> !at("/pager").isEmpty() && !at("/hook").isEmpty(),
          "a first attempt at each receiver");
      String base = first.url();
      eventually(
          Duration.ofSeconds(10),
          () -> pageOrNothing(base + "/").contains("2 alert channels are failing"),
          "the dashboard saying both channels fail");
      assertThat(page(base + "/channels"))
          .contains(
              "<th scope=\"row\">hook</th><td>webhook</td><td><span class=\"state"
                  + " state-DOWN\">Failing")
          .contains("503 maintenance")
          .doesNotContain(ROUTING_KEY);
      assertThat(first.stop().exitCode()).isZero();
    }
    assertThat(taken).isEmpty();
    int attemptsBefore = receivers.requests().size();

    // Second run: the receivers are back; the target is still down (the same incident).
    receiverUp.set(true);
    try (RunningDaemon second = run(config)) {
      // Past the retry pauses the first run set: the pending notifications are due at once.
      clock.jumpTo(clock.instant().plus(Duration.ofMinutes(1)));
      eventually(Duration.ofSeconds(30), () -> taken.size() >= 2, "both alerts delivered");
      settled(second);
      assertThat(second.stop().exitCode()).isZero();
    }

    assertThat(receivers.requests().size()).isGreaterThan(attemptsBefore);
    List<JsonNode> triggers =
        taken.stream().filter(j -> j.path("event_action").asText().equals("trigger")).toList();
    assertThat(triggers)
        .as("one trigger reached PagerDuty")
        .singleElement()
        .satisfies(j -> assertThat(j.path("dedup_key").asText()).startsWith("tickr-page-"));
    List<JsonNode> downs =
        taken.stream().filter(j -> j.path("event").asText().equals("down")).toList();
    assertThat(downs).as("one DOWN reached the webhook").hasSize(1);
    assertThat(downs.get(0).at("/incident/id").asLong()).isEqualTo(1);
    assertThat(idempotencyKeys.stream().collect(Collectors.toSet()))
        .as("every attempt, before and after the restart, carried the same key")
        .hasSize(1);
    assertThat(new ArrayList<>(idempotencyKeys)).hasSizeGreaterThan(1);
  }
}
