package dev.tickr.affiliate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.config.Location;
import dev.tickr.config.Revenue;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The estimate on a recorded history whose numbers are worked out by hand in each test. The report
 * runs on Monday 2026-12-07 12:00 UTC over the 30 days before.
 */
class ImpactEstimatorTest {
  static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  static final Instant FROM = NOW.minus(Duration.ofDays(30));
  static final Currency EUR = Currency.getInstance("EUR");
  static final Location AT = new Location("tickr.yml", 1, 1);

  static Revenue revenue(Revenue.Figure conversions, double payout, @Nullable String volumeFrom) {
    return new Revenue(conversions, new Revenue.Fixed(payout), EUR, volumeFrom, null, AT, null);
  }

  static Outage outage(long id, String monitor, String start, @Nullable String end, String reason) {
    return new Outage(
        id, monitor, Instant.parse(start), end == null ? null : Instant.parse(end), reason);
  }

  static ImpactEstimate estimate(ImpactWindow w) {
    return java.util.Objects.requireNonNull(w.estimate(), "estimate");
  }

  static ClaimDeadline claim(ImpactWindow w) {
    return java.util.Objects.requireNonNull(w.claim(), "claim");
  }

  static ImpactReport report(VolumeHistory history, List<RevenueMonitor> monitors, Outage... o) {
    return new ImpactEstimator(history)
        .estimate(monitors, List.of(o), FROM, NOW, ImpactEstimator.CLAIM_WARNING);
  }

  /**
   * The pixel is down Tuesday 23:30 to Wednesday 01:30, over midnight; maintenance takes 00:00 to
   * 00:30. Counted: half of hour 23, half of hour 00, half of hour 01 (1h30m). Conversions of
   * impact-actions in those hours, 1, 2, 3 and 4 weeks before: week 1 20/10/6, week 2 24/12/8, week
   * 3 16/8/4, week 4 has no data for hour 01 and is left out. Halves: week 1 10+5+3 = 18, week 2
   * 12+6+4 = 22, week 3 8+4+2 = 14. Median 18, low 14, high 22; × 4.50 EUR = 81.00 (63.00–99.00).
   */
  @Test
  void an_outage_over_midnight_is_compared_with_the_same_hours_of_earlier_weeks() {
    MemoryVolumes history = new MemoryVolumes();
    String[] hours = {"T23:00:00Z", "T00:00:00Z", "T01:00:00Z"};
    String[][] days = {
      {"2026-11-24", "2026-11-25", "2026-11-25"},
      {"2026-11-17", "2026-11-18", "2026-11-18"},
      {"2026-11-10", "2026-11-11", "2026-11-11"},
      {"2026-11-03", "2026-11-04", "2026-11-04"}
    };
    double[][] values = {{20, 10, 6}, {24, 12, 8}, {16, 8, 4}, {30, 30, -1}};
    for (int w = 0; w < 4; w++) {
      for (int h = 0; h < 3; h++) {
        if (values[w][h] >= 0) {
          history.put("impact-actions", "conversions", days[w][h] + hours[h], values[w][h]);
        }
      }
    }
    RevenueMonitor pixel =
        new RevenueMonitor(
            "pixel",
            revenue(new Revenue.Metric("conversions"), 4.50, "impact-actions"),
            new ClaimRule(Duration.ofDays(88), "revenue.claim-within 88d"),
            List.of(
                new Excluded(
                    "nightly",
                    Instant.parse("2026-12-02T00:00:00Z"),
                    Instant.parse("2026-12-02T00:30:00Z"))));

    ImpactReport r =
        report(
            history,
            List.of(pixel),
            outage(12, "pixel", "2026-12-01T23:30:00Z", "2026-12-02T01:30:00Z", "http-status"));

    assertThat(r.windows()).hasSize(1);
    ImpactWindow w = r.windows().get(0);
    assertThat(w.duration()).isEqualTo(Duration.ofHours(2));
    assertThat(w.counted()).isEqualTo(Duration.ofMinutes(90));
    assertThat(w.notes())
        .containsExactly("maintenance \"nightly\" 2026-12-02 00:00–00:30 UTC not counted (30m)");
    ImpactEstimate e = estimate(w);
    assertThat(e.conversions()).isEqualTo(18.0);
    assertThat(e.conversionsLow()).isEqualTo(14.0);
    assertThat(e.conversionsHigh()).isEqualTo(22.0);
    assertThat(ImpactTimes.money(e.amount(), EUR)).isEqualTo("81.00");
    assertThat(ImpactTimes.money(e.amountLow(), EUR)).isEqualTo("63.00");
    assertThat(ImpactTimes.money(e.amountHigh(), EUR)).isEqualTo("99.00");
    assertThat(e.comparable())
        .startsWith("the same hours of the same weekdays in the 4 weeks before")
        .contains("2026-11-24 (18), 2026-11-17 (22), 2026-11-10 (14)")
        .contains("lacks data for 1 of 3 hours");
    // 88 days after Tuesday 23:30: Saturday 2027-02-27 23:30, 82 days and a half from now.
    ClaimDeadline c = claim(w);
    assertThat(c.deadline()).isEqualTo(Instant.parse("2027-02-27T23:30:00Z"));
    assertThat(c.daysLeft()).isEqualTo(82);
    assertThat(c.warn()).isFalse();
  }

