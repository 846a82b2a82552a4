package dev.tickr.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.config.Config;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.Quota;
import dev.tickr.testing.BuiltInTypes;
import dev.tickr.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated day: monitors that share a quota key, loaded from a YAML file (so the quota plan
 * stretches them), run by the real scheduler on a clock the test moves; in no window of the quota's
 * {@code per} do they start more than {@code floor(share × limit)} checks.
 */
class QuotaDayTest {
  private static final Instant T0 = Instant.parse("2026-11-24T00:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);

  private final MutableClock clock = new MutableClock(T0);
  private final List<Instant> starts = new ArrayList<>();

  private Scheduler scheduler = new Scheduler(clock, new NoWait(), Runnable::run, 1, (m, p) -> {});

  @TempDir Path dir;

  private Config load(String yaml) throws Exception {
    Path file = dir.resolve("tickr.yml");
    Files.writeString(file, yaml);
    return BuiltInTypes.loader(Map.of()).load(file);
  }

  /** {@code n} monitors on one key, their intervals cycling through {@code intervals}. */
  private static String monitors(int n, String quota, String... intervals) {
    StringBuilder out = new StringBuilder("monitors:\n");
    for (int i = 0; i < n; i++) {
      out.append("  - name: impact-")
          .append(i)
          .append("\n    url: http://127.0.0.1:1/")
          .append(i)
          .append("\n    interval: ")
          .append(intervals[i % intervals.length])
          .append("\n    quota: ")
          .append(i == 0 ? quota : "{key: impact-acct-1}")
          .append('\n');
    }
    return out.toString();
  }

  /** Runs the scheduler over {@code span}, moving the clock to each planned run. */
  private Scheduler run(Config config, Duration span, Scheduler.Runner extra) {
    Scheduler s =
        new Scheduler(
            clock,
            new NoWait(),
            Runnable::run,
            10,
            (monitor, planned) -> {
              starts.add(clock.instant());
              extra.run(monitor, planned);
            });
    scheduler = s;
    for (MonitorSpec m : config.monitors()) {
      s.schedule(m.name(), m.interval());
    }
    Instant end = T0.plus(span);
    while (clock.instant().isBefore(end)) {
      Duration wait = s.dispatchDue();
      clock.advance(wait.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : wait);
    }
    return s;
  }

  /** The most starts in any window of {@code per} (each window opening at a start). */
  private int busiestWindow(Duration per) {
    List<Instant> sorted = starts.stream().sorted().toList();
    int most = 0;
    int last = 0;
    for (int first = 0; first < sorted.size(); first++) {
      Instant closes = sorted.get(first).plus(per);
      while (last < sorted.size() && sorted.get(last).isBefore(closes)) {
        last++;
      }
      most = Math.max(most, last - first);
    }
    return most;
  }

  @Test
  void twelve_monitors_sharing_10_percent_of_500_an_hour_never_start_more_than_50_in_an_hour()
      throws Exception {
    Config config =
        load(
            monitors(
                12,
                "{key: impact-acct-1, limit: 500, per: 1h, share: 10%}",
                "1m",
                "30s",
                "2m",
                "45s",
                "5m"));
    Quota quota = config.monitors().get(0).limits().quota();
    assertThat(quota.budget()).isEqualTo(50);
    assertThat(config.monitors()).allSatisfy(m -> assertThat(m.limits().stretch()).isNotNull());

    run(config, DAY, (monitor, planned) -> {});

    assertThat(busiestWindow(Duration.ofHours(1))).isLessThanOrEqualTo(50);
    assertThat(starts.size())
        .as("the quota is used, not starved: most of 50 an hour over 24 hours")
        .isGreaterThan(24 * 40);
  }

  @Test
  void a_per_minute_quota_holds_in_every_minute_of_the_day_even_with_retry_after_holds()
      throws Exception {
    // 40% of 60 a minute: 24 a minute for 8 monitors that would like 12 a minute each.
    Config config =
        load(
            monitors(8, "{key: impact-acct-1, limit: 60, per: 1m, share: 40%}", "5s", "7s", "10s"));
    assertThat(config.monitors().get(0).limits().quota().budget()).isEqualTo(24);
    int[] runs = new int[1];

    Scheduler s =
        run(
            config,
            DAY,
            (monitor, planned) -> {
              if (++runs[0] % 97 == 0) {
                // Now and then a 429 with Retry-After: the hold may delay, never add, runs.
                scheduler.notBefore(monitor, clock.instant().plusSeconds(90));
              }
            });

    assertThat(busiestWindow(Duration.ofMinutes(1))).isLessThanOrEqualTo(24);
    assertThat(s.skipped()).isZero();
    assertThat(starts.size()).isGreaterThan(24 * 60 * 18);
  }

  private static final class NoWait implements Waiter {
    @Override
    public void await(Duration atMost) {}

    @Override
    public void wake() {}
  }
}
