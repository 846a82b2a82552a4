package dev.tickr.store;

import java.time.Instant;

/**
 * One channel's pending notifications: how many, and when the first of them (which goes before the
 * others) may be tried.
 */
public record OutboxQueue(String channel, int pending, Instant headDue) {}
