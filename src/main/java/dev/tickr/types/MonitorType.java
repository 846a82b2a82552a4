package dev.tickr.types;

import dev.tickr.check.Deadline;
import dev.tickr.check.Observation;
import dev.tickr.config.TypeDefinition;
import dev.tickr.config.TypeSettings;

/**
 * A monitor type that Tickr probes on an interval: one class per type ({@code http}, {@code tcp},
 * {@code dns}, {@code tls}...), registered in one list in the composition root. It owns its keys,
 * reads them ({@link TypeDefinition}) and observes what they describe. A type whose results are
 * pushed to Tickr (a heartbeat) is a {@link TypeDefinition} alone.
 */
public interface MonitorType extends TypeDefinition {

  /**
   * Observes once, within the deadline. Never throws for a failing target: what went wrong is in
   * the observation.
   *
   * @param settings what this type's {@link #read} made
   */
  Observation observe(TypeSettings settings, Deadline deadline);

  /** Starts set-up that can run in the background (a TLS stack, CA certificates); once. */
  default void prepare() {}

  /** Waits for the set-up {@link #prepare} started (or does it now). */
  default void ready() {}
}
