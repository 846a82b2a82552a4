package dev.tickr.incident;

import dev.tickr.check.Reason;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A period during which a monitor was DOWN: from its first failed check to the check that brought
 * it back.
 */
public record Incident(
    long id,
    String monitor,
    Instant startedAt,
    @Nullable Instant endedAt,
    Reason reason,
    String detail,
    Evidence evidence) {

  public boolean open() {
    return endedAt == null;
  }

  public @Nullable Duration duration() {
    return endedAt == null ? null : Duration.between(startedAt, endedAt);
  }

  public Incident resolvedAt(Instant at) {
    return new Incident(id, monitor, startedAt, at, reason, detail, evidence);
  }
}
