package dev.tickr.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Reason;
import dev.tickr.check.StepResult;
import dev.tickr.incident.Evidence;
import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.incident.Outcome;
import dev.tickr.incident.Verdict;
import dev.tickr.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundTripTest {
  private static final Instant T = Instant.parse("2026-03-10T12:00:00.123Z");
  private static final Evidence EVIDENCE =
      new Evidence(
          503,
          List.of(Map.entry("Content-Type", "text/html"), Map.entry("Retry-After", "30")),
          "<html>down for maintenance</html>");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T);
  private SqliteStore store;

  @BeforeEach
  void open() {
    store = SqliteStore.open(dir, Retention.defaults(), clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void a_result_with_every_field_comes_back_equal() {
    CheckRecord full =
        new CheckRecord(
            "api",
            T.minusMillis(250),
            T,
            Duration.ofNanos(123_456_000),
            Duration.ofMillis(3),
            Duration.ofMillis(7),
            Duration.ofMillis(22),
            Duration.ofNanos(99_001_000),
            429,
            Verdict.FAILED,
            Reason.RATE_LIMITED,
            "HTTP 429 Too Many Requests");
    store.append(full);
    store.flush();

    assertThat(store.results("api", T, T.plusMillis(1), 10, null)).containsExactly(full);
    assertThat(full.lateness()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void a_flow_result_comes_back_with_its_steps_and_durations() {
    List<StepResult> steps =
        List.of(
            new StepResult(
                "convert",
                StepResult.Status.PASSED,
                1,
                Duration.ofMillis(12),
                null,
                null,
                List.of(new StepResult.ConditionOutcome("[STATUS] < 400", true, "200"))),
            new StepResult(
                "report",
                StepResult.Status.FAILED,
                31,
                Duration.ofMinutes(30),
                Reason.HTTP_STATUS,
                "step \"report\" timed out after 30m (31 tries): HTTP 404",
                List.of(new StepResult.ConditionOutcome("[STATUS] == 200", false, "404"))),
            new StepResult(
                "reverse", StepResult.Status.SKIPPED, 0, Duration.ZERO, null, null, List.of()));
    CheckRecord flow =
        new CheckRecord(
            "flow",
            T,
            T,
            Duration.ofMinutes(30),
            null,
            null,
            null,
            null,
            404,
            Verdict.FAILED,
            Reason.HTTP_STATUS,
            "step \"report\" timed out",
            steps,
            Map.of("signup-latency", 0.012));
    store.append(flow);
    store.flush();

    assertThat(store.results("flow", T, T.plusMillis(1), 10, null)).containsExactly(flow);
  }

  @Test
  void a_result_with_every_nullable_field_empty_comes_back_equal() {
    CheckRecord bare =
        new CheckRecord(
            "tcp", T, T, Duration.ZERO, null, null, null, null, null, Verdict.OK, null, null);
    store.append(bare);
    store.flush();

    assertThat(store.results("tcp", T, T.plusSeconds(1), 10, null)).containsExactly(bare);
  }

  @Test
  void the_catalogue_lists_by_name_replaces_hides_retired_and_brings_them_back() {
    MonitorRow b =
        new MonitorRow("b", "tcp", "yaml", "tcp://db:5432", Duration.ofSeconds(30), List.of());
    MonitorRow a =
        new MonitorRow(
            "a", "http", "api", "https://x/***", Duration.ofMinutes(1), List.of("p", "q"));
    store.upsertMonitor(b);
    store.upsertMonitor(a);
    assertThat(store.monitors()).containsExactly(a, b);

    MonitorRow a2 =
        new MonitorRow("a", "http", "yaml", "https://y", Duration.ofMillis(1500), List.of());
    store.upsertMonitor(a2);
    store.retireMonitor("b", T);
    assertThat(store.monitors()).containsExactly(a2);

    store.upsertMonitor(b);
    assertThat(store.monitors()).containsExactly(a2, b);
  }

  @Test
  void many_monitors_are_upserted_at_once() {
    List<MonitorRow> rows = new java.util.ArrayList<>();
    for (int i = 999; i >= 0; i--) {
      rows.add(
          new MonitorRow(
              "m" + (1000 + i),
              "http",
              "yaml",
              "https://x/" + i,
              Duration.ofSeconds(30),
              List.of()));
    }
    store.upsertMonitors(rows);
    store.retireMonitor("m1000", T);
    assertThat(store.monitors())
        .hasSize(999)
        .isSortedAccordingTo((a, b) -> a.name().compareTo(b.name()));

    // Again, changed: every row is updated (also the retired one, which comes back), none added.
    List<MonitorRow> changed =
        rows.stream()
            .map(
                r ->
                    new MonitorRow(
                        r.name(),
                        "tcp",
                        "api",
                        r.target() + "/v2",
                        Duration.ofSeconds(5),
                        List.of("moved")))
            .toList();
    store.upsertMonitors(changed);
    assertThat(store.monitors()).hasSize(1000).containsExactlyInAnyOrderElementsOf(changed);
  }

  @Test
  void a_status_with_every_field_comes_back_equal() {
    Outcome first = new Outcome(T, Verdict.FAILED, Reason.HTTP_STATUS, "HTTP 503", EVIDENCE);
    Outcome streak =
        new Outcome(T.minusSeconds(30), Verdict.DEGRADED, Reason.CONDITION, "slow", Evidence.NONE);
    Incident incident = new Incident(7, "api", T, null, Reason.HTTP_STATUS, "HTTP 503", EVIDENCE);
    MonitorStatus down =
        new MonitorStatus(
            "api", MonitorState.DOWN, T, 3, 0, streak, first, incident, T.plusSeconds(60));
    MonitorStatus pending = MonitorStatus.pending("new", T);
    store.saveStatus(down);
    store.saveStatus(pending);

    assertThat(store.loadStatuses())
        .containsExactlyInAnyOrderEntriesOf(Map.of("api", down, "new", pending));

    MonitorStatus up =
        new MonitorStatus(
            "api", MonitorState.UP, T.plusSeconds(90), 0, 1, null, null, null, T.plusSeconds(90));
    store.saveStatus(up);
    assertThat(store.loadStatuses()).containsEntry("api", up).hasSize(2);
  }

  @Test
  void incidents_are_upserted_by_id_and_found_by_window_and_openness() {
    Incident early =
        new Incident(1, "api", T, T.plusSeconds(60), Reason.DNS, "no such host", Evidence.NONE);
    Incident late =
        new Incident(2, "api", T.plusSeconds(600), null, Reason.TIMEOUT, "timed out", EVIDENCE);
    Incident other =
        new Incident(3, "db", T.plusSeconds(10), null, Reason.CONNECT, "refused", Evidence.NONE);
    store.saveIncident(early);
    store.saveIncident(late);
    store.saveIncident(other);

    assertThat(store.incident(2)).contains(late);
    assertThat(store.incident(99)).isEmpty();
    assertThat(store.openIncidents()).containsExactly(late, other);
    assertThat(store.incidents("api", T, T.plusSeconds(3600))).containsExactly(late, early);
    assertThat(store.incidents("api", T.plusSeconds(60), T.plusSeconds(600))).isEmpty();
    assertThat(store.incidents("api", T.plusSeconds(59), T.plusSeconds(601)))
        .containsExactly(late, early);
    assertThat(store.incidents("api", T.plusSeconds(86_400), T.plusSeconds(86_401)))
        .containsExactly(late);

    Incident resolved = late.resolvedAt(T.plusSeconds(900));
    store.saveIncident(resolved);
    assertThat(store.incident(2)).contains(resolved);
    assertThat(store.openIncidents()).containsExactly(other);
    assertThat(Records.count(dir, "SELECT COUNT(*) FROM incidents")).isEqualTo(3);
  }

  @Test
  void incident_ids_increase_across_restarts() {
    long first = store.nextIncidentId();
    long second = store.nextIncidentId();
    store.close();
    store = SqliteStore.open(dir, Retention.defaults(), clock);
    long third = store.nextIncidentId();

    assertThat(first).isPositive();
    assertThat(second).isGreaterThan(first);
    assertThat(third).isGreaterThan(second);
  }
}
