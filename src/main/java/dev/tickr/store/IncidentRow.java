package dev.tickr.store;

import dev.tickr.incident.Incident;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An incident with what people and the alerting engine noted about it.
 *
 * @param acknowledgedAt when someone acknowledged it, which stops renotify and escalation
 * @param maintenance whether it opened while its monitor was in a maintenance window
 */
public record IncidentRow(
    Incident incident,
    @Nullable Instant acknowledgedAt,
    @Nullable String acknowledgedBy,
    boolean maintenance) {

  public boolean acknowledged() {
    return acknowledgedAt != null;
  }
}
