package dev.tickr.config;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A monitor type as the config loader knows it: its {@code type:} name, its own keys and how it
 * reads them. The loader names no type: every type comes from the list the composition root
 * registers, and reads its own keys with {@code file:line:col} problems.
 */
public interface TypeDefinition {

  /** The {@code type:} spelling, e.g. {@code http}. */
  String name();

  /** What a monitor of this type watches, a few words for people: "a request". */
  String summary();

  /** The type's own keys, beside those every monitor has. */
  List<Key> keys();

  /**
   * Whether results are pushed to Tickr rather than probed on an interval: its settings are then
   * {@link PushedSettings}, it has no {@code interval}, {@code timeout}, {@code conditions} or
   * {@code degraded}.
   */
  default boolean pushed() {
    return false;
  }

  /** Consecutive failures before a monitor of this type is DOWN, unless it says otherwise. */
  default int defaultFailureThreshold() {
    return 2;
  }

  /**
   * The conditions of a monitor of this type that sets none; also whether {@code conditions} in
   * {@code defaults:} apply to it (only when this is not empty: they are written for this kind of
   * answer).
   */
  default List<String> defaultConditions() {
    return List.of();
  }

  /**
   * What the JSON Schema requires of a monitor of this type, as the JSON text of a schema, when
   * more than its {@link Key#required() required} keys say (e.g. one key or two others); {@code
   * null} to require just those.
   */
  default @Nullable String requires() {
    return null;
  }

  /**
   * The {@code timeout} of a monitor of this type that sets none, when the usual one (its interval,
   * at most 10s) is too short for what these settings do (a flow's polls); never more than the
   * interval. {@code null} for the usual one.
   */
  default @Nullable Duration defaultTimeout(TypeSettings settings) {
    return null;
  }

  /** A hint added to "KEY does not apply to TYPE monitors", e.g. " (use host and port)". */
  default String hint(String key) {
    return "";
  }

  /**
   * Reads and checks the type's keys; reports each problem through {@code read} at its place.
   *
   * @param fields the monitor's keys after {@code defaults:}, only those the type knows
   * @param label how problems name the monitor, e.g. {@code tcp monitor "db"}
   * @return the settings, or {@code null} when a problem was reported
   */
  @Nullable TypeSettings read(Fields fields, Read read, String label);
}
