package dev.tickr.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads of the check history: results, uptime, response times. Windows are half-open, {@code [from,
 * to)}, on a result's {@code startedAt}; {@link Instant#MIN} and {@link Instant#MAX} leave a side
 * open.
 *
 * <p>Thread-safe. Times are kept to the millisecond, durations to the microsecond. "Durable" means
 * it survives the process being killed. Failures to read or write throw {@link StoreException}.
 * Part of {@link Store}.
 */
public interface HistoryStore {
  /**
   * A monitor's results that started in {@code [from, to)}, newest first.
   *
   * @param limit the most to return
   * @param before the paging cursor: only results that started before it, usually the {@code
   *     startedAt} of the last result of the previous page (results of one monitor that started in
   *     the same millisecond as that one would be skipped)
   */
  List<CheckRecord> results(
      String monitor, Instant from, Instant to, int limit, @Nullable Instant before);

  /**
   * Each monitor's checks per UTC day from the day that holds {@code from}, oldest first; days
   * without checks are left out.
   */
  Map<String, List<DayUptime>> days(Collection<String> monitors, Instant from);

  /**
   * Checks, failures and latency percentiles over {@code [from, to)}. Whole UTC days come from day
   * rollups, whole minutes from minute rollups, the rest from raw results, so counts are exact as
   * long as the data is kept. Where {@link Store#prune} has deleted the raw results at an edge of
   * the window, that edge moves to the nearest whole minute; where it has deleted the minute
   * rollups, to the nearest whole UTC day. Checks older than the day retention are gone and not
   * counted.
   */
  Uptime uptime(String monitor, Instant from, Instant to);

  /** When each catalogued monitor's latest stored result started, by name; absent if none. */
  Map<String, Instant> lastChecks();

  /**
   * {@link #uptime} of every monitor with checks in {@code [from, to)}, by name, at once: what an
   * overview of thousands of monitors needs without a query per monitor.
   */
  Map<String, Uptime> uptimes(Instant from, Instant to);

  /** {@link #uptime} of these monitors at once; one without checks in the window is left out. */
  Map<String, Uptime> uptimes(Collection<String> monitors, Instant from, Instant to);

  /**
   * Average response time (ms, of checks that did not fail) of each of these monitors in {@code
   * buckets} equal slices of {@code [from, to)}, from the minute rollups: what a sparkline draws. A
   * slice without such checks is {@code NaN}; a monitor without any is left out.
   */
  Map<String, double[]> averages(
      Collection<String> monitors, Instant from, Instant to, int buckets);

  /**
   * One monitor's response time by phase in {@code buckets} equal slices of {@code [from, to)},
   * oldest first, a point for every slice (one without checks has none): what a chart draws. Slices
   * shorter than a minute come from raw results, longer ones from minute rollups; where {@link
   * Store#prune} has deleted what a part of the window needs, that part comes from the next coarser
   * data still kept (a day rollup counts in the slice its day begins in). A rollup that began
   * before {@code from} is left out.
   */
  List<SeriesPoint> series(String monitor, Instant from, Instant to, int buckets);
}
