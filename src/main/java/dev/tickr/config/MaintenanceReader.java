package dev.tickr.config;

import dev.tickr.config.MaintenanceWindow.Once;
import dev.tickr.config.MaintenanceWindow.Schedule;
import dev.tickr.config.MaintenanceWindow.Weekly;
import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import dev.tickr.config.Node.Sequence;
import dev.tickr.time.Durations;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code maintenance:}: one-off windows ({@code start} with {@code end} or {@code duration})
 * and weekly ones ({@code every}, {@code from}, {@code duration} or {@code to}, {@code timezone}).
 */
final class MaintenanceReader {
  private static final Pattern CLOCK = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");
  private static final List<String> ONE_OFF_ONLY = List.of("end");
  private static final List<String> WEEKLY_ONLY = List.of("from", "to", "timezone");
  private static final List<String> DAY_NAMES =
      Arrays.stream(DayOfWeek.values()).map(d -> d.name().toLowerCase(Locale.ROOT)).toList();

  private final Problems problems;
  private final Read read;
  private final Collection<String> monitorNames;

  MaintenanceReader(Problems problems, Collection<String> monitorNames) {
    this.problems = problems;
    this.read = new Read(problems);
    this.monitorNames = monitorNames;
  }

  List<MaintenanceWindow> read(@Nullable Node node) {
    Sequence list =
        node == null ? null : read.sequence(node, "maintenance", "a list of maintenance windows");
    if (list == null) {
      return List.of();
    }
    List<MaintenanceWindow> windows = new ArrayList<>();
    Map<String, Location> first = new LinkedHashMap<>();
    for (int i = 0; i < list.items().size(); i++) {
      Mapping mapping =
          read.mapping(
              list.items().get(i),
              "maintenance[" + i + "]",
              "a mapping with name and start or every");
      if (mapping != null) {
        MaintenanceWindow window = window(mapping, first);
        if (window != null) {
          windows.add(window);
        }
      }
    }
    return windows;
  }

  private @Nullable MaintenanceWindow window(Mapping mapping, Map<String, Location> first) {
    int before = problems.count();
    Fields fields = Fields.of(mapping);
    fields.rejectUnknown(Keys.MAINTENANCE, problems);
    String name = name(fields, first);
    List<String> monitors = monitors(fields.get("monitors"));
    List<String> tags = tags(fields.get("tags"));
    Node start = fields.get("start");
    Node every = fields.get("every");
    Schedule schedule = null;
    if (start != null && every != null) {
      read.problem(
          every.at(), "a maintenance window has either start (once) or every (weekly), not both");
    } else if (start != null) {
      schedule = once(fields, start);
    } else if (every != null) {
      schedule = weekly(fields, every);
    } else {
      read.problem(
          fields.at(),
          "maintenance window"
              + (name == null ? "" : " " + Node.quote(name))
              + " needs start (once) or every (weekly)");
    }
    if (problems.count() > before
        || name == null
        || monitors == null
        || tags == null
        || schedule == null) {
      return null;
    }
    return new MaintenanceWindow(name, monitors, tags, schedule, mapping.at().line());
  }

  private @Nullable String name(Fields fields, Map<String, Location> first) {
    Node node = fields.get("name");
    if (node == null) {
      read.problem(fields.at(), "maintenance window has no \"name\"");
      return null;
    }
    String name = read.nonEmptyText(node, "name");
    if (name == null) {
      return null;
    }
    Location earlier = first.putIfAbsent(name, node.at());
    if (earlier != null) {
      read.problem(
          node.at(),
          "duplicate maintenance window name "
              + Node.quote(name)
              + " (first declared at line "
              + earlier.line()
              + ")");
      return null;
    }
    return name;
  }

  private @Nullable List<String> monitors(@Nullable Node node) {
    if (node == null) {
      return List.of();
    }
    List<Scalar> items = read.strings(node, "monitors");
    if (items == null) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    boolean ok = true;
    for (Scalar s : items) {
      if (monitorNames.contains(s.text())) {
        out.add(s.text());
      } else {
        ok = false;
        read.problem(
            s.at(),
            "unknown monitor " + Node.describe(s) + Suggestions.didYouMean(s.text(), monitorNames));
      }
    }
    return ok ? List.copyOf(out) : null;
  }

  private @Nullable List<String> tags(@Nullable Node node) {
    if (node == null) {
      return List.of();
    }
    List<Scalar> items = read.strings(node, "tags");
    return items == null
        ? null
        : List.copyOf(new LinkedHashSet<>(items.stream().map(Scalar::text).toList()));
  }

  private @Nullable Schedule once(Fields fields, Node startNode) {
    notFor(fields, WEEKLY_ONLY, "one-off windows (they have an offset in start)");
    Instant start = instant(startNode, "start");
    Node endNode = fields.get("end");
    Node durationNode = fields.get("duration");
    if (endNode != null && durationNode != null) {
      read.problem(durationNode.at(), "give end or duration, not both");
      return null;
    }
    if (endNode == null && durationNode == null) {
      read.problem(startNode.at(), "a one-off window needs end or duration after start");
      return null;
    }
    Instant end;
    if (endNode != null) {
      end = instant(endNode, "end");
      if (start != null && end != null && !end.isAfter(start)) {
        read.problem(endNode.at(), "end must be after start, got " + Node.describe(endNode));
        return null;
      }
    } else {
      Duration d = positive(java.util.Objects.requireNonNull(durationNode), "duration", null);
      end = start == null || d == null ? null : start.plus(d);
    }
    return start == null || end == null ? null : new Once(start, end);
  }

