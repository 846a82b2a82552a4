package dev.tickr.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Gatus's alerting: providers under {@code alerting} become channels named after their type, and
 * each endpoint's {@code alerts} become its {@code alerts} list and thresholds. Gatus keeps
 * thresholds and {@code send-on-resolved} per alert; Tickr per monitor and per channel, so where
 * they differ the report says what was chosen.
 */
final class GatusAlerts {
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("slack", "slack"),
          Map.entry("discord", "discord"),
          Map.entry("googlechat", "google-chat"),
          Map.entry("mattermost", "mattermost"),
          Map.entry("teams", "teams"),
          Map.entry("teams-workflows", "teams"),
          Map.entry("pagerduty", "pagerduty"),
          Map.entry("opsgenie", "opsgenie"),
          Map.entry("email", "email"),
          Map.entry("telegram", "telegram"),
          Map.entry("ntfy", "ntfy"),
          Map.entry("pushover", "pushover"));
  private static final List<String> NTFY_PRIORITIES =
      List.of("min", "low", "default", "high", "max");

  private final Map<String, Object> providers;
  private final Draft draft;
  private final Map<String, Set<Boolean>> resolved = new LinkedHashMap<>();
  private final Map<String, Set<String>> reminders = new LinkedHashMap<>();

  GatusAlerts(Map<String, Object> alerting, Draft draft) {
    this.providers = alerting;
    this.draft = draft;
  }

  /** Sets the monitor's {@code alerts} and thresholds from the endpoint's {@code alerts}. */
  void apply(String where, List<Object> alerts, Map<String, Object> monitor) {
    List<String> channels = new ArrayList<>();
    Set<Integer> failures = new TreeSet<>();
    Set<Integer> successes = new TreeSet<>();
    for (Object item : alerts) {
      Map<String, Object> alert = Values.map(item);
      String type = String.valueOf(alert.getOrDefault("type", ""));
      Map<String, Object> merged = Values.map(Values.map(providers.get(type)).get("default-alert"));
      merged.putAll(alert);
      if (merged.containsKey("enabled") && !Values.yes(merged.get("enabled"))) {
        continue;
      }
      if (!TYPES.containsKey(type) || !providers.containsKey(type)) {
        draft.lost(
            where,
            "alert of type "
                + type
                + ": Tickr has no such channel, or alerting."
                + type
                + " is not configured");
        continue;
      }
      if (merged.containsKey("provider-override")) {
        draft.lost(
            where,
            "alert "
                + type
                + ": provider-override is not carried over (the"
                + " channel's own settings are used)");
      }
      if (Values.text(merged.get("description")) != null) {
        draft.lost(
            where,
            "alert "
                + type
                + ": description is not carried over (Tickr's alerts"
                + " say what failed)");
      }
      failures.add((int) Values.number(merged.get("failure-threshold"), 3));
      successes.add((int) Values.number(merged.get("success-threshold"), 2));
      resolved
          .computeIfAbsent(type, t -> new TreeSet<>())
          .add(Values.yes(merged.get("send-on-resolved")));
      String reminder = Values.text(merged.get("minimum-reminder-interval"));
      reminders.computeIfAbsent(type, t -> new TreeSet<>()).add(reminder == null ? "0s" : reminder);
      if (!channels.contains(type)) {
        channels.add(type);
      }
    }
    if (channels.isEmpty()) {
      return;
    }
    monitor.put("failure-threshold", failures.iterator().next());
    monitor.put("success-threshold", successes.iterator().next());
    if (failures.size() > 1 || successes.size() > 1) {
      draft.lost(
          where,
          "alerts with different thresholds "
              + failures
              + "/"
              + successes
              + ": Tickr has one per monitor, the lowest is used");
    }
    monitor.put("alerts", channels);
  }

  /** Adds a channel for each provider some endpoint alerts through. */
  void channels() {
    resolved.forEach(
        (type, sendOnResolved) -> {
          Map<String, Object> provider = Values.map(providers.get(type));
          Map<String, Object> channel = channel(type, provider);
          List<String> events = new ArrayList<>(List.of("down"));
          if (sendOnResolved.contains(true)) {
            events.add("up");
          }
          if (sendOnResolved.size() > 1) {
            draft.lost(
                "alerting." + type,
                "send-on-resolved differs between endpoints: Tickr"
                    + " decides per channel, so every endpoint's recovery is sent");
          }
          Set<String> reminder = reminders.getOrDefault(type, Set.of());
          String every = reminder.size() == 1 ? reminder.iterator().next() : "0s";
          if (!every.equals("0s") && !every.equals("0")) {
            channel.put("renotify", every);
            events.add("reminder");
          } else if (reminder.size() > 1) {
            draft.lost(
                "alerting." + type,
                "minimum-reminder-interval differs between endpoints:"
                    + " Tickr repeats per channel, so none is set");
          }
          channel.put("events", events);
          if (provider.containsKey("overrides")) {
            draft.lost("alerting." + type, "overrides per group are not carried over");
          }
          draft.channel(channel);
        });
  }

  private Map<String, Object> channel(String type, Map<String, Object> p) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", draft.channelName(type));
    c.put("type", TYPES.get(type));
    switch (type) {
      case "pagerduty" -> put(c, "routing-key", p.get("integration-key"));
      case "opsgenie" -> {
        put(c, "api-key", p.get("api-key"));
        put(c, "priority", p.get("priority"));
        if (!Values.list(p.get("tags")).isEmpty()) {
          c.put("tags", Values.list(p.get("tags")).stream().map(String::valueOf).toList());
        }
      }
      case "email" -> email(c, p);
      case "telegram" -> {
        put(c, "token", p.get("token"));
        put(c, "chat-id", p.get("id"));
        put(c, "url", p.get("api-url"));
      }
      case "ntfy" -> {
        put(c, "topic", p.get("topic"));
        put(c, "url", p.get("url"));
        put(c, "token", p.get("token"));
        int priority = (int) Values.number(p.get("priority"), 0);
        if (priority >= 1 && priority <= 5) {
          c.put("priority", NTFY_PRIORITIES.get(priority - 1));
        }
      }
      case "pushover" -> {
        put(c, "token", p.get("application-token"));
        put(c, "user", p.get("user-key"));
        put(c, "priority", p.get("priority"));
        put(c, "sound", p.get("sound"));
        put(c, "device", p.get("device"));
      }
      default -> {
        put(c, "url", p.get("webhook-url"));
        if (type.equals("mattermost")) {
          put(c, "channel", p.get("channel"));
        }
      }
    }
    return c;
  }

  private void email(Map<String, Object> c, Map<String, Object> p) {
    put(c, "host", p.get("host"));
    put(c, "port", p.get("port"));
    if ((int) Values.number(p.get("port"), 0) == 465) {
      c.put("security", "tls");
    }
    String password = Values.text(p.get("password"));
    if (password != null) {
      String user = Values.text(p.get("username"));
      c.put("username", user == null ? Values.text(p.get("from")) : user);
      c.put("password", password);
    }
    put(c, "from", p.get("from"));
    String to = Values.text(p.get("to"));
    if (to != null) {
      c.put("to", List.of(to.split("\\s*,\\s*")));
    }
  }

  private static void put(Map<String, Object> channel, String key, @Nullable Object value) {
    String text = Values.text(value);
    if (text != null) {
      channel.put(key, value instanceof Number ? value : GatusImport.env(text));
    }
  }
}
