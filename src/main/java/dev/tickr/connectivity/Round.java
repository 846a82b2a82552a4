package dev.tickr.connectivity;

import dev.tickr.check.Reason;
import java.time.Instant;

/**
 * One round of canary probes.
 *
 * @param startNanos when it started, on the injected ticker: a round serves the failures that
 *     happened before it started
 * @param at when it started, on the clock
 * @param up whether at least one canary answered
 * @param reason the first canary's failure class when none answered; {@link Reason#CONNECT} else
 * @param detail what each canary did, in one line for people
 */
public record Round(long startNanos, Instant at, boolean up, Reason reason, String detail) {}
