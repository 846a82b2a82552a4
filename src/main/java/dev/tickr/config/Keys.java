package dev.tickr.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every key the loader reads, in one place: the readers reject anything else, and a test holds
 * {@code docs/tickr.schema.json} and {@code docs/configuration.md} to exactly these.
 */
final class Keys {
  static final List<String> TOP =
      List.of(
          "defaults",
          "monitors",
          "channels",
          "status-pages",
          "maintenance",
          "storage",
          "server",
          "connectivity");

  /** Top-level keys that start so are ignored: a place for YAML anchors ({@code x-common: &c}). */
  static final String EXTENSION_PREFIX = "x-";

  /** Keys every monitor type accepts. */
  static final List<String> MONITOR_COMMON =
      List.of(
          "name",
          "type",
          "failure-threshold",
          "success-threshold",
          "alerts",
          "escalate",
          "flapping",
          "tags",
          "preset",
          "paused");

  /** Keys of monitors that are probed on an interval (all but heartbeats). */
  static final List<String> PROBED = List.of("interval", "timeout", "conditions", "degraded");

  static final List<String> HTTP = List.of("url", "method", "headers", "body", "auth");
  static final List<String> TCP = List.of("url", "host", "port");
  static final List<String> TLS = List.of("host", "port");
  static final List<String> DNS = List.of("host", "query-type", "nameserver");
  static final List<String> HEARTBEAT = List.of("period", "grace", "token");

  static final List<String> MONITOR =
      List.of(
          "name",
          "type",
          "url",
          "host",
          "port",
          "query-type",
          "nameserver",
          "method",
          "headers",
          "body",
          "auth",
          "interval",
          "timeout",
          "conditions",
          "degraded",
          "failure-threshold",
          "success-threshold",
          "alerts",
          "escalate",
          "flapping",
          "tags",
          "preset",
          "paused",
          "period",
          "grace",
          "token");

  /** Keys that name one endpoint, so {@code defaults:} cannot hold them. */
  static final List<String> NOT_IN_DEFAULTS = List.of("name", "url", "host", "port", "token");

  static final List<String> DEFAULTS =
      MONITOR.stream().filter(k -> !NOT_IN_DEFAULTS.contains(k)).toList();

  static final List<String> AUTH = List.of("basic", "bearer", "header");
  static final List<String> AUTH_BASIC = List.of("username", "password");
  static final List<String> AUTH_HEADER = List.of("name", "value");

  /** A channel's own keys; the rest are its type's settings, checked with the alerting code. */
  static final List<String> CHANNEL = List.of("name", "type");

  /**
   * Channel keys the alerting engine reads ({@link ChannelPolicy#KEYS}); they stay in the channel's
   * settings, where notifiers ignore them.
   */
  static final List<String> CHANNEL_POLICY = ChannelPolicy.KEYS;

  static final List<String> ESCALATION = List.of("after", "alerts");
  static final List<String> FLAPPING = List.of("changes", "within", "hold-down");

  static final List<String> MAINTENANCE =
      List.of(
          "name",
          "monitors",
          "tags",
          "start",
          "end",
          "every",
          "from",
          "to",
          "duration",
          "timezone");

  static final List<String> STATUS_PAGE = List.of("slug", "title", "monitors", "groups");
  static final List<String> STATUS_PAGE_GROUP = List.of("name", "monitors");

  static final List<String> STORAGE = List.of("path", "raw-retention", "rollup-retention");
  static final List<String> SERVER = List.of("listen", "public-url", "metrics-token");
  static final List<String> CONNECTIVITY = List.of("targets", "interval", "timeout");

  /**
   * Each object the loader reads, by its path in the file ({@code *} for any list item), with the
   * keys it knows. Channels also keep keys not listed here.
   */
  static final Map<String, List<String>> BY_PATH =
      Map.ofEntries(
          Map.entry("", TOP),
          Map.entry("/defaults", DEFAULTS),
          Map.entry("/defaults/auth", AUTH),
          Map.entry("/defaults/auth/basic", AUTH_BASIC),
          Map.entry("/defaults/auth/header", AUTH_HEADER),
          Map.entry("/defaults/escalate/*", ESCALATION),
          Map.entry("/defaults/flapping", FLAPPING),
          Map.entry("/monitors/*", MONITOR),
          Map.entry("/monitors/*/auth", AUTH),
          Map.entry("/monitors/*/auth/basic", AUTH_BASIC),
          Map.entry("/monitors/*/auth/header", AUTH_HEADER),
          Map.entry("/monitors/*/escalate/*", ESCALATION),
          Map.entry("/monitors/*/flapping", FLAPPING),
          Map.entry(
              "/channels/*", Stream.concat(CHANNEL.stream(), CHANNEL_POLICY.stream()).toList()),
          Map.entry("/status-pages/*", STATUS_PAGE),
          Map.entry("/status-pages/*/groups/*", STATUS_PAGE_GROUP),
          Map.entry("/maintenance/*", MAINTENANCE),
          Map.entry("/storage", STORAGE),
          Map.entry("/server", SERVER),
          Map.entry("/connectivity", CONNECTIVITY));

  private Keys() {}

  private static final java.util.Map<MonitorType, Set<String>> BY_TYPE = byType();

  private static java.util.Map<MonitorType, Set<String>> byType() {
    java.util.Map<MonitorType, Set<String>> map = new java.util.EnumMap<>(MonitorType.class);
    for (MonitorType type : MonitorType.values()) {
      map.put(type, build(type));
    }
    return map;
  }

  /** The keys a monitor of this type accepts. */
  static Set<String> forType(MonitorType type) {
    return java.util.Objects.requireNonNull(BY_TYPE.get(type));
  }

  private static Set<String> build(MonitorType type) {
    Stream<String> own =
        switch (type) {
          case HTTP -> Stream.concat(HTTP.stream(), PROBED.stream());
          case TCP -> Stream.concat(TCP.stream(), PROBED.stream());
          case TLS -> Stream.concat(TLS.stream(), PROBED.stream());
          case DNS -> Stream.concat(DNS.stream(), PROBED.stream());
          case HEARTBEAT -> HEARTBEAT.stream();
        };
    return Set.copyOf(Stream.concat(MONITOR_COMMON.stream(), own).toList());
  }
}
