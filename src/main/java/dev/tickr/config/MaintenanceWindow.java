package dev.tickr.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A maintenance window as configured: which monitors it covers and when. While a monitor is in one,
 * it is still probed and its results and incidents are recorded, but nobody is alerted.
 *
 * @param monitors monitors covered by name
 * @param tags monitors covered by tag; with {@code monitors} empty too, the window covers every
 *     monitor
 * @param line where the window is declared (1-based)
 */
public record MaintenanceWindow(
    String name, List<String> monitors, List<String> tags, Schedule schedule, int line) {

  public MaintenanceWindow {
    monitors = List.copyOf(monitors);
    tags = List.copyOf(tags);
  }

  /** One occurrence of a window, {@code [start, end)}. */
  public record Span(Instant start, Instant end) {
    public Span {
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException("a span ends after it starts");
      }
    }

    public boolean contains(Instant t) {
      return !t.isBefore(start) && t.isBefore(end);
    }

    public Duration length() {
      return Duration.between(start, end);
    }
  }

  /** When a window happens: once, or every week on some days. */
  public sealed interface Schedule permits Once, Weekly {}

  /** A one-off window, {@code [start, end)}. */
  public record Once(Instant start, Instant end) implements Schedule {
    public Once {
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException("a window ends after it starts");
      }
    }
  }

  /**
   * A window that starts at the local time {@code from} on each of {@code days} in {@code zone},
   * and lasts {@code duration} (elapsed time) or until the local time {@code to} (the next day when
   * {@code to} is not after {@code from}). A start that falls into a daylight-saving gap moves
   * later by the length of the gap; one that happens twice in an overlap is the earlier of the two,
   * as {@link ZonedDateTime#of} resolves them.
   */
  public record Weekly(
      Set<DayOfWeek> days,
      LocalTime from,
      @Nullable Duration duration,
      @Nullable LocalTime to,
      ZoneId zone)
      implements Schedule {

    /** Longest {@code duration}: a window never outlasts its week. */
    public static final Duration MAX_DURATION = Duration.ofDays(7);

    public Weekly {
      if (days.isEmpty()) {
        throw new IllegalArgumentException("a weekly window happens on at least one day");
      }
      days = Set.copyOf(EnumSet.copyOf(days));
      if ((duration == null) == (to == null)) {
        throw new IllegalArgumentException("exactly one of duration and to");
      }
      if (duration != null
          && (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0)) {
        throw new IllegalArgumentException("duration must be in (0, 7d]");
      }
    }

    /** The occurrence that starts on the local date {@code date}, if the window runs that day. */
    Optional<Span> on(LocalDate date) {
      if (!days.contains(date.getDayOfWeek())) {
        return Optional.empty();
      }
      Instant start = ZonedDateTime.of(date, from, zone).toInstant();
      Instant end;
      if (duration != null) {
        end = start.plus(duration);
      } else {
        LocalTime until = java.util.Objects.requireNonNull(to);
        LocalDate endDate = until.isAfter(from) ? date : date.plusDays(1);
        end = ZonedDateTime.of(endDate, until, zone).toInstant();
      }
      // A gap can move the start past a wall-clock end: that day there is no window.
      return end.isAfter(start) ? Optional.of(new Span(start, end)) : Optional.empty();
    }

    /** How many local days before an instant an occurrence containing it can have started. */
    int lookBackDays() {
      Duration longest = duration != null ? duration : Duration.ofHours(26);
      return (int) longest.toDays() + 2;
    }
  }

  /** Whether the window covers this monitor: by name, by tag, or all when it names neither. */
  public boolean covers(String monitor, Collection<String> monitorTags) {
    if (monitors.isEmpty() && tags.isEmpty()) {
      return true;
    }
    if (monitors.contains(monitor)) {
      return true;
    }
    for (String tag : monitorTags) {
      if (tags.contains(tag)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code t} falls into an occurrence of the window. */
  public boolean contains(Instant t) {
    return spanAt(t).isPresent();
  }

  /** The occurrence that contains {@code t}; when occurrences overlap, the one that ends last. */
  public Optional<Span> spanAt(Instant t) {
    return switch (schedule) {
      case Once once -> {
        Span span = new Span(once.start(), once.end());
        yield span.contains(t) ? Optional.of(span) : Optional.empty();
      }
      case Weekly weekly -> {
        LocalDate today = t.atZone(weekly.zone()).toLocalDate();
        Span best = null;
        for (int back = weekly.lookBackDays(); back >= 0; back--) {
          Optional<Span> span = weekly.on(today.minusDays(back));
          if (span.isPresent()
              && span.get().contains(t)
              && (best == null || span.get().end().isAfter(best.end()))) {
            best = span.get();
          }
        }
        yield Optional.ofNullable(best);
      }
    };
  }

  /** The first occurrence that starts after {@code t}, if there is one. */
  public Optional<Span> next(Instant t) {
    return switch (schedule) {
      case Once once ->
          once.start().isAfter(t)
              ? Optional.of(new Span(once.start(), once.end()))
              : Optional.empty();
      case Weekly weekly -> {
        LocalDate day = t.atZone(weekly.zone()).toLocalDate().minusDays(1);
        for (int i = 0; i < 9; i++, day = day.plusDays(1)) {
          Optional<Span> span = weekly.on(day);
          if (span.isPresent() && span.get().start().isAfter(t)) {
            yield span;
          }
        }
        yield Optional.empty();
      }
    };
  }
}
