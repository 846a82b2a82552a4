package dev.tickr.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.alert.ChannelHealth;
import dev.tickr.check.Reason;
import dev.tickr.check.TlsInfo;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.incident.Verdict;
import dev.tickr.store.CheckRecord;
import dev.tickr.store.WriteTimer;
import dev.tickr.testing.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link Metrics} fed by hand, its text read back with the strict {@link PrometheusText}. */
class MetricsTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private static final Path DASHBOARD = Path.of("dashboards/grafana/tickr.json");

  private final Map<String, MonitorStatus> states = new HashMap<>();
  private final List<ChannelHealth> channels = new ArrayList<>();
  private final Metrics metrics = new Metrics();

  MetricsTest() {
    metrics.watch(Metrics.Sources.of(() -> Map.copyOf(states), () -> 3, () -> channels));
  }

  private void state(String monitor, MonitorState state) {
    states.put(
        monitor, new MonitorStatus(monitor, state, T0, 0, 0, null, null, null, T0.plusSeconds(1)));
  }

  private static CheckRecord record(String monitor, Verdict verdict, Duration late) {
    return new CheckRecord(
        monitor,
        T0,
        T0.plus(late),
        Duration.ofMillis(120),
        null,
        Duration.ofMillis(2),
        Duration.ofMillis(30),
        Duration.ofMillis(80),
        verdict == Verdict.FAILED ? 500 : 200,
        verdict,
        verdict == Verdict.FAILED ? Reason.HTTP_STATUS : null,
        verdict == Verdict.FAILED ? "condition failed" : null);
  }

  private PrometheusText scrape() {
    return PrometheusText.parse(metrics.text());
  }

  @Test
  void tickr_connectivity_up_reads_the_guard_and_is_absent_without_canaries() {
    java.util.concurrent.atomic.AtomicReference<dev.tickr.connectivity.LinkState> link =
        new java.util.concurrent.atomic.AtomicReference<>(dev.tickr.connectivity.LinkState.OFF);
    metrics.watchConnectivity(link::get);

    assertThat(scrape().value("tickr_connectivity_up", Map.of())).isEmpty();
    link.set(dev.tickr.connectivity.LinkState.ONLINE);
    assertThat(scrape().value("tickr_connectivity_up", Map.of())).hasValue(1);
    link.set(dev.tickr.connectivity.LinkState.LOST);
    assertThat(scrape().value("tickr_connectivity_up", Map.of())).hasValue(0);
  }

  @Test
  void a_monitor_that_is_down_reads_0_and_its_state_is_one_hot() {
    state("api", MonitorState.UP);
    state("pixel", MonitorState.DOWN);
    state("new", MonitorState.PENDING);

    PrometheusText text = scrape();

    assertThat(text.value("tickr_monitor_up", Map.of("monitor", "api"))).hasValue(1);
    assertThat(text.value("tickr_monitor_up", Map.of("monitor", "pixel"))).hasValue(0);
    assertThat(text.value("tickr_monitor_up", Map.of("monitor", "new"))).isEmpty();
    for (MonitorState s : MonitorState.values()) {
      assertThat(text.value("tickr_monitor_state", Map.of("monitor", "pixel", "state", s.name())))
          .as(s.name())
          .hasValue(s == MonitorState.DOWN ? 1 : 0);
    }
    assertThat(text.family("tickr_monitor_state").type()).isEqualTo("gauge");
  }

  @Test
  void checks_are_counted_by_result_and_timed_by_phase() {
    state("api", MonitorState.UP);
    metrics.checked(record("api", Verdict.OK, Duration.ofMillis(3)));
    metrics.checked(record("api", Verdict.OK, Duration.ofMillis(40)));
    metrics.checked(record("api", Verdict.FAILED, Duration.ofSeconds(2)));

    PrometheusText text = scrape();

    assertThat(text.family("tickr_checks_total").type()).isEqualTo("counter");
    assertThat(text.value("tickr_checks_total", Map.of("monitor", "api", "result", "ok")))
        .hasValue(2);
    assertThat(text.value("tickr_checks_total", Map.of("monitor", "api", "result", "failed")))
        .hasValue(1);
    assertThat(text.value("tickr_checks_total", Map.of("monitor", "api", "result", "inconclusive")))
        .hasValue(0);
    assertThat(text.value("tickr_check_duration_seconds", Map.of("monitor", "api", "phase", "tls")))
        .hasValue(0.03);
    assertThat(
            text.value("tickr_check_duration_seconds", Map.of("monitor", "api", "phase", "total")))
        .hasValue(0.12);
    assertThat(text.value("tickr_check_duration_seconds", Map.of("monitor", "api", "phase", "dns")))
        .as("a phase that did not happen has no sample")
        .isEmpty();
    assertThat(text.family("tickr_scheduler_lateness_seconds").type()).isEqualTo("histogram");
    assertThat(text.value("tickr_scheduler_lateness_seconds_count", Map.of())).hasValue(3);
    assertThat(text.value("tickr_scheduler_lateness_seconds_bucket", Map.of("le", "0.005")))
        .hasValue(1);
    assertThat(text.value("tickr_scheduler_lateness_seconds_bucket", Map.of("le", "2.5")))
        .hasValue(3);
  }

  @Test
  void certificates_expiry_is_a_unix_time() {
    state("cert", MonitorState.UP);
    TlsInfo tls =
        new TlsInfo(
            TestCertificates.at(T0).ca().leaf("localhost").chain(), "TLSv1.3", "TLS_AES_128");

    metrics.certificate("cert", tls);

    assertThat(
            scrape().value("tickr_certificate_expiry_timestamp_seconds", Map.of("monitor", "cert")))
        .hasValue((double) tls.expiresAt().getEpochSecond());
  }

  @Test
  void a_monitor_removed_by_a_reload_leaves_no_series() {
    state("gone", MonitorState.DOWN);
    metrics.checked(record("gone", Verdict.FAILED, Duration.ZERO));
    assertThat(scrape().value("tickr_checks_total", Map.of("monitor", "gone", "result", "failed")))
        .hasValue(1);

    states.remove("gone");

    assertThat(metrics.text()).doesNotContain("\"gone\"");
  }

  @Test
  void tickrs_own_health_store_writes_outbox_alerts_in_flight_and_jvm() {
    metrics.wrote(WriteTimer.Kind.RESULTS, Duration.ofMillis(4));
    metrics.wrote(WriteTimer.Kind.TRANSACTION, Duration.ofMillis(1));
    channels.add(new ChannelHealth("chat", T0, null, null, 0, 0, 5, 0));
    channels.add(new ChannelHealth("pager", null, T0, "503", 3, 2, 0, 3));

    PrometheusText text = scrape();

    assertThat(text.value("tickr_store_write_duration_seconds_count", Map.of("kind", "results")))
        .hasValue(1);
    assertThat(
            text.value("tickr_store_write_duration_seconds_count", Map.of("kind", "transaction")))
        .hasValue(1);
    assertThat(text.value("tickr_alert_outbox_depth", Map.of("channel", "pager"))).hasValue(2);
    assertThat(text.value("tickr_alerts_sent_total", Map.of("channel", "chat"))).hasValue(5);
    assertThat(text.value("tickr_alerts_failed_total", Map.of("channel", "pager"))).hasValue(3);
    assertThat(text.value("tickr_checks_in_flight", Map.of())).hasValue(3);
    assertThat(text.families()).containsKeys("jvm_memory_used_bytes", "jvm_threads_current");
  }

  @Test
  void the_grafana_dashboard_is_json_and_names_only_metrics_that_exist() throws IOException {
    state("api", MonitorState.UP);
    metrics.checked(record("api", Verdict.OK, Duration.ZERO));
    metrics.certificate(
        "api", new TlsInfo(TestCertificates.at(T0).ca().leaf("localhost").chain(), "TLSv1.3", "x"));
    metrics.wrote(WriteTimer.Kind.RESULTS, Duration.ofMillis(4));
    channels.add(new ChannelHealth("chat", T0, null, null, 0, 0, 1, 0));
    Set<String> exposed = scrape().sampleNames();

    JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
    List<String> expressions = dashboard.findValuesAsText("expr");
    expressions.addAll(dashboard.path("templating").path("list").findValuesAsText("definition"));

    assertThat(dashboard.path("title").asText()).isEqualTo("Tickr");
    assertThat(dashboard.path("panels")).isNotEmpty();
    assertThat(expressions).hasSizeGreaterThan(10);
    Set<String> used = new TreeSet<>();
    Pattern name = Pattern.compile("\\b(?:tickr|jvm|process)_[a-zA-Z0-9_]+");
    for (String expr : expressions) {
      Matcher m = name.matcher(expr);
      while (m.find()) {
        used.add(m.group());
      }
    }
    assertThat(used)
        .contains(
            "tickr_monitor_up",
            "tickr_monitor_state",
            "tickr_check_duration_seconds",
            "tickr_checks_total",
            "tickr_certificate_expiry_timestamp_seconds",
            "tickr_scheduler_lateness_seconds_bucket",
            "tickr_checks_in_flight",
            "tickr_store_write_duration_seconds_bucket",
            "tickr_alert_outbox_depth",
            "tickr_alerts_sent_total",
            "tickr_alerts_failed_total");
    assertThat(exposed).containsAll(used);
  }
}
