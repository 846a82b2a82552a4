package dev.tickr.importer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Kuma's notifications as channels, for the types Tickr has. Each setting Kuma had that the channel
 * does not take is named in the report.
 */
final class KumaChannels {
  private static final Set<String> GENERIC =
      Set.of("name", "type", "isDefault", "applyExisting", "active", "id", "userId", "user_id");
  private static final List<String> NTFY = List.of("min", "low", "default", "high", "max");

  private final Map<String, Object> config;
  private final Map<String, Object> channel = new LinkedHashMap<>();

  private KumaChannels(Map<String, Object> config) {
    this.config = new LinkedHashMap<>(config);
  }

  /** Adds a channel for each active notification Tickr can send to; returns their names by id. */
  static Map<Long, String> add(Map<Long, Map<String, Object>> notifications, Draft out) {
    Map<Long, String> names = new LinkedHashMap<>();
    notifications.forEach(
        (id, n) -> {
          String name = String.valueOf(n.getOrDefault("name", "notification " + id));
          String where = "notification \"" + name + "\"";
          if (n.containsKey("active") && !Values.yes(n.get("active"))) {
            out.lost(where, "left out: it is not active");
            return;
          }
          Map<String, Object> config = parse(Values.text(n.get("config")));
          String type = String.valueOf(config.get("type"));
          KumaChannels c = new KumaChannels(config);
          String tickrType = c.map(type);
          if (tickrType == null) {
            out.lost(where, "left out: Tickr has no " + type + " channel");
            return;
          }
          String channelName = out.channelName(name);
          Map<String, Object> channel = new LinkedHashMap<>();
          channel.put("name", channelName);
          channel.put("type", tickrType);
          channel.putAll(c.channel);
          Set<String> left = new TreeSet<>();
          c.config.forEach(
              (k, v) -> {
                if (!GENERIC.contains(k)
                    && Values.text(v) != null
                    && !"false".equals(String.valueOf(v))) {
                  left.add(k);
                }
              });
          if (!left.isEmpty()) {
            out.lost(
                where,
                "settings "
                    + left
                    + " are not carried over: Tickr's "
                    + tickrType
                    + " channel has no equal");
          }
          if (tickrType.equals("webhook")) {
            out.lost(
                where,
                "Tickr's webhook posts its own JSON (docs/channels.md), not Kuma's"
                    + " {heartbeat, monitor, msg}: adapt the receiver");
          }
          out.channel(channel);
          names.put(id, channelName);
        });
    return names;
  }

  private static Map<String, Object> parse(@Nullable String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      Map<String, Object> config =
          new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() {});
      return config == null ? Map.of() : Values.map(config);
    } catch (IOException e) {
      return Map.of();
    }
  }

  /** Fills the channel's settings; the Tickr type, or null when Tickr has none. */
  private @Nullable String map(String type) {
    switch (type) {
      case "slack" -> take("slackwebhookURL", "url");
      case "discord" -> {
        take("discordWebhookUrl", "url");
        take("discordUsername", "username");
      }
      case "GoogleChat" -> take("googleChatWebhookURL", "url");
      case "teams" -> take("webhookUrl", "url");
      case "mattermost" -> {
        take("mattermostWebhookUrl", "url");
        take("mattermostchannel", "channel");
        take("mattermostusername", "username");
        take("mattermosticonurl", "icon-url");
      }
      case "telegram" -> {
        take("telegramBotToken", "token");
        take("telegramChatID", "chat-id");
        if (Values.yes(config.remove("telegramSendSilently"))) {
          channel.put("silent", true);
        }
      }
      case "webhook" -> {
        take("webhookURL", "url");
        if ("json".equals(config.get("webhookContentType"))) {
          config.remove("webhookContentType");
        }
        Map<String, Object> headers = parse(Values.text(config.remove("webhookAdditionalHeaders")));
        if (!headers.isEmpty()) {
          Map<String, Object> h = new LinkedHashMap<>();
          headers.forEach((k, v) -> h.put(k, Draft.literal(String.valueOf(v))));
          channel.put("headers", h);
        }
      }
      case "ntfy" -> ntfy();
      case "pushover" -> {
        take("pushoverapptoken", "token");
        take("pushoveruserkey", "user");
        number("pushoverpriority", "priority");
        take("pushoversounds", "sound");
        take("pushoverdevice", "device");
      }
      case "smtp" -> smtp();
      case "PagerDuty" -> {
        take("pagerdutyIntegrationKey", "routing-key");
        take("pagerdutyIntegrationUrl", "url");
        take("pagerdutyPriority", "severity");
      }
      case "Opsgenie" -> {
        take("opsgenieApiKey", "api-key");
        take("opsgenieRegion", "region");
        take("opsgeniePriority", "priority");
      }
      default -> {
        return null;
      }
    }
    return switch (type) {
      case "GoogleChat" -> "google-chat";
      case "smtp" -> "email";
      case "PagerDuty", "Opsgenie" -> type.toLowerCase(java.util.Locale.ROOT);
      default -> type;
    };
  }

  private void ntfy() {
    take("ntfytopic", "topic");
    take("ntfyserverurl", "url");
    take("ntfyaccesstoken", "token");
    take("ntfyusername", "username");
    take("ntfypassword", "password");
    config.remove("ntfyAuthenticationMethod");
    int priority = (int) Values.number(config.remove("ntfyPriority"), 0);
    if (priority >= 1 && priority <= 5) {
      channel.put("priority", NTFY.get(priority - 1));
    }
  }

  private void smtp() {
    take("smtpHost", "host");
    number("smtpPort", "port");
    channel.put("security", Values.yes(config.remove("smtpSecure")) ? "tls" : "starttls");
    take("smtpUsername", "username");
    take("smtpPassword", "password");
    take("smtpFrom", "from");
    String to = Values.text(config.remove("smtpTo"));
    if (to != null) {
      channel.put("to", List.of(to.strip().split("\\s*,\\s*")));
    }
  }

  private void take(String kuma, String tickr) {
    String value = Values.text(config.remove(kuma));
    if (value != null) {
      channel.put(tickr, Draft.literal(value));
    }
  }

  private void number(String kuma, String tickr) {
    Object value = config.remove(kuma);
    if (Values.text(value) != null) {
      channel.put(tickr, (long) Values.number(value, 0));
    }
  }
}
