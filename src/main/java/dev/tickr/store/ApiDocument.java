package dev.tickr.store;

import java.time.Instant;

/**
 * A monitor or maintenance window created through the REST API, as the JSON it was given (secret
 * values sealed), with who made and last changed it.
 */
public record ApiDocument(
    String name,
    String document,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy) {}
