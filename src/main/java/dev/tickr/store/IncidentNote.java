package dev.tickr.store;

import java.time.Instant;

/**
 * A note on an incident.
 *
 * @param visible whether status pages show it (a public note), not only the dashboard and API
 */
public record IncidentNote(
    String id, long incidentId, Instant at, String author, String text, boolean visible) {}
