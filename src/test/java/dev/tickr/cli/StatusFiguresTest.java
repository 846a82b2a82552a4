package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.Tickr;
import dev.tickr.check.Reason;
import dev.tickr.incident.Verdict;
import dev.tickr.store.CheckRecord;
import dev.tickr.store.MonitorRow;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import dev.tickr.store.Store;
import dev.tickr.time.Ticker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickr status}'s figures from a store with known results, against values worked out by hand
 * from what the docs promise: uptime is checks that did not fail ÷ all checks, over {@code [now -
 * 24h, now)} and {@code [now - 30d, now)}, DEGRADED counting as up and INCONCLUSIVE (Tickr's own
 * stall) not at all; p95 is over 24 h, of the checks that did not fail, the nearest-rank value's
 * histogram bucket reported as its geometric middle (12% buckets from 1 ms: within 6% of the true
 * value, never outside the window's fastest and slowest check).
 */
class StatusFiguresTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path data;

  private final List<CheckRecord> results = new ArrayList<>();

  private void check(String monitor, Instant at, long millis, Verdict verdict) {
    boolean failed = verdict == Verdict.FAILED;
    results.add(
        new CheckRecord(
            monitor,
            at,
            at,
            Duration.ofMillis(millis),
            null,
            Duration.ofMillis(millis / 2),
            null,
            failed ? null : Duration.ofMillis(millis),
            failed ? null : 200,
            verdict,
            failed ? Reason.TIMEOUT : verdict == Verdict.INCONCLUSIVE ? Reason.INTERNAL : null,
            failed ? "timeout after 10s while waiting for the response" : null));
  }

  /**
   * {@code offers}: over the last 24 h, fast OK checks, one at 200 ms, two slow DEGRADED ones,
   * three FAILED timeouts and one INCONCLUSIVE; from 24 h to 30 d ago slow and often failed checks,
   * which the 24 h figures must not see; one check just outside each window. {@code dead}: only
   * failures. {@code quiet}: never checked.
   */
  @BeforeEach
  void write() {
    Instant dayAgo = NOW.minus(Duration.ofHours(24));
    Instant monthAgo = NOW.minus(Duration.ofDays(30));
    // Last 24 h. The 37 OK checks: 40, 43, ..., 148 ms; the first exactly at the window's start.
    for (int i = 0; i < 37; i++) {
      check("offers", dayAgo.plus(Duration.ofMinutes(30L * i)), 40 + 3L * i, Verdict.OK);
    }
    check("offers", NOW.minus(Duration.ofMinutes(50)), 200, Verdict.OK); // rank 38 of 40
    check("offers", NOW.minus(Duration.ofMinutes(40)), 800, Verdict.DEGRADED);
    check("offers", NOW.minus(Duration.ofMinutes(30)), 900, Verdict.DEGRADED);
    for (int i = 1; i <= 3; i++) {
      check("offers", NOW.minus(Duration.ofMinutes(5L * i)), 10_000, Verdict.FAILED);
    }
    check("offers", NOW.minus(Duration.ofMinutes(2)), 7_000, Verdict.INCONCLUSIVE);
    check("offers", NOW.minusMillis(1), 41, Verdict.OK);
    // Outside 24 h, inside 30 d: 1 + 10 + 10 + 1 checks, 11 of them failed.
    check("offers", dayAgo.minusMillis(1), 10_000, Verdict.FAILED);
    for (int i = 0; i < 10; i++) {
      Instant at = NOW.minus(Duration.ofDays(10)).plus(Duration.ofMinutes(i));
      check("offers", at, 5_000, Verdict.OK);
      check("offers", at.plusSeconds(30), 10_000, Verdict.FAILED);
    }
    check("offers", monthAgo, 5_000, Verdict.OK);
    // Outside both windows.
    check("offers", monthAgo.minusMillis(1), 10_000, Verdict.FAILED);
    check("offers", NOW, 10_000, Verdict.FAILED); // [from, to): now itself is not in the window

    for (int i = 0; i < 5; i++) {
      check("dead", NOW.minus(Duration.ofMinutes(10L + i)), 3_000, Verdict.FAILED);
    }

    try (Store store = SqliteStore.open(data, Retention.defaults(), CLOCK)) {
      store.upsertMonitors(
          List.of(row("offers"), row("dead"), row("quiet"))); // quiet: never checked
      results.forEach(store::append);
      store.flush();
    }
  }

  private static MonitorRow row(String name) {
    return new MonitorRow(
        name,
        "http",
        "yaml",
        "https://" + name + ".example.test/",
        Duration.ofMinutes(1),
        List.of());
  }

  private CliRunner.Run status(String... more) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("status", "--data", data.toString()));
    args.addAll(List.of(more));
    int code =
        Main.run(
            new Tickr(Map.of(), CLOCK, Ticker.system()),
            Ticker.system(),
            new PrintWriter(out),
            new PrintWriter(err),
            args.toArray(String[]::new));
    return new CliRunner.Run(code, out.toString(), err.toString());
  }

  // Worked out by hand:
  // 24 h: 38 OK + 2 DEGRADED + 1 more OK (at now - 1 ms) = 41 up, 3 FAILED, the INCONCLUSIVE left
  //   out: 41 / 44 = 93.1818...%.
  // 30 d: those 44, plus 1 FAILED just before 24 h, 10 OK + 10 FAILED ten days ago, 1 OK exactly
  //   30 d ago: 66 checks, 14 failed: 52 / 66 = 78.7878...%.
  // p95 over 24 h: 41 latencies that count (the FAILED and INCONCLUSIVE ones do not); nearest rank
  //   ceil(0.95 * 41) = 39, sorted: 40, 41, 43, ..., 148 (38 values), 200, 800, 900: the 39th is
  //   200 ms. 200 ms is in bucket 1 + floor(ln(200) / ln(1.12)) = 47, [1.12^46, 1.12^47) ms =
  //   [183.67, 205.71) ms, whose geometric middle 1.12^46.5 ms = 194.374 ms is reported.
  private static final double UP_24H = 41.0 / 44 * 100;
  private static final double UP_30D = 52.0 / 66 * 100;
  private static final double P95_MS = 194.374;

  @Test
  void the_table_shows_uptime_over_24h_and_30d_and_p95_over_24h_as_the_docs_define_them() {
    CliRunner.Run run = status();
    assertThat(run.exitCode()).as(run.err()).isZero();

    String[] offers = columns(run.out(), "offers");
    assertThat(offers[0]).as("UP 24H").isEqualTo("93.18%");
    assertThat(offers[1]).as("UP 30D").isEqualTo("78.79%");
    assertThat(offers[2]).as("P95, whole milliseconds").isEqualTo("194ms");

    String[] dead = columns(run.out(), "dead");
    assertThat(dead).as("only failures: no latency").containsExactly("0.00%", "0.00%", "-");
    String[] quiet = columns(run.out(), "quiet");
    assertThat(quiet).as("never checked").containsExactly("-", "-", "-");
  }

  @Test
  void the_json_gives_the_same_figures_with_more_digits() {
    CliRunner.Run run = status("--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode offers = monitor(run.json(), "offers");
    assertThat(offers.at("/uptime/24h").decimalValue())
        .isEqualByComparingTo("93.182")
        .isEqualByComparingTo(round(UP_24H, 3));
    assertThat(offers.at("/uptime/30d").decimalValue())
        .isEqualByComparingTo("78.788")
        .isEqualByComparingTo(round(UP_30D, 3));
    assertThat(offers.path("p95_ms").decimalValue())
        .isEqualByComparingTo("194.4")
        .isEqualByComparingTo(round(P95_MS, 1));
    assertThat(offers.path("p95_ms").asDouble())
        .as("within the 6% the docs promise of the true nearest-rank value, 200 ms")
        .isCloseTo(200.0, within(200.0 * 0.06));

    JsonNode dead = monitor(run.json(), "dead");
    assertThat(dead.at("/uptime/24h").decimalValue()).isEqualByComparingTo("0");
    assertThat(dead.at("/uptime/30d").decimalValue()).isEqualByComparingTo("0");
    assertThat(dead.path("p95_ms").isNull()).isTrue();
    JsonNode quiet = monitor(run.json(), "quiet");
    assertThat(quiet.at("/uptime/24h").isNull()).isTrue();
    assertThat(quiet.at("/uptime/30d").isNull()).isTrue();
    assertThat(quiet.path("p95_ms").isNull()).isTrue();
  }

  private static java.math.BigDecimal round(double value, int places) {
    return java.math.BigDecimal.valueOf(value).setScale(places, java.math.RoundingMode.HALF_UP);
  }

  private static JsonNode monitor(JsonNode status, String name) {
    for (JsonNode m : status.path("monitors")) {
      if (m.path("name").asText().equals(name)) {
        return m;
      }
    }
    throw new AssertionError("no monitor " + name + " in " + status);
  }

  /** UP 24H, UP 30D and P95 of a monitor's row, found under the header's column titles. */
  private static String[] columns(String table, String monitor) {
    String[] lines = table.split("\n");
    String header = lines[0];
    assertThat(header).contains("UP 24H", "UP 30D", "P95", "INCIDENT");
    for (String line : lines) {
      if (line.startsWith(monitor + " ")) {
        // The three figures are right-aligned, 8 wide, ending where their titles end.
        return new String[] {
          cell(line, header, "UP 24H"), cell(line, header, "UP 30D"), cell(line, header, "P95")
        };
      }
    }
    throw new AssertionError("no row for " + monitor + " in:\n" + table);
  }

  private static String cell(String line, String header, String title) {
    Matcher m = Pattern.compile(" +" + Pattern.quote(title) + "(?= |$)").matcher(header);
    assertThat(m.find()).as(title + " in " + header).isTrue();
    int end = m.end();
    int start = end - 8;
    return line.substring(start, end).strip();
  }
}
