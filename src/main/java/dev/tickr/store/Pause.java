package dev.tickr.store;

import java.time.Instant;

/** A monitor paused through the API, until someone resumes it. */
public record Pause(String monitor, Instant at, String by) {}