  /**
   * Two incidents of the postback overlap (10:00-12:00 timeout, 11:00-13:00 http-status): one
   * window of 3 hours, counted once: 12/h × 3 h = 36 conversions × 2.50 = 90.00 EUR.
   */
  @Test
  void overlapping_incidents_of_a_monitor_make_one_window_counted_once() {
    RevenueMonitor postback =
        new RevenueMonitor("postback", revenue(new Revenue.Fixed(12), 2.50, null), null, List.of());

    ImpactReport r =
        report(
            VolumeHistory.NONE,
            List.of(postback),
            outage(20, "postback", "2026-12-03T10:00:00Z", "2026-12-03T12:00:00Z", "timeout"),
            outage(21, "postback", "2026-12-03T11:00:00Z", "2026-12-03T13:00:00Z", "http-status"));

    assertThat(r.windows()).hasSize(1);
    ImpactWindow w = r.windows().get(0);
    assertThat(w.incidentIds()).containsExactly(20L, 21L);
    assertThat(w.reasons()).containsExactly("timeout", "http-status");
    assertThat(w.counted()).isEqualTo(Duration.ofHours(3));
    ImpactEstimate e = estimate(w);
    assertThat(e.conversions()).isEqualTo(36.0);
    assertThat(e.conversionsLow()).isEqualTo(36.0);
    assertThat(e.conversionsMethod()).isEqualTo("configured rate 12 per hour × 3 h counted");
    assertThat(ImpactTimes.money(e.amount(), EUR)).isEqualTo("90.00");
    assertThat(w.claim()).isNull();
    assertThat(r.totals().get(EUR)).containsExactly(90.0, 90.0, 90.0);
  }

  /**
   * The pixel (01:00-01:30 counted... here down 00:00-01:30) and the server-to-server postback
   * (01:00-02:00) carry the same conversions, from impact-actions: 01:00-01:30 counts for the pixel
   * only. Pixel: 1.5 h × 10/h = 15 × 4.50 = 67.50; s2s: 0.5 h × 10/h = 5 × 4.50 = 22.50.
   */
  @Test
  void monitors_of_the_same_volume_count_overlapping_time_once() {
    Revenue same = revenue(new Revenue.Fixed(10), 4.50, "impact-actions");
    ImpactReport r =
        report(
            VolumeHistory.NONE,
            List.of(
                new RevenueMonitor("pixel", same, null, List.of()),
                new RevenueMonitor("s2s", same, null, List.of())),
            outage(13, "s2s", "2026-12-02T01:00:00Z", "2026-12-02T02:00:00Z", "http-status"),
            outage(12, "pixel", "2026-12-02T00:00:00Z", "2026-12-02T01:30:00Z", "timeout"));

    assertThat(r.windows()).extracting(ImpactWindow::monitor).containsExactly("pixel", "s2s");
    ImpactWindow s2s = r.windows().get(1);
    assertThat(s2s.counted()).isEqualTo(Duration.ofMinutes(30));
    assertThat(s2s.notes())
        .containsExactly(
            "2026-12-02 01:00–01:30 UTC already counted for monitor \"pixel\" (same volume, from"
                + " \"impact-actions\")");
    assertThat(ImpactTimes.money(estimate(r.windows().get(0)).amount(), EUR)).isEqualTo("67.50");
    assertThat(ImpactTimes.money(estimate(s2s).amount(), EUR)).isEqualTo("22.50");
  }

