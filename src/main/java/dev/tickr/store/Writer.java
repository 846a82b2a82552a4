package dev.tickr.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteException;

/**
 * The one thread that writes. Results wait in a bounded buffer and go in batches ({@link
 * ResultWriter}) at least every {@link #INTERVAL}; every other write is a task that runs in its own
 * transaction after the results buffered before it, and whoever submitted it waits for its commit.
 * One writer means no write ever races another.
 */
final class Writer implements AutoCloseable {
  /** What a task does with the writer's connection; the writer commits after it. */
  interface Work<T> {
    @Nullable T run(Connection c) throws SQLException;
  }

  /** A task with nothing to return. */
  interface Action {
    void run(Connection c) throws SQLException;
  }

  /**
   * WORK runs its work; FLUSH stands for "the results before me are written", so fails when they
   * were not; WAKE only makes the writer write its buffered results now.
   */
  private enum Kind {
    WORK,
    FLUSH,
    WAKE
  }

  private record Task<T>(Kind kind, Work<T> work, CompletableFuture<@Nullable T> done) {}

  static final Duration INTERVAL = Duration.ofMillis(250);
  static final int CAPACITY = 100_000;
  private static final Duration FULL_LOG_EVERY = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(Writer.class);

  /** SQLite's primary result code for "the database file is locked". */
  private static final int BUSY = 5;

  /** How long a transaction is run again while SQLite answers BUSY (as long as its timeout). */
  private static final long BUSY_RETRY_NANOS = TimeUnit.SECONDS.toNanos(10);

  private static final Task<Void> WAKE =
      new Task<>(Kind.WAKE, c -> null, new CompletableFuture<>());

  private final Connection connection;
  private final ArrayBlockingQueue<CheckRecord> results = new ArrayBlockingQueue<>(CAPACITY);
  private final LinkedBlockingQueue<Task<?>> tasks = new LinkedBlockingQueue<>();
  private final ResultWriter resultWriter;
  private final AtomicBoolean wakePending = new AtomicBoolean();
  private final AtomicLong fullWaits = new AtomicLong();
  private final AtomicLong lastFullLog =
      new AtomicLong(System.nanoTime() - FULL_LOG_EVERY.toNanos());
  private final Object gate = new Object();
  private final Thread thread;
  private final long intervalNanos;
  private final WriteTimer timer;
  private volatile boolean closing;

  Writer(Connection connection) throws SQLException {
    this(connection, INTERVAL, WriteTimer.NONE);
  }

  Writer(Connection connection, WriteTimer timer) throws SQLException {
    this(connection, INTERVAL, timer);
  }

  /** A writer that writes buffered results every {@code interval} (tests stretch it). */
  Writer(Connection connection, Duration interval) throws SQLException {
    this(connection, interval, WriteTimer.NONE);
  }

  private Writer(Connection connection, Duration interval, WriteTimer timer) throws SQLException {
    this.connection = connection;
    this.timer = timer;
    this.intervalNanos = interval.toNanos();
    this.resultWriter = new ResultWriter(connection);
    connection.setAutoCommit(false);
    this.thread = new Thread(this::run, "tickr-store-writer");
    thread.setDaemon(true);
    thread.start();
  }

  void append(CheckRecord r) {
    if (closing) {
      throw new StoreException("the store is closed");
    }
    if (results.offer(r)) {
      if (results.remainingCapacity() < CAPACITY / 2) {
        wake();
      }
      return;
    }
    long waits = fullWaits.incrementAndGet();
    long now = System.nanoTime();
    long last = lastFullLog.get();
    if (now - last >= FULL_LOG_EVERY.toNanos() && lastFullLog.compareAndSet(last, now)) {
      LOG.warn(
          "result buffer full: appends wait for the writer monitor={} capacity={} waitsSoFar={}",
          r.monitor(),
          CAPACITY,
          waits);
    }
    wake();
    try {
      results.put(r);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("monitor={} result dropped: interrupted while waiting for the writer", r.monitor());
    }
  }

  /**
   * Takes the database's write lock in a transaction of its own, on the writer thread after what
   * was submitted before, and writes nothing: done when the store can be written now.
   */
  CompletableFuture<?> probe() {
    Task<Void> task =
        new Task<>(
            Kind.WORK,
            c -> {
              try (var statement = c.createStatement()) {
                // A write that matches no row still takes the write lock, as every write must.
                statement.executeUpdate("DELETE FROM monitors WHERE 0");
              }
              return null;
            },
            new CompletableFuture<>());
    enqueue(task);
    return task.done();
  }

  /** Returns when every result appended before is committed. */
  void flush() {
    submit(new Task<Void>(Kind.FLUSH, c -> null, new CompletableFuture<>()));
  }

  /** Runs {@code work} in its own transaction on the writer thread, and waits for the commit. */
  <T> @Nullable T call(Work<T> work) {
    return submit(new Task<>(Kind.WORK, work, new CompletableFuture<>()));
  }

