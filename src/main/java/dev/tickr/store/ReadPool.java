package dev.tickr.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-only connections, opened when needed and kept for reuse (at most {@link #IDLE} idle), so
 * readers never wait for each other or for the writer. Each read sees one snapshot of the database.
 */
final class ReadPool implements AutoCloseable {
  /** Something to do with a read-only connection. */
  interface Read<T> {
    T run(Connection c) throws SQLException;
  }

  private static final int IDLE = 4;
  private static final Logger LOG = LoggerFactory.getLogger(ReadPool.class);

  private final Path file;
  private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
  private final AtomicInteger idleCount = new AtomicInteger();
  private volatile boolean closed;

  ReadPool(Path file) {
    this.file = file;
  }

  <T> T read(String what, Read<T> read) {
    if (closed) {
      throw new StoreException("the store is closed");
    }
    Connection c = borrow();
    boolean healthy = false;
    try {
      T value = read.run(c);
      c.rollback(); // ends the read snapshot, so the writer can checkpoint past it
      healthy = true;
      return value;
    } catch (SQLException e) {
      throw new StoreException(
          "reading " + what + " from " + file + " failed: " + e.getMessage(), e);
    } finally {
      giveBack(c, healthy);
    }
  }

  private Connection borrow() {
    Connection pooled = idle.poll();
    if (pooled != null) {
      idleCount.decrementAndGet();
      return pooled;
    }
    try {
      Connection c = Sqlite.readOnly(file);
      c.setAutoCommit(false); // one snapshot per read, even when it takes several queries
      return c;
    } catch (SQLException e) {
      throw new StoreException("cannot open " + file + " for reading: " + e.getMessage(), e);
    }
  }

  private void giveBack(Connection c, boolean healthy) {
    if (healthy && !closed) {
      if (idleCount.incrementAndGet() <= IDLE) {
        idle.add(c);
        if (closed) {
          close();
        }
        return;
      }
      idleCount.decrementAndGet();
    }
    quietlyClose(c);
  }

  @Override
  public void close() {
    closed = true;
    for (Connection c = idle.poll(); c != null; c = idle.poll()) {
      quietlyClose(c);
    }
  }

  private static void quietlyClose(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      LOG.debug("closing a read connection failed", e);
    }
  }
}
