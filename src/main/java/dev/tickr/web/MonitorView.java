package dev.tickr.web;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of the overview, already free of secrets. */
public record MonitorView(
    String name,
    String type,
    String state,
    Instant since,
    @Nullable Instant lastCheck,
    @Nullable String incident,
    double uptime24h) {}