  /** Runs {@code action} in its own transaction on the writer thread, and waits for the commit. */
  void execute(Action action) {
    call(
        c -> {
          action.run(c);
          return null;
        });
  }

  /**
   * Runs {@code action} in its own transaction on the writer thread, after what was submitted
   * before it, without waiting for it; a failure is logged with {@code what}.
   */
  void executeQueued(String what, Action action) {
    Task<Void> task =
        new Task<>(
            Kind.WORK,
            c -> {
              action.run(c);
              return null;
            },
            new CompletableFuture<>());
    enqueue(task);
    var unused =
        task.done()
            .whenComplete(
                (ok, failure) -> {
                  if (failure != null) {
                    LOG.error("{} failed: {}", what, failure.getMessage());
                  }
                });
  }

  private <T> @Nullable T submit(Task<T> task) {
    long start = System.nanoTime();
    try {
      return await(task);
    } finally {
      if (task.kind() == Kind.WORK) {
        timed(WriteTimer.Kind.TRANSACTION, start);
      }
    }
  }

  private void enqueue(Task<?> task) {
    synchronized (gate) {
      if (closing || !thread.isAlive()) {
        throw new StoreException("the store is closed");
      }
      tasks.add(task);
    }
  }

  private <T> @Nullable T await(Task<T> task) {
    enqueue(task);
    try {
      return task.done().join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof StoreException se ? se : new StoreException("write failed", e);
    }
  }

  @Override
  public void close() {
    synchronized (gate) {
      closing = true;
    }
    wake();
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void wake() {
    if (wakePending.compareAndSet(false, true)) {
      tasks.add(WAKE);
    }
  }

  private void run() {
    try {
      long next = System.nanoTime() + intervalNanos;
      while (true) {
        List<Task<?>> due = new ArrayList<>();
        Task<?> first = tasks.poll(Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (first != null) {
          due.add(first);
          tasks.drainTo(due);
        }
        wakePending.set(false);
        next = System.nanoTime() + intervalNanos;
        boolean stopping = closing;
        cycle(due);
        if (stopping && tasks.isEmpty() && results.isEmpty()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      LOG.error("store writer interrupted; results still buffered are lost");
    } finally {
      synchronized (gate) {
        closing = true; // under the gate: no task can slip in after failPending() looked
      }
      failPending();
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.warn("closing the store's writer connection failed", e);
      }
    }
  }

  private void cycle(List<Task<?>> due) {
    boolean any = !results.isEmpty() || resultWriter.pending() > 0;
    long start = System.nanoTime();
    @Nullable Exception failure = resultWriter.write(results);
    if (any) {
      timed(WriteTimer.Kind.RESULTS, start);
    }
    for (Task<?> task : due) {
      if (task.kind() != Kind.WAKE) {
        run(task, failure);
      }
    }
  }

  private <T> void run(Task<T> task, @Nullable Exception resultsFailure) {
    long deadline = System.nanoTime() + BUSY_RETRY_NANOS;
    for (int attempt = 0; ; attempt++) {
      try {
        T value = task.work().run(connection);
        connection.commit();
        if (task.kind() == Kind.FLUSH && resultsFailure != null) {
          task.done()
              .completeExceptionally(
                  new StoreException("buffered results could not be written", resultsFailure));
        } else {
          task.done().complete(value);
        }
        return;
      } catch (SQLException | RuntimeException e) {
        rollBack(connection);
        if (busy(e) && System.nanoTime() < deadline && pause(attempt)) {
          continue; // another process wrote since this transaction first read: run it again
        }
        task.done().completeExceptionally(new StoreException("write failed: " + e.getMessage(), e));
        return;
      }
    }
  }

  /**
   * SQLite answers BUSY at once, without waiting out the busy timeout, when a transaction that has
   * read tries to write after another connection (a {@code tickr token create} beside the daemon,
   * say) committed in between: its snapshot is stale. The whole transaction has to run again.
   */
  static boolean busy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException s && (s.getResultCode().code & 0xff) == BUSY) {
        return true;
      }
    }
    return false;
  }

  /** Waits a little longer after each busy attempt; false when interrupted. */
  private static boolean pause(int attempt) {
    try {
      Thread.sleep(Math.min(100, 5L << Math.min(attempt, 5)));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void timed(WriteTimer.Kind kind, long startNanos) {
    try {
      timer.wrote(kind, Duration.ofNanos(System.nanoTime() - startNanos));
    } catch (RuntimeException e) {
      LOG.debug("write timer failed: {}", e.toString());
    }
  }

  static void rollBack(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      LOG.warn("rollback failed", e);
    }
  }

  private void failPending() {
    List<Task<?>> left = new ArrayList<>();
    tasks.drainTo(left);
    for (Task<?> t : left) {
      t.done().completeExceptionally(new StoreException("the store is closed"));
    }
    int lost = results.size() + resultWriter.pending();
    if (lost > 0) {
      LOG.warn("results={} could not be written before the store closed", lost);
    }
  }
}
