package dev.tickr.config;

import java.time.Duration;
import java.util.List;

/**
 * One step of a monitor's {@code escalate:} list: when an incident is still open and nobody has
 * acknowledged it {@code after} its start, the {@code alerts} channels are told too.
 */
public record Escalation(Duration after, List<String> alerts) {
  public Escalation {
    alerts = List.copyOf(alerts);
  }
}
