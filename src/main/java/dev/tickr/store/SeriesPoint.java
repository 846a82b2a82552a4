package dev.tickr.store;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One slice of a monitor's response-time series ({@link Store#series}): how many checks started in
 * it, and the average of the whole check and of each phase over the checks that did not fail;
 * {@code null} when no such check had that phase (TLS of a plain {@code http://} target, say).
 *
 * @param start where the slice begins; it lasts until the next slice's start
 * @param checks every check counted (inconclusive ones are not, as in {@link Uptime})
 * @param failed checks whose verdict was FAILED
 * @param degraded checks whose verdict was DEGRADED
 */
public record SeriesPoint(
    Instant start,
    long checks,
    long failed,
    long degraded,
    @Nullable Duration total,
    @Nullable Duration dns,
    @Nullable Duration connect,
    @Nullable Duration tls,
    @Nullable Duration ttfb) {}
