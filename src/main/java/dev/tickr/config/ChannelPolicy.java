package dev.tickr.config;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * When and how the alerting engine uses one channel, from the channel's reserved keys ({@link
 * #KEYS}). Those keys stay in {@link ChannelSpec#settings()} too; notifiers ignore them.
 *
 * @param events what the channel hears about
 * @param renotify how often a DOWN that nobody acknowledged is repeated, or null for never
 * @param group how long the first alert waits for others to fold into one message (on a paging
 *     channel nothing waits: how long after a page's first DOWN others of the same reason join that
 *     page); zero for none
 * @param certificateExpiry how long before a certificate expires to warn, or null for never
 * @param retryFor how long a notification is retried before it is given up
 */
public record ChannelPolicy(
    Set<Event> events,
    @Nullable Duration renotify,
    Duration group,
    @Nullable Duration certificateExpiry,
    Duration retryFor) {

  /** The channel keys the alerting engine reads; every notifier leaves them alone. */
  public static final List<String> KEYS =
      List.of("events", "renotify", "group", "certificate-expiry", "retry-for");

  /** Channel types that send messages to people, which fold alerts by default. */
  public static final List<String> MESSAGE_TYPES =
      List.of(
          "slack",
          "discord",
          "teams",
          "google-chat",
          "mattermost",
          "email",
          "telegram",
          "ntfy",
          "pushover");

  /**
   * Channel types that page people, where several monitors going DOWN the same way within the group
   * window share one page by default.
   */
  public static final List<String> PAGING_TYPES = List.of("pagerduty", "opsgenie");

  public static final Set<Event> DEFAULT_EVENTS = Set.copyOf(EnumSet.of(Event.DOWN, Event.UP));
  public static final Duration DEFAULT_GROUP = Duration.ofSeconds(30);
  public static final Duration DEFAULT_RETRY_FOR = Duration.ofHours(24);

  /** What a channel can hear about, by its config spelling ({@link #code()}). */
  public enum Event {
    DOWN,
    UP,
    DEGRADED,
    REMINDER,
    CERTIFICATE,
    /** Tickr's own link is lost (the {@code connectivity:} guard); not about one monitor. */
    CONNECTIVITY_LOST,
    CONNECTIVITY_RESTORED,
    /** A target's remaining rate limit fell below the monitor's {@code quota.warn-below}. */
    QUOTA_LOW,
    /** A monitor's redirect chain settled on another shape than its known one. */
    CHAIN_CHANGED;

    public String code() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Event> ofCode(String code) {
      for (Event e : values()) {
        if (e.code().equals(code)) {
          return Optional.of(e);
        }
      }
      return Optional.empty();
    }

    public static List<String> codes() {
      return java.util.Arrays.stream(values()).map(Event::code).toList();
    }
  }

  public ChannelPolicy {
    events = events.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(events));
    if (group.isNegative()) {
      throw new IllegalArgumentException("group must not be negative");
    }
  }

  /** The policy of a channel of this type that sets none of {@link #KEYS}. */
  public static ChannelPolicy defaults(String type) {
    return new ChannelPolicy(
        DEFAULT_EVENTS,
        null,
        MESSAGE_TYPES.contains(type) || PAGING_TYPES.contains(type) ? DEFAULT_GROUP : Duration.ZERO,
        null,
        DEFAULT_RETRY_FOR);
  }

  public boolean hears(Event event) {
    return events.contains(event);
  }
}
