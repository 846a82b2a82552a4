package dev.tickr.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.config.MaintenanceWindow.Once;
import dev.tickr.config.MaintenanceWindow.Span;
import dev.tickr.config.MaintenanceWindow.Weekly;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether an instant falls into a window, and when the next one starts, across DST changes. */
class MaintenanceWindowTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static MaintenanceWindow weekly(
      Set<DayOfWeek> days, String from, @Nullable Duration duration, @Nullable String to) {
    return new MaintenanceWindow(
        "w",
        List.of(),
        List.of(),
        new Weekly(
            days, LocalTime.parse(from), duration, to == null ? null : LocalTime.parse(to), BERLIN),
        1);
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  @Test
  void a_one_off_window_includes_its_start_and_excludes_its_end() {
    MaintenanceWindow w =
        new MaintenanceWindow(
            "release",
            List.of(),
            List.of(),
            new Once(at("2026-12-01T02:00:00Z"), at("2026-12-01T04:00:00Z")),
            1);

    assertThat(w.contains(at("2026-12-01T01:59:59.999Z"))).isFalse();
    assertThat(w.contains(at("2026-12-01T02:00:00Z"))).isTrue();
    assertThat(w.contains(at("2026-12-01T03:59:59.999Z"))).isTrue();
    assertThat(w.contains(at("2026-12-01T04:00:00Z"))).isFalse();
    assertThat(w.next(at("2026-11-30T00:00:00Z")))
        .contains(new Span(at("2026-12-01T02:00:00Z"), at("2026-12-01T04:00:00Z")));
    assertThat(w.next(at("2026-12-01T02:00:00Z"))).isEmpty();
  }

  @ParameterizedTest(name = "{0} in window: {1}")
  @CsvSource({
    // Monday..Friday 22:00 to 02:00 Berlin time (UTC+1 in November).
    "2026-11-23T20:59:59Z, false", // Monday 21:59:59
    "2026-11-23T21:00:00Z, true", // Monday 22:00
    "2026-11-24T00:59:59Z, true", // Tuesday 01:59:59, Monday's window
    "2026-11-24T01:00:00Z, false", // Tuesday 02:00
    "2026-11-28T00:30:00Z, true", // Saturday 01:30, Friday's window
    "2026-11-28T22:00:00Z, false", // Saturday 23:00: no window on Saturdays
    "2026-11-30T00:30:00Z, false", // Monday 01:30: no window on Sunday night
  })
  void a_weekly_window_that_crosses_midnight_belongs_to_the_day_it_starts(
      String instant, boolean inside) {
    MaintenanceWindow w =
        weekly(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "22:00", null, "02:00");

    assertThat(w.contains(at(instant))).isEqualTo(inside);
  }

  @Test
  void the_next_weekly_window_skips_days_it_does_not_run() {
    MaintenanceWindow w =
        weekly(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "22:00", null, "02:00");

    // Saturday noon: the next window is Monday 22:00 (21:00 UTC).
    assertThat(w.next(at("2026-11-28T11:00:00Z")))
        .contains(new Span(at("2026-11-30T21:00:00Z"), at("2026-12-01T01:00:00Z")));
    // Inside Monday's window: the next one is Tuesday's.
    assertThat(w.next(at("2026-11-30T22:00:00Z")).orElseThrow().start())
        .isEqualTo(at("2026-12-01T21:00:00Z"));
  }

  @Test
  void a_start_in_the_spring_gap_moves_later_by_the_gap_and_keeps_its_elapsed_duration() {
    // 2026-03-29: Berlin jumps from 02:00 CET to 03:00 CEST; 02:30 does not exist that day.
    MaintenanceWindow w = weekly(EnumSet.of(DayOfWeek.SUNDAY), "02:30", Duration.ofHours(1), null);

    Span span = w.spanAt(at("2026-03-29T01:45:00Z")).orElseThrow();
    assertThat(span.start()).as("03:30 CEST").isEqualTo(at("2026-03-29T01:30:00Z"));
    assertThat(span.end()).isEqualTo(at("2026-03-29T02:30:00Z"));
    assertThat(w.contains(at("2026-03-29T01:29:59Z"))).isFalse();
    // A week earlier and later the window is at 02:30 local as usual.
    assertThat(w.next(at("2026-03-22T00:00:00Z")).orElseThrow().start())
        .as("02:30 CET")
        .isEqualTo(at("2026-03-22T01:30:00Z"));
    assertThat(w.next(at("2026-03-29T03:00:00Z")).orElseThrow().start())
        .as("02:30 CEST")
        .isEqualTo(at("2026-04-05T00:30:00Z"));
  }

  @Test
  void a_wall_clock_end_makes_the_night_of_the_spring_change_an_hour_shorter() {
    MaintenanceWindow w = weekly(EnumSet.allOf(DayOfWeek.class), "01:00", null, "04:00");

    Span span = w.spanAt(at("2026-03-29T00:30:00Z")).orElseThrow();
    assertThat(span.start()).isEqualTo(at("2026-03-29T00:00:00Z"));
    assertThat(span.end()).isEqualTo(at("2026-03-29T02:00:00Z"));
    assertThat(span.length()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void a_start_that_happens_twice_in_the_autumn_overlap_is_the_first_of_the_two() {
    // 2026-10-25: Berlin goes back from 03:00 CEST to 02:00 CET; 02:30 happens twice.
    MaintenanceWindow w = weekly(EnumSet.of(DayOfWeek.SUNDAY), "02:30", Duration.ofHours(1), null);

    Span span = w.next(at("2026-10-24T12:00:00Z")).orElseThrow();
    assertThat(span.start()).as("02:30 CEST").isEqualTo(at("2026-10-25T00:30:00Z"));
    assertThat(span.end())
        .as("02:30 CET, one real hour later")
        .isEqualTo(at("2026-10-25T01:30:00Z"));
    assertThat(w.contains(at("2026-10-25T01:29:59Z"))).isTrue();
    assertThat(w.contains(at("2026-10-25T01:30:00Z"))).isFalse();
  }

  @Test
  void a_wall_clock_end_makes_the_night_of_the_autumn_change_an_hour_longer() {
    MaintenanceWindow w = weekly(EnumSet.allOf(DayOfWeek.class), "01:00", null, "04:00");

    Span span = w.spanAt(at("2026-10-25T02:30:00Z")).orElseThrow();
    assertThat(span.start()).isEqualTo(at("2026-10-24T23:00:00Z"));
    assertThat(span.end()).isEqualTo(at("2026-10-25T03:00:00Z"));
    assertThat(span.length()).isEqualTo(Duration.ofHours(4));
  }

  @Test
  void a_window_lasting_longer_than_a_day_is_found_from_its_last_day() {
    MaintenanceWindow w =
        new MaintenanceWindow(
            "long",
            List.of(),
            List.of(),
            new Weekly(
                EnumSet.of(DayOfWeek.FRIDAY),
                LocalTime.of(20, 0),
                Duration.ofDays(3),
                null,
                ZoneOffset.UTC),
            1);

    assertThat(w.spanAt(at("2026-11-30T19:59:00Z")))
        .contains(new Span(at("2026-11-27T20:00:00Z"), at("2026-11-30T20:00:00Z")));
    assertThat(w.contains(at("2026-11-30T20:00:00Z"))).isFalse();
  }

  @Test
  void covers_monitors_by_name_or_tag_and_every_monitor_when_it_names_neither() {
    Once once = new Once(at("2026-12-01T02:00:00Z"), at("2026-12-01T04:00:00Z"));
    MaintenanceWindow all = new MaintenanceWindow("all", List.of(), List.of(), once, 1);
    MaintenanceWindow some =
        new MaintenanceWindow("some", List.of("campaigns"), List.of("db"), once, 1);

    assertThat(all.covers("anything", List.of())).isTrue();
    assertThat(some.covers("campaigns", List.of())).isTrue();
    assertThat(some.covers("tracking-db", List.of("db", "tracking"))).isTrue();
    assertThat(some.covers("postback", List.of("tracking"))).isFalse();
  }
}
