package dev.tickr.bench;

import dev.tickr.cli.CliRunner;
import dev.tickr.cli.RunningDaemon;
import dev.tickr.testing.Browser;
import dev.tickr.testing.ScaleFixture;
import dev.tickr.testing.TestHttpServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard and the status pages with many monitors and a day of history each: {@code tickr
 * run} in this process with N monitors (history seeded, every 2 hours for a day) and P status pages
 * of 200 of them; reads the server time ({@code Server-Timing}) of the overview, its live JSON, a
 * search, filtered and deep pages and the status pages, R times each after 3 warm-ups. Timings
 * depend on the machine, so nothing is asserted: the figures are printed (see {@code
 * bench/README.md}). {@code DashboardScaleTest} checks the same pages' contents in the suite.
 *
 * <p>Arguments: {@code [monitors=10000] [pages=5] [runs=20]}.
 */
public final class DashboardScale {
  private static final int ON_A_PAGE = ScaleFixture.ON_A_PAGE;

  private DashboardScale() {}

  public static void main(String[] args) throws Exception {
    int monitors = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int pages = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    if (monitors < pages * ON_A_PAGE || runs < 1) {
      System.err.println("DashboardScale: need monitors >= pages * 200 and runs >= 1");
      System.exit(2);
    }
    Path dir = Files.createTempDirectory("tickr-dashboard-scale");
    try (TestHttpServer target = TestHttpServer.plain()) {
      target.text("/ok", 200, "ok");
      Path data = dir.resolve("data");
      long seeded = ScaleFixture.seed(data, monitors, 12);
      String yaml =
          ScaleFixture.config(
              monitors, pages, "{interval: 10m, timeout: 5s}", i -> target.url("/ok").toString());
      Path config = Files.writeString(dir.resolve("tickr.yml"), yaml);
      CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", "scale-admin-pw"));
      StringBuilder report = new StringBuilder();
      report.append(
          String.format(
              Locale.ROOT,
              "Dashboard server times with %d monitors (%d results of history seeded), %d runs"
                  + " each, ms (%d cores):%n",
              monitors,
              seeded,
              runs,
              Runtime.getRuntime().availableProcessors()));
      try (RunningDaemon running = cli.start(config, data);
          Browser b = new Browser(running.port())) {
        check(b.login("admin", "scale-admin-pw"), 303);
        String deep = "/?state=PENDING&page=" + Math.max(1, monitors / 100 * 6 / 10);
        for (String path :
            List.of("/", "/ui/overview", "/?q=api-0999", "/?tag=team-7&page=3", deep)) {
          report.append(measure(b, path, runs));
        }
        List<Double> cold = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
          cold.add(serverMs(b.get("/status/partners-" + p)));
        }
        report.append(line("/status/<200 monitors> first render", cold));
        report.append(
            measure(b, "/status/partners-0", runs)
                .replace("/status/partners-0", "/status/<200 monitors> cached"));
        report.append(
            measure(b, "/status/partners-" + (pages - 1) + ".json", runs)
                .replace(
                    "/status/partners-" + (pages - 1) + ".json",
                    "/status/<200 monitors>.json cached"));
        String overview = check(b.get("/"), 200).body();
        if (!overview.contains("of " + monitors + " monitors")) {
          throw new IllegalStateException("the overview does not count " + monitors + " monitors");
        }
        running.stop();
      }
      System.out.print(report);
    } finally {
      delete(dir);
    }
  }

  private static HttpResponse<String> check(HttpResponse<String> answer, int status) {
    if (answer.statusCode() != status) {
      throw new IllegalStateException(
          answer.uri() + ": " + answer.statusCode() + " instead of " + status);
    }
    return answer;
  }

  private static String measure(Browser b, String path, int runs) throws Exception {
    for (int i = 0; i < 3; i++) {
      check(b.get(path), 200);
    }
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      times.add(serverMs(b.get(path)));
    }
    return line(path, times);
  }

  private static double serverMs(HttpResponse<String> answer) {
    check(answer, 200);
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

  private static void delete(Path dir) throws IOException {
    try (var all = Files.walk(dir)) {
      for (Path p : all.sorted(Collections.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