  private @Nullable Schedule weekly(Fields fields, Node everyNode) {
    notFor(fields, ONE_OFF_ONLY, "weekly windows (use duration or to)");
    Set<DayOfWeek> days = days(everyNode);
    Node fromNode = fields.get("from");
    LocalTime from = null;
    if (fromNode == null) {
      read.problem(
          everyNode.at(), "a weekly window needs from, the local time it starts (\"02:00\")");
    } else {
      from = clock(fromNode, "from");
    }
    Node toNode = fields.get("to");
    Node durationNode = fields.get("duration");
    Duration duration = null;
    LocalTime to = null;
    if (toNode != null && durationNode != null) {
      read.problem(durationNode.at(), "give to or duration, not both");
      return null;
    } else if (toNode == null && durationNode == null) {
      read.problem(everyNode.at(), "a weekly window needs duration or to");
      return null;
    } else if (durationNode != null) {
      duration = positive(durationNode, "duration", Weekly.MAX_DURATION);
    } else {
      to = clock(java.util.Objects.requireNonNull(toNode), "to");
      if (to != null && to.equals(from)) {
        read.problem(toNode.at(), "to must differ from from, got " + Node.describe(toNode));
        return null;
      }
    }
    ZoneId zone = ZoneOffset.UTC;
    Node zoneNode = fields.get("timezone");
    if (zoneNode != null) {
      zone = zone(zoneNode);
    }
    if (days == null || from == null || (duration == null && to == null) || zone == null) {
      return null;
    }
    return new Weekly(days, from, duration, to, zone);
  }

  private void notFor(Fields fields, List<String> keys, String what) {
    for (String key : keys) {
      Node.Entry e = fields.entry(key);
      if (e != null && fields.has(key)) {
        read.problem(e.key().at(), Node.quote(key) + " does not apply to " + what);
      }
    }
  }

  private @Nullable Instant instant(Node node, String what) {
    Scalar s = read.scalar(node, what, "a date and time with an offset");
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s.text().strip()).toInstant();
    } catch (DateTimeParseException e) {
      read.problem(
          s.at(),
          what
              + " must be a date and time with an offset, like 2026-12-01T02:00:00+01:00 or"
              + " 2026-12-01T01:00:00Z, got "
              + Node.describe(s));
      return null;
    }
  }

  private @Nullable Duration positive(Node node, String what, @Nullable Duration max) {
    Duration d = read.duration(node, what);
    if (d == null) {
      return null;
    }
    if (d.isNegative() || d.isZero()) {
      read.problem(node.at(), what + " must be more than 0s, got " + Node.describe(node));
      return null;
    }
    if (max != null && d.compareTo(max) > 0) {
      read.problem(
          node.at(),
          what + " must be at most " + Durations.format(max) + ", got " + Node.describe(node));
      return null;
    }
    return d;
  }

  private @Nullable LocalTime clock(Node node, String what) {
    Scalar s = read.scalar(node, what, "a local time like \"02:00\"");
    if (s == null) {
      return null;
    }
    Matcher m = CLOCK.matcher(s.text().strip());
    if (!m.matches()) {
      read.problem(
          s.at(), what + " must be a local time from 00:00 to 23:59, got " + Node.describe(s));
      return null;
    }
    return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  private @Nullable ZoneId zone(Node node) {
    String text = read.nonEmptyText(node, "timezone");
    if (text == null) {
      return null;
    }
    try {
      return ZoneId.of(text.strip());
    } catch (DateTimeException e) {
      read.problem(
          node.at(),
          "timezone must be an IANA time zone like Europe/Berlin or UTC, got "
              + Node.describe(node)
              + Suggestions.didYouMean(text.strip(), ZoneId.getAvailableZoneIds()));
      return null;
    }
  }

  /** {@code day}, a weekday, a range {@code monday..friday}, or a list of those. */
  private @Nullable Set<DayOfWeek> days(Node node) {
    List<Scalar> items;
    if (node instanceof Sequence) {
      items = read.strings(node, "every");
    } else {
      Scalar s = read.scalar(node, "every", "day, a weekday or a range like monday..friday");
      items = s == null ? null : List.of(s);
    }
    if (items == null) {
      return null;
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    boolean ok = true;
    for (Scalar s : items) {
      Set<DayOfWeek> more = dayRange(s);
      if (more == null) {
        ok = false;
      } else {
        days.addAll(more);
      }
    }
    return ok && !days.isEmpty() ? days : null;
  }

  private @Nullable Set<DayOfWeek> dayRange(Scalar s) {
    String text = s.text().strip().toLowerCase(Locale.ROOT);
    if (text.equals("day")) {
      return EnumSet.allOf(DayOfWeek.class);
    }
    int dots = text.indexOf("..");
    if (dots < 0) {
      DayOfWeek d = day(s, text);
      return d == null ? null : EnumSet.of(d);
    }
    DayOfWeek from = day(s, text.substring(0, dots).strip());
    DayOfWeek to = day(s, text.substring(dots + 2).strip());
    if (from == null || to == null) {
      return null;
    }
    Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek d = from; ; d = d.plus(1)) {
      out.add(d);
      if (d == to) {
        return out;
      }
    }
  }

  private @Nullable DayOfWeek day(Scalar s, String name) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().toLowerCase(Locale.ROOT).equals(name)) {
        return d;
      }
    }
    List<String> choices = new ArrayList<>(DAY_NAMES);
    choices.add("day");
    read.problem(
        s.at(),
        "every must be day, a weekday (monday ... sunday) or a range like monday..friday, got "
            + Node.quote(name)
            + Suggestions.didYouMean(name, choices));
    return null;
  }
}
