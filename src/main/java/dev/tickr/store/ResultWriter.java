package dev.tickr.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes buffered results for the {@link Writer} thread: each batch's raw rows and its rollups in
 * one transaction, so the two always agree. A batch that fails is tried again on the next round,
 * and dropped, loudly, after {@link #MAX_ATTEMPTS}: a broken disk must not wedge the monitor.
 */
final class ResultWriter {
  private static final int MAX_ROWS_PER_TRANSACTION = 20_000;
  private static final int MAX_ATTEMPTS = 3;
  private static final Logger LOG = LoggerFactory.getLogger(ResultWriter.class);

  private final Connection connection;
  private final Rollups rollups = new Rollups();
  private List<CheckRecord> retry = List.of();
  private int attempts;

  ResultWriter(Connection connection) {
    this.connection = connection;
  }

  /**
   * Writes what {@code buffer} holds now (and a batch that failed before).
   *
   * @return why a batch could not be written, {@code null} when all were
   */
  @Nullable Exception write(BlockingQueue<CheckRecord> buffer) {
    int left = buffer.size();
    while (left > 0 || !retry.isEmpty()) {
      List<CheckRecord> batch = retry;
      if (batch.isEmpty()) {
        batch = new ArrayList<>(Math.min(left, MAX_ROWS_PER_TRANSACTION));
        buffer.drainTo(batch, Math.min(left, MAX_ROWS_PER_TRANSACTION));
        left -= batch.size();
        if (batch.isEmpty()) {
          break;
        }
      }
      try {
        Results.insert(connection, batch);
        rollups.write(connection, batch);
        connection.commit();
        rollups.committed();
        retry = List.of();
        attempts = 0;
      } catch (SQLException | RuntimeException e) {
        Writer.rollBack(connection);
        rollups.rolledBack();
        if (++attempts >= MAX_ATTEMPTS) {
          LOG.error("results={} dropped after {} failed writes", batch.size(), attempts, e);
          retry = List.of();
          attempts = 0;
        } else {
          LOG.warn("writing results={} failed; will retry", batch.size(), e);
          retry = batch;
        }
        return e;
      }
    }
    return null;
  }

  /** Results of a failed batch still waiting for another try. */
  int pending() {
    return retry.size();
  }
}
