package dev.tickr.config;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a monitor uses a platform preset: which one, which endpoint, and the preset's keys as the
 * monitor gave them (defaults filled in), so that answers and the form can show the monitor as it
 * was written rather than only what the preset expanded to. Secret values are never shown: {@link
 * #toString()} masks them, and whoever shows a key checks {@link Key#secret()}.
 *
 * @param name what {@code preset:} names, e.g. {@code impact}
 * @param title the platform's name for people, e.g. {@code Impact.com}
 * @param endpoint the endpoint called, the preset's first when the monitor names none
 * @param keys the preset's keys in the preset's order; an optional key without a value is left out
 */
public record PresetUse(String name, String title, String endpoint, List<Key> keys) {
  public PresetUse {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(endpoint, "endpoint");
    keys = List.copyOf(keys);
  }

  /**
   * One key's value.
   *
   * @param secret whether the preset marks it a credential, or its value came from a secret (an
   *     environment variable, an API monitor's stored secret values): never shown
   */
  public record Key(String name, String value, boolean secret) {
    @Override
    public String toString() {
      return name + "=" + (secret ? "***" : value);
    }
  }

  /** The key of this name, or null. */
  public @Nullable Key key(String name) {
    for (Key k : keys) {
      if (k.name().equals(name)) {
        return k;
      }
    }
    return null;
  }
}
