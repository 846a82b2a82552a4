package dev.tickr.config;

import dev.tickr.assertion.ReasonRules;
import java.util.List;
import java.util.Map;
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
          "paused",
          "revenue",
          "conditions");

  /** Keys of monitors that are probed on an interval (all but heartbeats). */
  static final List<String> PROBED =
      List.of(
          "interval",
          "timeout",
          "degraded",
          "rate-limited",
          "reasons",
          "quota",
          "retry-after-max",
          "metrics",
          "locations",
          "confirm");

  /** Common keys that name one monitor, so {@code defaults:} cannot hold them. */
  static final List<String> COMMON_OWN_ONLY = List.of("name", "preset", "revenue");

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

  static final List<String> STATUS_PAGE =
      List.of("slug", "title", "monitors", "groups", "subscriptions");
  static final List<String> STATUS_PAGE_GROUP = List.of("name", "monitors");
  static final List<String> STATUS_PAGE_SUBSCRIPTIONS = List.of("email");
  static final List<String> STATUS_PAGE_EMAIL = List.of("channel");

  static final List<String> STORAGE = List.of("path", "raw-retention", "rollup-retention");
  static final List<String> SERVER =
      List.of("listen", "public-url", "metrics-token", "trusted-proxies");
  static final List<String> CONNECTIVITY = List.of("targets", "interval", "timeout");

  /** The reasons a monitor's {@code reasons:} may name. */
  static final List<String> REASONS =
      ReasonRules.NAMEABLE.stream().map(dev.tickr.check.Reason::code).toList();

  /**
   * Each object the loader reads, by its path in the file ({@code *} for any list item), with the
   * keys it knows, but for {@code /defaults} and {@code /monitors/*}, whose keys come from the
   * registered {@link Types}. Channels also keep keys not listed here.
   */
  static final Map<String, List<String>> BY_PATH =
      Map.ofEntries(
          Map.entry("", TOP),
          Map.entry("/defaults/escalate/*", ESCALATION),
          Map.entry("/defaults/flapping", FLAPPING),
          Map.entry("/monitors/*/escalate/*", ESCALATION),
          Map.entry("/monitors/*/flapping", FLAPPING),
          Map.entry("/defaults/reasons", REASONS),
          Map.entry("/monitors/*/reasons", REASONS),
          Map.entry("/defaults/quota", QuotaKeys.QUOTA),
          Map.entry("/monitors/*/quota", QuotaKeys.QUOTA),
          Map.entry("/monitors/*/revenue", RevenueKeys.KEYS),
          Map.entry(
              "/channels/*", Stream.concat(CHANNEL.stream(), CHANNEL_POLICY.stream()).toList()),
          Map.entry("/status-pages/*", STATUS_PAGE),
          Map.entry("/status-pages/*/groups/*", STATUS_PAGE_GROUP),
          Map.entry("/status-pages/*/subscriptions", STATUS_PAGE_SUBSCRIPTIONS),
          Map.entry("/status-pages/*/subscriptions/email", STATUS_PAGE_EMAIL),
          Map.entry("/maintenance/*", MAINTENANCE),
          Map.entry("/storage", STORAGE),
          Map.entry("/server", SERVER),
          Map.entry("/connectivity", CONNECTIVITY));

  private Keys() {}
}
