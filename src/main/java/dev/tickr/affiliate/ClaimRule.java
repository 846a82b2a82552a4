package dev.tickr.affiliate;

import java.time.Duration;

/**
 * How long a missed conversion can still be claimed, and where that comes from.
 *
 * @param source {@code revenue.claim-within}, or the platform whose default it is
 */
public record ClaimRule(Duration within, String source) {}
