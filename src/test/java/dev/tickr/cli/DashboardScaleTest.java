package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.incident.Verdict;
import dev.tickr.store.CheckRecord;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import dev.tickr.testing.Browser;
import dev.tickr.testing.Ports;
import dev.tickr.testing.TestHttpServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard and the status pages with 10,000 monitors and a day of history each: measures the
 * server time ({@code Server-Timing}) of the overview, its live JSON, a search, a deep page and
 * status pages of 200 monitors, and writes the figures to {@code target/dashboard-scale.txt}. The
 * figures are reported (README of {@code bench/}), not asserted: timings depend on the machine.
 */
class DashboardScaleTest {
  private static final int MONITORS = 10_000;
  private static final int PAGES = 5;
  private static final int ON_A_PAGE = 200;
  private static final int RUNS = 20;

  @TempDir Path dir;

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void measures_overview_and_status_page_server_times_with_10000_monitors() throws Exception {
    try (TestHttpServer target = TestHttpServer.plain()) {
      target.text("/ok", 200, "ok");
      Path data = dir.resolve("data");
      long seeded = seed(data);
      StringBuilder yaml = new StringBuilder(MONITORS * 80);
      yaml.append("defaults: {interval: 10m, timeout: 2s}\nmonitors:\n");
      for (int i = 0; i < MONITORS; i++) {
        yaml.append("  - {name: ")
            .append(name(i))
            .append(", url: \"")
            .append(target.url("/ok"))
            .append("\", tags: [team-")
            .append(i % 20)
            .append("]}\n");
      }
      yaml.append("status-pages:\n");
      for (int p = 0; p < PAGES; p++) {
        yaml.append("  - slug: partners-").append(p).append("\n    title: Partners ");
        yaml.append(p).append("\n    monitors: [");
        for (int i = 0; i < ON_A_PAGE; i++) {
          yaml.append(i == 0 ? "" : ", ").append(name(p * ON_A_PAGE + i));
        }
        yaml.append("]\n");
      }
      Path config = Files.writeString(dir.resolve("tickr.yml"), yaml);
      CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", "scale-admin-pw"));
      int port = Ports.closed();
      CompletableFuture<CliRunner.Run> running = cli.daemon(config, data, port, "75s");
      StringBuilder report = new StringBuilder();
      report.append(
          String.format(
              Locale.ROOT,
              "Dashboard server times with %d monitors (%d results of history seeded), %d runs"
                  + " each, ms:%n",
              MONITORS,
              seeded,
              RUNS));
      try (Browser b = new Browser(port)) {
        eventually(Duration.ofSeconds(40), () -> CliRunner.up(b), "the daemon listening");
        assertThat(b.login("admin", "scale-admin-pw").statusCode()).isEqualTo(303);
        for (String path :
            List.of(
                "/",
                "/ui/overview",
                "/?q=api-0999",
                "/?tag=team-7&page=3",
                "/?state=PENDING&page=60")) {
          report.append(measure(b, path, RUNS));
        }
        List<Double> cold = new ArrayList<>();
        for (int p = 0; p < PAGES; p++) {
          cold.add(serverMs(b.get("/status/partners-" + p)));
        }
        report.append(line("/status/<200 monitors> first render", cold));
        report.append(
            measure(b, "/status/partners-0", RUNS)
                .replace("/status/partners-0", "/status/<200 monitors> cached"));
        report.append(
            measure(b, "/status/partners-1.json", RUNS)
                .replace("/status/partners-1.json", "/status/<200 monitors>.json cached"));
        HttpResponse<String> page = b.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("of 10000 monitors");
      } finally {
        running.get(90, TimeUnit.SECONDS);
      }
      System.out.print(report);
      Path out = Path.of("target", "dashboard-scale.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
    }
  }

  /** A day of history for every monitor, every 2 hours, written before the daemon starts. */
  private static long seed(Path data) {
    Instant now = Instant.now();
    long n = 0;
    try (SqliteStore store = SqliteStore.open(data, Retention.defaults(), Clock.systemUTC())) {
      for (int slot = 12; slot >= 1; slot--) {
        Instant at = now.minus(Duration.ofHours(2L * slot));
        for (int i = 0; i < MONITORS; i++) {
          boolean failed = (i + slot) % 97 == 0;
          store.append(
              new CheckRecord(
                  name(i),
                  at,
                  at,
                  Duration.ofMillis(40 + (i + slot * 7) % 60),
                  Duration.ofMillis(1),
                  Duration.ofMillis(2),
                  null,
                  Duration.ofMillis(30),
                  failed ? 500 : 200,
                  failed ? Verdict.FAILED : Verdict.OK,
                  null,
                  null));
          n++;
        }
      }
      store.flush();
    }
    return n;
  }

  private static String name(int i) {
    return String.format(Locale.ROOT, "api-%05d", i);
  }

  private static String measure(Browser b, String path, int runs) throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(b.get(path).statusCode()).as(path).isEqualTo(200);
    }
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      times.add(serverMs(b.get(path)));
    }
    return line(path, times);
  }

  private static double serverMs(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).isEqualTo(200);
    String timing = answer.headers().firstValue("Server-Timing").orElseThrow();
    return Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4));
  }

  private static String line(String what, List<Double> times) {
    List<Double> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    return String.format(
        Locale.ROOT,
        "  %-40s p50 %7.1f  max %7.1f%n",
        what,
        sorted.get(sorted.size() / 2),
        sorted.get(sorted.size() - 1));
  }
}
