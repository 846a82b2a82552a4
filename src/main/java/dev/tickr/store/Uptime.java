package dev.tickr.store;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A monitor's figures over a window.
 *
 * <p>Latency figures cover the checks that did not fail (a refused connection or a timeout says
 * nothing about how fast the target answers); they are {@code null} when there is no such check.
 * Percentiles are nearest-rank estimates from {@link Histogram}: within 6% of the true value
 * between 1 ms and 130 s, never outside the window's fastest and slowest check.
 *
 * @param checks every check that started in the window
 * @param failed checks whose verdict was FAILED
 * @param degraded checks whose verdict was DEGRADED (they count as up)
 * @param ratio {@code (checks - failed) / checks}, {@code NaN} when there were no checks
 */
public record Uptime(
    long checks,
    long failed,
    long degraded,
    double ratio,
    @Nullable Duration p50,
    @Nullable Duration p95,
    @Nullable Duration p99) {

  public static final Uptime NONE = new Uptime(0, 0, 0, Double.NaN, null, null, null);
}
