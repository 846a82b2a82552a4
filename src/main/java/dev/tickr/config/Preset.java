package dev.tickr.config;

import dev.tickr.config.Node.Mapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A platform preset: the monitor keys that call one platform's API and judge its answers, written
 * once as a declarative resource, with the few keys a user gives ({@code account}, {@code token},
 * the endpoint to call...) written {@code ((name))} in its values. See {@code docs/presets.md}.
 *
 * @param name what {@code preset:} names, e.g. {@code impact}
 * @param title the platform's name for people, e.g. {@code Impact.com}
 * @param summary one line: what the preset watches
 * @param links where the platform documents what the preset relies on
 * @param keys the preset's own keys, in the order they are shown
 * @param monitor keys every endpoint has
 * @param endpoints the endpoints worth monitoring, by name, the first the default
 */
public record Preset(
    String name,
    String title,
    String summary,
    List<String> links,
    List<PresetKey> keys,
    Mapping monitor,
    Map<String, Endpoint> endpoints) {

  /** The key that chooses one of {@link #endpoints()}. */
  public static final String ENDPOINT = "endpoint";

  public Preset {
    links = List.copyOf(links);
    keys = List.copyOf(keys);
    endpoints = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(endpoints));
  }

  /**
   * One key a user gives a preset.
   *
   * @param required whether the monitor must give it
   * @param secret whether it is a credential: never shown, and best given as {@code ${NAME}}
   * @param fallback the value when the monitor does not give one, or {@code null}
   * @param pattern what a value must match entirely, or {@code null}
   * @param patternText how a message words the pattern, e.g. {@code 34 characters starting IR}
   * @param values the only values allowed, or empty for any
   * @param example what the example block writes for it
   */
  public record PresetKey(
      String name,
      String description,
      boolean required,
      boolean secret,
      @Nullable String fallback,
      @Nullable Pattern pattern,
      @Nullable String patternText,
      List<String> values,
      String example) {
    public PresetKey {
      values = List.copyOf(values);
    }
  }

  /**
   * @param description what it calls, for people
   * @param monitor keys over the preset's {@link Preset#monitor()}: {@code conditions} add to the
   *     preset's, {@code headers} merge by name, any other key replaces the preset's
   */
  public record Endpoint(String name, String description, Mapping monitor) {}

  /** The preset's keys and {@code endpoint} when it has more than one endpoint. */
  public List<String> keyNames() {
    List<String> out = new ArrayList<>();
    for (PresetKey k : keys) {
      out.add(k.name());
    }
    if (endpoints.size() > 1) {
      out.add(ENDPOINT);
    }
    return out;
  }

  public @Nullable PresetKey key(String name) {
    for (PresetKey k : keys) {
      if (k.name().equals(name)) {
        return k;
      }
    }
    return null;
  }

  /** The endpoint a monitor gets when it names none. */
  public Endpoint defaultEndpoint() {
    return endpoints.values().iterator().next();
  }
}
