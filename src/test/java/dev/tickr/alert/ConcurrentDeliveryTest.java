package dev.tickr.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.alert.channel.Notifiers;
import dev.tickr.store.OutboxRow;
import dev.tickr.store.OutboxState;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many notifications of one channel on their way at once, to a real webhook receiver on loopback,
 * while those about one monitor keep their order, and each goes out once.
 */
class ConcurrentDeliveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private final TestHttpServer receiver = TestHttpServer.plain();
  private @Nullable AlertRig rig;

  @AfterEach
  void close() {
    AlertRig r = rig;
    if (r != null) {
      r.close();
    }
    receiver.close();
  }

  private AlertRig start(int monitors) {
    StringBuilder yaml = new StringBuilder("defaults: {failure-threshold: 1}\nmonitors:\n");
    for (int i = 0; i < monitors; i++) {
      yaml.append("  - {name: m")
          .append(i)
          .append(", url: 'https://api.example.com/")
          .append(i)
          .append("', alerts: [hook], flapping: {changes: 0}}\n");
    }
    yaml.append("channels:\n  - {name: hook, type: webhook, url: '")
        .append(receiver.url("/hook"))
        .append("'}\n");
    AlertRig made = new AlertRig(dir, yaml.toString());
    rig = made;
    Notifiers.Built built =
        Notifiers.build(
            AlertRig.parse(yaml.toString()).channels(),
            Notifiers.Context.create(made.clock, "tickr-test"));
    assertThat(built.problems()).isEmpty();
    made.use("hook", Objects.requireNonNull(built.notifiers().get("hook")));
    return made;
  }

  private static JsonNode body(RecordedRequest r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String what(RecordedRequest r) {
    JsonNode b = body(r);
    return b.at("/monitor/name").asText() + " " + b.path("event").asText();
  }

  @Test
  void a_burst_of_downs_is_sent_many_at_once_but_no_more_than_the_bound() throws Exception {
    int monitors = Dispatcher.IN_FLIGHT + 4;
    CountDownLatch inside = new CountDownLatch(Dispatcher.IN_FLIGHT);
    CountDownLatch gate = new CountDownLatch(1);
    receiver.route(
        "/hook",
        r -> {
          inside.countDown();
          gate.await(WAIT.toSeconds(), TimeUnit.SECONDS);
          return Reply.status(200).text("ok");
        });
    AlertRig rig = start(monitors);
    for (int i = 0; i < monitors; i++) {
      rig.fail("m" + i);
    }

    rig.engine.runDue();
    assertThat(inside.await(WAIT.toSeconds(), TimeUnit.SECONDS))
        .as("%d notifications held by the receiver at the same time", Dispatcher.IN_FLIGHT)
        .isTrue();
    assertThat(receiver.requests())
        .as("no more than the bound while all of them are held")
        .hasSize(Dispatcher.IN_FLIGHT);

    gate.countDown();
    rig.tick();
    List<RecordedRequest> got = receiver.requests();
    assertThat(got.stream().map(ConcurrentDeliveryTest::what).sorted().toList())
        .as("every DOWN once")
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.range(0, monitors)
                .mapToObj(i -> "m" + i + " down")
                .toList());
    assertThat(rig.store.outbox("hook"))
        .extracting(OutboxRow::state)
        .containsOnly(OutboxState.SENT);
  }

  @Test
  void a_monitors_up_waits_for_its_down_while_other_monitors_go_past_and_each_goes_once()
      throws Exception {
    CountDownLatch downOfM0 = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Map<String, Integer> byKey = new ConcurrentHashMap<>();
    receiver.route(
        "/hook",
        r -> {
          byKey.merge(String.valueOf(r.header("Idempotency-Key")), 1, Integer::sum);
          if (what(r).equals("m0 down")) {
            downOfM0.countDown();
            release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
          }
          return Reply.status(200).text("ok");
        });
    AlertRig rig = start(3);

    rig.fail("m0");
    rig.engine.runDue();
    assertThat(downOfM0.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    rig.pass("m0"); // its UP is enqueued while its DOWN is on its way
    rig.fail("m1"); // enqueued after m0's UP
    rig.fail("m2");
    rig.engine.runDue();
    assertThat(receiver.awaitRequests(3, WAIT).stream().map(ConcurrentDeliveryTest::what))
        .contains("m1 down", "m2 down");
    assertThat(receiver.requests().stream().map(ConcurrentDeliveryTest::what))
        .as("m1 and m2 went past; m0's UP waits for its DOWN")
        .doesNotContain("m0 up");

    release.countDown();
    rig.tick();
    rig.fail("m0"); // a second incident of m0, after the first one's UP
    rig.tick();
    List<String> m0 =
        receiver.requests().stream()
            .map(ConcurrentDeliveryTest::what)
            .filter(w -> w.startsWith("m0 "))
            .toList();
    assertThat(m0).containsExactly("m0 down", "m0 up", "m0 down");
    List<OutboxRow> outbox = rig.store.outbox("hook");
    assertThat(outbox).hasSize(5).extracting(OutboxRow::state).containsOnly(OutboxState.SENT);
    assertThat(byKey)
        .as("each notification reached the receiver once")
        .containsOnlyKeys(outbox.stream().map(OutboxRow::id).collect(Collectors.toSet()))
        .allSatisfy((key, times) -> assertThat(times).isEqualTo(1));
    assertThat(new ArrayList<>(byKey.values())).hasSize(5);
  }
}
