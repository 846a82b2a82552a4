package dev.tickr.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@link HistoryStore} in SQLite: reads of results and their rollups, on read-only connections. */
final class SqliteHistory implements HistoryStore {
  private final ReadPool reads;

  SqliteHistory(SqliteAccess db) {
    this.reads = db.reads();
  }

  @Override
  public List<CheckRecord> results(
      String monitor, Instant from, Instant to, int limit, @Nullable Instant before) {
    return reads.read(
        "results of " + monitor, c -> Results.select(c, monitor, from, to, limit, before));
  }

  @Override
  public Map<String, List<DayUptime>> days(Collection<String> monitors, Instant from) {
    List<String> names = List.copyOf(monitors);
    Instant day = from.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    return reads.read("daily uptime", c -> ApiTables.days(c, names, day));
  }

  @Override
  public Uptime uptime(String monitor, Instant from, Instant to) {
    return reads.read("uptime of " + monitor, c -> UptimeQuery.uptime(c, monitor, from, to));
  }

  @Override
  public Map<String, Instant> lastChecks() {
    return reads.read("the latest results", Results::lastChecks);
  }

  @Override
  public Map<String, Uptime> uptimes(Instant from, Instant to) {
    return reads.read("uptime of every monitor", c -> UptimeQuery.uptimes(c, from, to));
  }

  @Override
  public Map<String, Uptime> uptimes(Collection<String> monitors, Instant from, Instant to) {
    return reads.read(
        "uptime of " + monitors.size() + " monitors",
        c -> UptimeQuery.uptimes(c, monitors, from, to));
  }

  @Override
  public Map<String, double[]> averages(
      Collection<String> monitors, Instant from, Instant to, int buckets) {
    List<String> names = List.copyOf(monitors);
    return reads.read(
        "response times of " + names.size() + " monitors",
        c -> Averages.read(c, names, from, to, buckets));
  }

  @Override
  public List<SeriesPoint> series(String monitor, Instant from, Instant to, int buckets) {
    return reads.read(
        "response times of " + monitor, c -> Series.read(c, monitor, from, to, buckets));
  }
}
