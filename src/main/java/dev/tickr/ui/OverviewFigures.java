package dev.tickr.ui;

import dev.tickr.incident.MonitorState;
import dev.tickr.store.Store;
import dev.tickr.store.Uptime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The overview's figures from the store (24 h and 30 d uptime, a 24 h response-time sparkline),
 * read only for the rows a page shows and kept for {@link #FIGURES_FOR}: a monitor's are read again
 * at once when its state changed, and at every request while it has no checks yet.
 */
final class OverviewFigures {
  static final Duration FIGURES_FOR = Duration.ofSeconds(30);
  static final int SPARK_SLICES = 48;

  /** A monitor's figures from the store, and when they were read. */
  record Figures(
      Instant at, MonitorState state, Uptime day, Uptime month, @Nullable List<Double> spark) {}

  private final Store store;
  private final Map<String, Figures> cache = new ConcurrentHashMap<>();

  OverviewFigures(Store store) {
    this.store = store;
  }

  /**
   * The figures of these rows: cached ones while fresh, the others read in one pass.
   *
   * @param monitors how many monitors run, to bound the cache
   */
  Map<String, Figures> of(List<OverviewRow> rows, Instant now, int monitors) {
    List<String> stale = new ArrayList<>();
    for (OverviewRow r : rows) {
      Figures f = cache.get(r.name());
      if (f == null
          || f.day().checks() == 0
          || f.state() != r.state()
          || f.at().plus(FIGURES_FOR).isBefore(now)) {
        stale.add(r.name());
      }
    }
    if (!stale.isEmpty()) {
      read(stale, rows, now);
      if (cache.size() > 4 * OverviewData.PAGE_SIZE + monitors) {
        cache.clear(); // monitors renamed or removed over time: start afresh
      }
    }
    Map<String, Figures> out = new HashMap<>();
    for (OverviewRow r : rows) {
      Figures f = cache.get(r.name());
      if (f != null) {
        out.put(r.name(), f);
      }
    }
    return out;
  }

  private void read(List<String> stale, List<OverviewRow> rows, Instant now) {
    Map<String, MonitorState> states = new HashMap<>();
    rows.forEach(r -> states.put(r.name(), r.state()));
    Map<String, Uptime> day = store.uptimes(stale, now.minus(Duration.ofHours(24)), now);
    Map<String, Uptime> month = store.uptimes(stale, now.minus(Duration.ofDays(30)), now);
    Map<String, double[]> spark =
        store.averages(stale, now.minus(Duration.ofHours(24)), now, SPARK_SLICES);
    for (String name : stale) {
      cache.put(
          name,
          new Figures(
              now,
              states.getOrDefault(name, MonitorState.PENDING),
              day.getOrDefault(name, Uptime.NONE),
              month.getOrDefault(name, Uptime.NONE),
              list(spark.get(name))));
    }
  }

  private static @Nullable List<Double> list(double @Nullable [] points) {
    if (points == null) {
      return null;
    }
    List<Double> out = new ArrayList<>(points.length);
    for (double p : points) {
      out.add(p);
    }
    return out;
  }
}
