package dev.tickr.config;

import dev.tickr.config.Node.Scalar;
import dev.tickr.time.Durations;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a channel's policy keys ({@link ChannelPolicy#KEYS}): which events it hears, renotify,
 * grouping, certificate warnings and how long to retry.
 */
final class PolicyReader {
  static final Duration MIN_RENOTIFY = Duration.ofMinutes(1);
  static final Duration MAX_GROUP = Duration.ofHours(1);
  static final Duration MIN_CERTIFICATE_EXPIRY = Duration.ofHours(1);
  static final Duration MIN_RETRY_FOR = Duration.ofMinutes(1);

  private final Read read;

  PolicyReader(Read read) {
    this.read = read;
  }

  /** The channel's policy, or {@code null} after a problem. */
  @Nullable ChannelPolicy read(Fields fields, String type) {
    ChannelPolicy defaults = ChannelPolicy.defaults(type);
    int before = read.problems().count();
    Set<ChannelPolicy.Event> events = EnumSet.copyOf(defaults.events());
    Node eventsNode = fields.get("events");
    if (eventsNode != null) {
      events = events(eventsNode);
    }
    Node renotifyNode = fields.get("renotify");
    Duration renotify = offOrAtLeast(renotifyNode, "renotify", MIN_RENOTIFY);
    if (renotify != null && events != null && !events.contains(ChannelPolicy.Event.REMINDER)) {
      if (eventsNode == null) {
        // Renotifying is asking for reminders: they join the default events.
        Set<ChannelPolicy.Event> withReminders = EnumSet.copyOf(events);
        withReminders.add(ChannelPolicy.Event.REMINDER);
        events = withReminders;
      } else if (renotifyNode != null) {
        read.problem(
            renotifyNode.at(), "renotify sends reminders, but events does not include reminder");
      }
    }
    Duration group = defaults.group();
    Node groupNode = fields.get("group");
    if (groupNode != null) {
      group = read.duration(groupNode, "group", Duration.ZERO);
      if (group != null && group.compareTo(MAX_GROUP) > 0) {
        read.problem(
            groupNode.at(),
            "group must be at most "
                + Durations.format(MAX_GROUP)
                + " (the first alert waits that long), got "
                + Node.describe(groupNode));
      }
    }
    Duration certificate =
        offOrAtLeast(
            fields.get("certificate-expiry"), "certificate-expiry", MIN_CERTIFICATE_EXPIRY);
    Duration retryFor = defaults.retryFor();
    Node retryNode = fields.get("retry-for");
    if (retryNode != null) {
      retryFor = read.duration(retryNode, "retry-for", MIN_RETRY_FOR);
    }
    if (read.problems().count() > before || events == null || group == null || retryFor == null) {
      return null;
    }
    return new ChannelPolicy(events, renotify, group, certificate, retryFor);
  }

  private @Nullable Set<ChannelPolicy.Event> events(Node node) {
    List<Scalar> items = read.strings(node, "events");
    if (items == null) {
      return null;
    }
    Set<ChannelPolicy.Event> out = EnumSet.noneOf(ChannelPolicy.Event.class);
    for (Scalar s : items) {
      String code = s.text().strip().toLowerCase(java.util.Locale.ROOT);
      ChannelPolicy.Event event = ChannelPolicy.Event.ofCode(code).orElse(null);
      if (event == null) {
        read.problem(
            s.at(),
            "unknown event "
                + Node.describe(s)
                + Suggestions.didYouMean(code, ChannelPolicy.Event.codes())
                + "; expected any of "
                + String.join(", ", ChannelPolicy.Event.codes()));
      } else {
        out.add(event);
      }
    }
    return out;
  }

  /** Absent or {@code 0s} is off (null); otherwise at least {@code min}. */
  private @Nullable Duration offOrAtLeast(@Nullable Node node, String what, Duration min) {
    if (node == null) {
      return null;
    }
    Duration d = read.duration(node, what);
    if (d == null || d.isZero()) {
      return null;
    }
    if (d.compareTo(min) < 0) {
      read.problem(
          node.at(),
          what
              + " must be 0s (off) or at least "
              + Durations.format(min)
              + ", got "
              + Node.describe(node));
      return null;
    }
    return d;
  }
}
