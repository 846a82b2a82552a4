package dev.tickr.config;

import java.util.Map;
import java.util.Set;

/**
 * What one monitor's type read from its own keys: validated, immutable, a value (two loads of the
 * same text give equal settings). Each type has its own record; {@code config} knows them only
 * through this interface. {@code toString()} must never show a secret.
 */
public interface TypeSettings {

  /** What is probed, for people and logs, with secrets hidden. */
  String describe();

  /**
   * Adds everything that affects how the monitor is probed to a fingerprint, secrets included (so
   * that rotating a token counts as a change).
   */
  void fingerprint(Fingerprint fingerprint);

  /**
   * The settings as the API shows them, by key, in the order of the type's keys: {@code String},
   * {@code Number}, {@code Boolean}, {@link Secret} and maps of those. Values of keys the type
   * marks secret, and every {@link Secret}, are shown masked; a map under a secret key shows its
   * keys, so it must hold each secret value as a {@link Secret}.
   */
  Map<String, Object> document();

  /**
   * Secret values these settings send (credentials), to be masked wherever a result echoes them.
   */
  default Set<String> secretValues() {
    return Set.of();
  }

  /**
   * Names of the numbers the type measures itself on each check (a flow's named durations), which
   * are stored and judged like declared {@code metrics:}.
   */
  default Set<String> measures() {
    return Set.of();
  }

  /** A value in {@link #document()} that is shown masked. */
  record Secret(String value) {
    @Override
    public String toString() {
      return "***";
    }
  }
}