  @Test
  void a_monitor_with_no_history_gets_no_number_and_the_reason() {
    RevenueMonitor checkout =
        new RevenueMonitor(
            "checkout", revenue(new Revenue.Metric("orders"), 30, null), null, List.of());

    ImpactReport r =
        report(
            new MemoryVolumes(),
            List.of(checkout),
            outage(30, "checkout", "2026-12-05T08:00:00Z", "2026-12-05T09:00:00Z", "timeout"));

    ImpactWindow w = r.windows().get(0);
    assertThat(w.estimate()).isNull();
    assertThat(w.noEstimate())
        .isEqualTo(
            "too little history of metric orders of monitor checkout: 0 of the 4 previous weeks"
                + " have data for these hours, at least 2 needed");
    assertThat(r.totals()).isEmpty();
  }

  @Test
  void a_window_wholly_in_maintenance_puts_nothing_at_risk_and_says_so() {
    RevenueMonitor pixel =
        new RevenueMonitor(
            "pixel",
            revenue(new Revenue.Fixed(10), 1, null),
            null,
            List.of(
                new Excluded(
                    "deploy",
                    Instant.parse("2026-12-04T09:00:00Z"),
                    Instant.parse("2026-12-04T11:00:00Z"))));

    ImpactWindow w =
        report(
                VolumeHistory.NONE,
                List.of(pixel),
                outage(40, "pixel", "2026-12-04T09:30:00Z", "2026-12-04T10:00:00Z", "timeout"))
            .windows()
            .get(0);

    assertThat(w.counted()).isZero();
    assertThat(estimate(w).amount()).isZero();
    assertThat(w.notes())
        .containsExactly("maintenance \"deploy\" 2026-12-04 09:30–10:00 UTC not counted (30m)");
  }

  /**
   * Down since Monday 10:00 and still down at 12:00: 2 hours so far. Claim within 40 days of
   * 2026-11-10 10:00 is 2026-12-20 10:00, 12 days and 22 hours from now: within the 14 days warned
   * about.
   */
  @Test
  void an_open_window_ends_now_and_a_close_claim_deadline_warns() {
    RevenueMonitor pixel =
        new RevenueMonitor(
            "pixel",
            revenue(new Revenue.Fixed(6), 1, null),
            new ClaimRule(Duration.ofDays(40), "revenue.claim-within 40d"),
            List.of());

    ImpactReport r =
        report(
            VolumeHistory.NONE,
            List.of(pixel),
            outage(50, "pixel", "2026-11-10T10:00:00Z", "2026-11-10T11:00:00Z", "timeout"),
            outage(51, "pixel", "2026-12-07T10:00:00Z", null, "http-status"),
            outage(1, "pixel", "2026-10-01T10:00:00Z", "2026-10-01T11:00:00Z", "timeout"));

    assertThat(r.windows()).extracting(ImpactWindow::incidentId).containsExactly(50L, 51L);
    ImpactWindow old = r.windows().get(0);
    assertThat(claim(old).daysLeft()).isEqualTo(12);
    assertThat(claim(old).warn()).isTrue();
    assertThat(r.nearDeadline()).containsExactly(old);
    ImpactWindow open = r.windows().get(1);
    assertThat(open.ongoing()).isTrue();
    assertThat(open.end()).isEqualTo(NOW);
    assertThat(estimate(open).conversions()).isEqualTo(12.0);
    assertThat(claim(open).warn()).isFalse();
  }
}
