package dev.tickr.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when each monitor runs and starts its check, knowing nothing of checks, storage or
 * alerts. One timer thread walks a queue of planned times (see {@link Slots}); each due run is
 * handed to the executor (virtual threads), with at most {@code maxConcurrent} running at once
 * ({@link CheckSlots}: a check that waits long, such as a polling flow, gives its slot up while it
 * waits), so a slow or hanging target never delays another monitor. A monitor whose previous run is
 * still going skips its slot; after a pause (GC, suspend) missed slots are skipped, never caught up
 * in a burst.
 */
public final class Scheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
  private static final Duration IDLE_WAIT = Duration.ofSeconds(1);

  /**
   * Runs one planned check; {@code planned} is the slot, the runner reads the clock for the start.
   */
  @FunctionalInterface
  public interface Runner {
    void run(String monitor, Instant planned);
  }

  /**
   * A run planned at {@code at}; {@code offGrid} when a hold ({@link #notBefore}) put it between
   * the monitor's slots.
   */
  private record Planned(Instant at, String monitor, long generation, boolean offGrid) {
    Planned(Instant at, String monitor, long generation) {
      this(at, monitor, generation, false);
    }
  }

  private record Job(Duration interval, long offsetMillis, long generation) {}

  private final Clock clock;
  private final Waiter waiter;
  private final Executor executor;
  private final CheckSlots slots;
  private final Runner runner;
  private final Object lock = new Object();
  private final PriorityQueue<Planned> queue =
      new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()));
  private final Map<String, Job> jobs = new HashMap<>();

  /** Monitors that must not run before a time (a target's {@code Retry-After}). */
  private final Map<String, Instant> holds = new HashMap<>();

  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final AtomicLong generations = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong overruns = new AtomicLong();
  private volatile boolean open = true;
  private volatile Thread timer = Thread.ofPlatform().unstarted(() -> {});

  public Scheduler(
      Clock clock, Waiter waiter, Executor executor, int maxConcurrent, Runner runner) {
    this(clock, waiter, executor, new CheckSlots(maxConcurrent), runner);
  }

  /**
   * @param slots the bound on checks running at once, which a check may give up while it waits
   *     ({@link CheckSlots#away})
   */
  public Scheduler(Clock clock, Waiter waiter, Executor executor, CheckSlots slots, Runner runner) {
    this.clock = clock;
    this.waiter = waiter;
    this.executor = executor;
    this.slots = slots;
    this.runner = runner;
  }

  /** Adds a monitor, or replaces its interval; it first runs at its next slot. */
  public void schedule(String monitor, Duration interval) {
    if (interval.toMillis() < 1) {
      throw new IllegalArgumentException("interval must be positive: " + interval);
    }
    long offset = Slots.offsetMillis(monitor, interval);
    synchronized (lock) {
      Job job = new Job(interval, offset, generations.incrementAndGet());
      jobs.put(monitor, job);
      queue.add(
          new Planned(
              Slots.atOrAfter(clock.instant(), interval, offset), monitor, job.generation()));
    }
    waiter.wake();
  }

  /** Removes a monitor; a run in progress finishes. */
  public void unschedule(String monitor) {
    synchronized (lock) {
      jobs.remove(monitor);
      holds.remove(monitor);
    }
  }

  /**
   * Holds a monitor back: its next run is not before {@code time}. A slot before it is moved to it;
   * the run after that comes at the first slot at least one interval later, so runs are never
   * closer than one interval (a held monitor never makes up in a burst).
   */
  public void notBefore(String monitor, Instant time) {
    synchronized (lock) {
      if (jobs.containsKey(monitor)) {
        holds.merge(monitor, time, (a, b) -> a.isAfter(b) ? a : b);
      }
    }
  }

  /** When a monitor is held back to, if it is. */
  public java.util.Optional<Instant> heldUntil(String monitor) {
    synchronized (lock) {
      return java.util.Optional.ofNullable(holds.get(monitor));
    }
  }

  public int size() {
    synchronized (lock) {
      return jobs.size();
    }
  }

  /** Slots skipped because the scheduler was paused longer than an interval. */
  public long skipped() {
    return skipped.get();
  }

  /** Slots skipped because the monitor's previous run had not finished. */
  public long overruns() {
    return overruns.get();
  }

  /** Checks running right now. */
  public int inFlight() {
    return running.size();
  }

  /** Whether its timer thread is planning runs: started, not closed, not dead. */
  public boolean running() {
    Thread t = timer;
    return open && t.isAlive();
  }

  /** Starts the timer thread. */
  public void start() {
    timer = Thread.ofPlatform().name("tickr-scheduler").daemon(true).start(this::loop);
  }

  private void loop() {
    while (open) {
      try {
        Duration wait = dispatchDue();
        if (open) {
          waiter.await(wait);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("scheduler pass failed; going on", e);
      }
    }
  }

  /**
   * Starts every run that is due now and plans each monitor's next slot.
   *
   * @return how long until the next planned run
   */
  public Duration dispatchDue() {
    Instant now = clock.instant();
    while (true) {
      Planned due;
      Job job;
      synchronized (lock) {
        Planned head = queue.peek();
        if (head == null) {
          return IDLE_WAIT;
        }
        if (head.at().isAfter(now)) {
          return Duration.between(now, head.at());
        }
        due = queue.poll();
        job = jobs.get(due.monitor());
        if (job == null || job.generation() != due.generation()) {
          continue; // removed or rescheduled since this slot was planned
        }
        if (!holds.isEmpty() && held(due, job)) {
          continue;
        }
        boolean stale = Duration.between(due.at(), now).compareTo(job.interval()) > 0;
        Instant next =
            due.offGrid()
                ? Slots.atOrAfter(due.at().plus(job.interval()), job.interval(), job.offsetMillis())
                : due.at().plus(job.interval());
        if (!next.isAfter(now)) {
          // Paused past whole intervals: drop the missed slots (and this stale one) instead of
          // catching up in a burst.
          Instant resumed = Slots.next(now, job.interval(), job.offsetMillis());
          skipped.addAndGet(
              Duration.between(next, resumed).toMillis() / job.interval().toMillis()
                  + (stale ? 1 : 0));
          next = resumed;
        }
        queue.add(new Planned(next, due.monitor(), job.generation()));
        if (stale) {
          continue;
        }
      }
      start(due);
    }
  }

  /** Whether a due run is held back: if so it is planned again at the end of the hold. */
  private boolean held(Planned due, Job job) {
    Instant until = holds.get(due.monitor());
    if (until == null) {
      return false;
    }
    if (!due.at().isBefore(until)) {
      holds.remove(due.monitor());
      return false;
    }
    queue.add(new Planned(until, due.monitor(), job.generation(), true));
    return true;
  }

  private void start(Planned due) {
    if (!running.add(due.monitor())) {
      overruns.incrementAndGet();
      return;
    }
    executor.execute(
        () -> {
          try {
            slots.run(() -> runner.run(due.monitor(), due.at()));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (RuntimeException e) {
            LOG.error("monitor={} check crashed; the monitor stays scheduled", due.monitor(), e);
          } finally {
            running.remove(due.monitor());
          }
        });
  }

  /** Stops planning; runs in progress are left to finish (their deadlines bound them). */
  @Override
  public void close() {
    open = false;
    waiter.wake();
    try {
      timer.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
