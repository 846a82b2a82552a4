package dev.tickr.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@link MetricSeriesStore} in SQLite: values go to the writer after the results buffered before
 * them (one small transaction per check that has metrics); reads use the read-only connections.
 */
final class SqliteMetricSeries implements MetricSeriesStore {
  private final SqliteAccess db;

  SqliteMetricSeries(SqliteAccess db) {
    this.db = db;
  }

  @Override
  public void append(String monitor, Instant at, Map<String, Double> values) {
    if (values.isEmpty()) {
      return;
    }
    Map<String, Double> copy = Map.copyOf(values);
    db.writer()
        .executeQueued(
            "writing the metrics of " + monitor, c -> MetricRows.insert(c, monitor, at, copy));
  }

  @Override
  public MetricPoint summary(String monitor, String metric, Instant from, Instant to) {
    long f = from.toEpochMilli();
    long t = to.toEpochMilli();
    return db.reads()
        .read(
            "metric " + metric + " of " + monitor,
            c -> {
              String table =
                  f >= MetricRows.horizon(c, MetricRows.RAW)
                      ? MetricRows.RAW
                      : f >= MetricRows.horizon(c, MetricRows.MINUTE)
                          ? MetricRows.MINUTE
                          : MetricRows.DAY;
              return MetricRows.summary(c, table, monitor, metric, f, t);
            });
  }

  @Override
  public List<MetricPoint> series(
      String monitor, String metric, Instant from, Instant to, Resolution resolution) {
    long f = from.toEpochMilli();
    long t = to.toEpochMilli();
    return db.reads()
        .read(
            "series of metric " + metric + " of " + monitor,
            c ->
                switch (resolution) {
                  case RAW -> MetricRows.series(c, MetricRows.RAW, 1, monitor, metric, f, t);
                  case MINUTE ->
                      MetricRows.series(
                          c, MetricRows.MINUTE, Columns.MINUTE_MS, monitor, metric, f, t);
                  case HOUR ->
                      MetricRows.series(
                          c, MetricRows.MINUTE, MetricRows.hourWidth(), monitor, metric, f, t);
                  case DAY ->
                      MetricRows.series(c, MetricRows.DAY, Columns.DAY_MS, monitor, metric, f, t);
                });
  }
}
