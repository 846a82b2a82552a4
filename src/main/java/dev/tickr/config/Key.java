package dev.tickr.config;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One key of a monitor type, as everything outside the type's reader needs to know it: the JSON
 * Schema and OpenAPI documents, the API's monitor JSON (which masks {@link #secret()} keys), the
 * loader's list of known keys and the dashboard form are made from these.
 *
 * @param name the key as written in YAML and JSON, kebab-case
 * @param kind what kind of value it takes
 * @param description one or two sentences for people, without the type's name in front
 * @param defaultValue the value when the key is absent (a {@code String}, {@code Integer} or {@code
 *     Boolean}), or {@code null} when there is none or it depends on other keys
 * @param secret its value is never shown: masked in API answers, never in problems or logs
 * @param perMonitor it names one endpoint, so {@code defaults:} cannot hold it
 * @param required the monitor cannot do without it
 * @param choices the values allowed, for {@link Kind#CHOICE}
 * @param examples values shown to people as examples
 * @param schema the JSON Schema of the value when the kind's own does not say enough
 */
public record Key(
    String name,
    Kind kind,
    String description,
    @Nullable Object defaultValue,
    boolean secret,
    boolean perMonitor,
    boolean required,
    List<String> choices,
    List<String> examples,
    @Nullable String schema) {

  /** What kind of value a key takes, which decides its JSON Schema and its form field. */
  public enum Kind {
    /** One line of text. */
    TEXT,
    /** Text over several lines, such as a request body. */
    TEXT_BLOCK,
    /** A URL. */
    URL,
    /** A host name or IP address, without scheme or port. */
    HOST,
    /** A TCP or UDP port, 1 to 65535. */
    PORT,
    /** A whole number. */
    INTEGER,
    BOOLEAN,
    /** A duration such as {@code 30s}. */
    DURATION,
    /** One of {@link Key#choices()}. */
    CHOICE,
    /** A mapping of names to text, such as HTTP headers. */
    MAP,
    /** A mapping with keys of its own, described by {@link Key#schema()}. */
    OBJECT
  }

  public Key {
    Objects.requireNonNull(name, "name");
    choices = List.copyOf(choices);
    examples = List.copyOf(examples);
    if (kind == Kind.CHOICE && choices.isEmpty()) {
      throw new IllegalArgumentException("key " + name + " is a choice without choices");
    }
  }

  public static Key of(String name, Kind kind, String description) {
    return new Key(name, kind, description, null, false, false, false, List.of(), List.of(), null);
  }

  public static Key choice(String name, List<String> choices, String description) {
    return new Key(
        name, Kind.CHOICE, description, null, false, false, false, choices, List.of(), null);
  }

  public Key withDefault(Object value) {
    return new Key(
        name, kind, description, value, secret, perMonitor, required, choices, examples, schema);
  }

  /** This key, secret. */
  public Key secretValue() {
    return new Key(
        name,
        kind,
        description,
        defaultValue,
        true,
        perMonitor,
        required,
        choices,
        examples,
        schema);
  }

  /** This key, naming one endpoint: not allowed in {@code defaults:}. */
  public Key ownOnly() {
    return new Key(
        name, kind, description, defaultValue, secret, true, required, choices, examples, schema);
  }

  public Key needed() {
    return new Key(
        name, kind, description, defaultValue, secret, perMonitor, true, choices, examples, schema);
  }

  public Key withExamples(String... values) {
    return new Key(
        name,
        kind,
        description,
        defaultValue,
        secret,
        perMonitor,
        required,
        choices,
        List.of(values),
        schema);
  }

  /**
   * This key with its value's JSON Schema given as JSON text; {@code #/$defs/NAME} references point
   * at the documents' shared definitions.
   */
  public Key withSchema(String json) {
    return new Key(
        name,
        kind,
        description,
        defaultValue,
        secret,
        perMonitor,
        required,
        choices,
        examples,
        json);
  }
}
