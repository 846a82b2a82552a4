package dev.tickr.testing;

import dev.tickr.incident.Verdict;
import dev.tickr.store.CheckRecord;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Many monitors with history, for the dashboard's scale test and its benchmark: monitor {@code i}
 * is named {@code api-0000i}, tagged {@code team-(i % 20)}, and status page {@code p} shows 200 of
 * them, {@code p * 200} onwards.
 */
public final class ScaleFixture {
  public static final int ON_A_PAGE = 200;

  private ScaleFixture() {}

  public static String name(int i) {
    return String.format(Locale.ROOT, "api-%05d", i);
  }

  /**
   * A config of {@code monitors} monitors and {@code pages} status pages.
   *
   * @param defaults the {@code defaults:} mapping's flow text, e.g. {@code {interval: 10m}}
   * @param url each monitor's URL
   */
  public static String config(int monitors, int pages, String defaults, IntFunction<String> url) {
    StringBuilder yaml = new StringBuilder(monitors * 80);
    yaml.append("defaults: ").append(defaults).append("\nmonitors:\n");
    for (int i = 0; i < monitors; i++) {
      yaml.append("  - {name: ")
          .append(name(i))
          .append(", url: \"")
          .append(url.apply(i))
          .append("\", tags: [team-")
          .append(i % 20)
          .append("]}\n");
    }
    yaml.append("status-pages:\n");
    for (int p = 0; p < pages; p++) {
      yaml.append("  - slug: partners-").append(p).append("\n    title: Partners ");
      yaml.append(p).append("\n    monitors: [");
      for (int i = 0; i < ON_A_PAGE; i++) {
        yaml.append(i == 0 ? "" : ", ").append(name(p * ON_A_PAGE + i));
      }
      yaml.append("]\n");
    }
    return yaml.toString();
  }

  /**
   * A result every 2 hours for the last {@code slots} × 2 hours, for every monitor, written to the
   * data directory before a daemon opens it; monitor {@code i} failed in slot {@code s} (counted
   * back from now, from 1) when {@code (i + s) % 97 == 0}.
   *
   * @return how many results were written
   */
  public static long seed(Path data, int monitors, int slots) {
    Instant now = Instant.now();
    long n = 0;
    try (SqliteStore store = SqliteStore.open(data, Retention.defaults(), Clock.systemUTC())) {
      for (int slot = slots; slot >= 1; slot--) {
        Instant at = now.minus(Duration.ofHours(2L * slot).minusMinutes(1));
        for (int i = 0; i < monitors; i++) {
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
}
