package dev.tickr.store;

import java.time.Instant;

/**
 * A monitor, maintenance window or status page created through the REST API, as the JSON it was
 * given (secret values sealed), with who made and last changed it.
 *
 * @param name the monitor's or window's name, the status page's slug
 */
public record ApiDocument(
    String name,
    String document,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy) {}
