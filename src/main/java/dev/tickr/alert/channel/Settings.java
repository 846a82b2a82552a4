package dev.tickr.alert.channel;

import dev.tickr.config.ChannelPolicy;
import dev.tickr.config.ChannelSpec;
import dev.tickr.config.Location;
import dev.tickr.config.Problem;
import dev.tickr.config.Suggestions;
import dev.tickr.time.Durations;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.Credentials;
import org.jspecify.annotations.Nullable;

/**
 * Reads one channel's settings with their types, and collects every problem with the place it was
 * written: {@code tickr.yml:12:10: slack channel "ops": url must be an http(s) URL}. Values of
 * secret settings are remembered for {@link #mask()} and never quoted in a problem.
 */
final class Settings {
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);

  private final ChannelSpec spec;
  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> secretValues = new LinkedHashSet<>();

  Settings(ChannelSpec spec) {
    this.spec = spec;
    spec.settings().forEach((key, value) -> collectSecrets(key, value));
  }

  String name() {
    return spec.name();
  }

  /** {@code slack channel "ops"}, how problems and {@code toString()} name the channel. */
  String describe() {
    return spec.type() + " channel \"" + spec.name() + "\"";
  }

  List<Problem> problems() {
    return List.copyOf(problems);
  }

  /** Masks the values of every secret setting, and of those marked with {@link #secret}. */
  SecretMask mask() {
    return new SecretMask(secretValues);
  }

  /**
   * Reports every setting not in {@code keys} or the keys the alerting engine reads for every
   * channel ({@link ChannelPolicy#KEYS}).
   */
  void allow(List<String> own) {
    List<String> keys = new ArrayList<>(own);
    keys.addAll(ChannelPolicy.KEYS);
    for (String key : spec.settings().keySet()) {
      if (!keys.contains(key)) {
        problem(
            key,
            "unknown setting \""
                + key
                + "\""
                + Suggestions.didYouMean(key, keys)
                + "; expected one of "
                + String.join(", ", keys));
      }
    }
  }

  /** Treats the setting as secret although its name does not say so (a webhook URL). */
  void secret(String key) {
    Object value = spec.settings().get(key);
    if (value instanceof String s) {
      secretValues.add(s);
      try {
        URI uri = new URI(s);
        String rawPath = uri.getRawPath();
        if (rawPath != null && rawPath.length() > 1) {
          // The path (or its query) is where such a URL keeps its secret, and answers may quote it.
          String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
          secretValues.add(rawPath + query);
          secretValues.add(rawPath.substring(1) + query);
        }
        if (uri.getRawQuery() != null) {
          secretValues.add(uri.getRawQuery());
        }
      } catch (URISyntaxException e) {
        // Not a URL: the whole value is masked, which is all there is to mask.
      }
    }
  }

  /** A scalar as text (numbers too: a Telegram chat id), or null when not set. */
  @Nullable String text(String key) {
    Object value = spec.settings().get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      problem(key, key + " must be a single value, got " + kind(value));
      return null;
    }
    return String.valueOf(value);
  }

  /** The text under {@code key}; reported when missing. */
  String required(String key) {
    if (!spec.settings().containsKey(key)) {
      missing(key);
      return "";
    }
    String text = text(key);
    if (text != null && text.isBlank()) {
      problem(key, key + " must not be empty");
    }
    return text == null ? "" : text;
  }

  /** An {@code http(s)://} URL, {@code fallback} when not set (a required one when null). */
  URI url(String key, @Nullable String fallback) {
    String text = spec.settings().containsKey(key) || fallback == null ? required(key) : fallback;
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // Reported below, like any other value that is not an http(s) URL.
    }
    if (!text.isEmpty()) {
      problem(key, key + " must be an http(s) URL" + got(key, text));
    }
    return URI.create("http://invalid.invalid/");
  }

  /** A duration more than zero and at most {@code max}. */
  Duration duration(String key, Duration fallback, Duration max) {
    String text = text(key);
    if (text == null) {
      return fallback;
    }
    try {
      Duration d = spec.settings().get(key) instanceof String ? Durations.parse(text) : null;
      if (d != null && !d.isNegative() && !d.isZero() && d.compareTo(max) <= 0) {
        return d;
      }
    } catch (DateTimeParseException e) {
      // Reported below.
    }
    problem(
        key,
        key + " must be a duration more than 0s and at most " + Durations.format(max) + got(key));
    return fallback;
  }

  /** The common {@code timeout}: how long one send may take. */
  Duration timeout() {
    return duration("timeout", DEFAULT_TIMEOUT, MAX_TIMEOUT);
  }

  boolean flag(String key, boolean fallback) {
    Object value = spec.settings().get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    problem(key, key + " must be true or false" + got(key));
    return fallback;
  }

  long number(String key, long fallback, long min, long max) {
    Object value = spec.settings().get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Long n && n >= min && n <= max) {
      return n;
    }
    problem(key, key + " must be a whole number from " + min + " to " + max + got(key));
    return fallback;
  }

  /** One of {@code choices} (any case), {@code fallback} when not set. */
  String choice(String key, List<String> choices, String fallback) {
    String text = text(key);
    if (text == null) {
      return fallback;
    }
    for (String choice : choices) {
      if (choice.equalsIgnoreCase(text.strip())) {
        return choice;
      }
    }
    problem(
        key,
        key
            + " must be one of "
            + String.join(", ", choices)
            + got(key)
            + Suggestions.didYouMean(text, choices));
    return fallback;
  }

  /** A list of texts; one text is a list of one. */
  List<String> list(String key) {
    Object value = spec.settings().get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> items) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        Object item = items.get(i);
        if (item instanceof Map<?, ?> || item instanceof List<?>) {
          problem(key + "[" + i + "]", key + " must be a list of single values");
        } else {
          out.add(String.valueOf(item));
        }
      }
      return out;
    }
    if (value instanceof Map<?, ?>) {
      problem(key, key + " must be a list, got a mapping");
      return List.of();
    }
    return List.of(String.valueOf(value));
  }

  /** A mapping of names to single values ({@code headers:}, {@code labels:}). */
  Map<String, String> map(String key) {
    Object value = spec.settings().get(key);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> entries)) {
      problem(key, key + " must be a mapping of names to values, got " + kind(value));
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    entries.forEach(
        (name, v) -> {
          if (v instanceof Map<?, ?> || v instanceof List<?>) {
            problem(key + "." + name, key + "." + name + " must be a single value");
          } else {
            out.put(String.valueOf(name), String.valueOf(v));
          }
        });
    return out;
  }

  /**
   * The {@code Authorization} value from {@code token} (Bearer) or {@code username} and {@code
   * password} (Basic), reporting both at once or half a login; null when none is set.
   */
  @Nullable String authorization() {
    String token = text("token");
    String username = text("username");
    String password = text("password");
    if (token != null && (username != null || password != null)) {
      problem("token", "token and username/password are two ways to log in: choose one");
    }
    if ((username == null) != (password == null)) {
      problem(username == null ? "password" : "username", "username needs a password");
    }
    if (token != null) {
      return "Bearer " + token;
    }
    return username != null && password != null ? Credentials.basic(username, password) : null;
  }

  /** The template under {@code key}, or null for the channel's default text. */
  @Nullable Template template(String key) {
    String text = text(key);
    if (text == null) {
      return null;
    }
    try {
      return Template.parse(text);
    } catch (Template.SyntaxException e) {
      problem(key, key + ": " + e.getMessage() + " (column " + e.column() + " of the template)");
      return null;
    }
  }

  /** Reports a problem at the setting (or the channel, when the setting is not written). */
  void problem(String path, String message) {
    problems.add(at(path).problem(describe() + ": " + message));
  }

  /** Reports that a required setting is missing, at the channel. */
  void missing(String key) {
    problems.add(channelAt().problem(describe() + " has no \"" + key + "\""));
  }

  private Location at(String path) {
    return spec.location(path).orElseGet(this::channelAt);
  }

  /** The channel's line, column 1; the file from wherever the channel's keys were written. */
  private Location channelAt() {
    String file =
        spec.location("name")
            .or(() -> spec.location("type"))
            .or(() -> spec.locations().values().stream().findFirst())
            .map(Location::file)
            .orElse("tickr.yml");
    return new Location(file, spec.line(), 1);
  }

  private String got(String key) {
    String text = String.valueOf(spec.settings().get(key));
    return got(key, text);
  }

  private String got(String key, String text) {
    return spec.isSecret(key) || secretValues.contains(text) ? "" : ", got \"" + text + "\"";
  }

  private static String kind(Object value) {
    return value instanceof Map<?, ?> ? "a mapping" : value instanceof List<?> ? "a list" : "text";
  }

  private void collectSecrets(String path, @Nullable Object value) {
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> collectSecrets(path + "." + k, v));
    } else if (value instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        collectSecrets(path + "[" + i + "]", l.get(i));
      }
    } else if (value != null && spec.isSecret(path)) {
      secretValues.add(String.valueOf(value));
    }
  }
}
