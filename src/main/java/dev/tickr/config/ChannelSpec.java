package dev.tickr.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A notification channel as configured: a unique {@code name}, a known {@code type}, and the rest
 * of its keys as raw, immutable settings (strings, booleans, {@code Long}s, {@code Double}s, lists
 * and maps), checked in depth by the channel's notifier.
 *
 * @param locations where each setting was written, by path: {@code url}, {@code headers.X-Key},
 *     {@code to[0]}; also where the channel's {@code name} and {@code type} were written
 * @param secrets paths of settings that must never be shown: values from {@code ${NAME}} and values
 *     whose key names a secret (a token, password, key, signature, ...)
 * @param line where the channel is declared (1-based)
 */
public record ChannelSpec(
    String name,
    String type,
    Map<String, Object> settings,
    Map<String, Location> locations,
    Set<String> secrets,
    int line) {

  /** The channel types, by their config spelling. */
  public static final List<String> TYPES =
      List.of(
          "webhook",
          "slack",
          "discord",
          "teams",
          "google-chat",
          "mattermost",
          "pagerduty",
          "opsgenie",
          "email",
          "telegram",
          "ntfy",
          "pushover",
          "alertmanager");

  public ChannelSpec {
    settings = Raw.freeze(settings);
    locations = Raw.freeze(locations);
    secrets = Set.copyOf(secrets);
  }

  public Optional<Location> location(String path) {
    return Optional.ofNullable(locations.get(path));
  }

  /** Whether the setting at {@code path}, or anything it sits under, is secret. */
  public boolean isSecret(String path) {
    return Raw.isSecret(secrets, path);
  }

  /** Names the settings but never shows their values. */
  @Override
  public String toString() {
    return "ChannelSpec[name=" + name + ", type=" + type + ", settings=" + settings.keySet() + "]";
  }
}
