package dev.tickr.daemon;

import dev.tickr.assertion.CheckResult;
import dev.tickr.config.MonitorSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks asked for once, outside any schedule: a running monitor checked at once (recorded like any
 * other check), and settings being tried out (recorded nowhere), given up when they outlive their
 * timeout.
 */
final class OneOffChecks {
  // Logs as the daemon did before this was split out of it: the log lines stay the same.
  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

  /** How much longer than its own timeout a trial may take before it is given up. */
  static final Duration TRIAL_GRACE = Duration.ofSeconds(2);

  private final Clock clock;
  private final MonitorRunner runner;
  private final ConfigApplier running;
  private final ExecutorService checkThreads;

  /**
   * @param running which monitors run now
   * @param checkThreads where trials run, the scheduled checks' threads; its owner shuts it down
   */
  OneOffChecks(
      Clock clock, MonitorRunner runner, ConfigApplier running, ExecutorService checkThreads) {
    this.clock = clock;
    this.runner = runner;
    this.running = running;
    this.checkThreads = checkThreads;
  }

  /**
   * Runs one check of a monitor at once, outside its schedule, and records it like any other.
   *
   * @return what it found, or empty when no such monitor runs (a heartbeat is not probed)
   */
  Optional<CheckResult> checkNow(String monitor) {
    MonitorSpec spec = running.running(monitor);
    if (spec == null || spec.pushed()) {
      return Optional.empty();
    }
    return Optional.of(runner.runNow(spec, clock.instant()));
  }

  /**
   * Probes a monitor that need not be configured (settings being tried out) once and judges it;
   * records, counts and alerts nothing, and no listener hears of it. A check keeps to its timeout;
   * should one not, it is given up {@link #TRIAL_GRACE} later.
   *
   * @param secrets values to mask besides the request's credentials and the config's, such as what
   *     the monitor's {@code ${NAME}}s stand for
   * @return what it found, or empty when it did not finish in time
   * @throws IllegalArgumentException for a heartbeat, which is not probed
   */
  Optional<Trial> trial(MonitorSpec spec, Set<String> secrets) {
    if (spec.pushed()) {
      throw new IllegalArgumentException("a " + spec.type().name() + " monitor is not probed");
    }
    Future<Trial> check = checkThreads.submit(() -> runner.trial(spec, secrets));
    try {
      return Optional.of(
          check.get(spec.timeout().plus(TRIAL_GRACE).toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      check.cancel(true);
      LOG.warn("monitor={} trial check outlived its timeout={}", spec.name(), spec.timeout());
      return Optional.empty();
    } catch (InterruptedException e) {
      check.cancel(true);
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a trial check failed inside Tickr", e.getCause());
    }
  }
}
