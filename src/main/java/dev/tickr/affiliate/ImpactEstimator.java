package dev.tickr.affiliate;

import dev.tickr.config.Revenue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outage-impact estimate, a pure function of its inputs: for every outage window of a
 * revenue-relevant monitor, the conversions it is expected to have missed and the commission at
 * risk, with a low/high range and how each number was reached.
 *
 * <ul>
 *   <li>Overlapping incidents of a monitor make one window. Monitors that share a volume source
 *       ({@code volume-from}) carry the same conversions, so time is counted once among them: for
 *       the window that began first.
 *   <li>Maintenance is not counted, and the window says so.
 *   <li>With a fixed {@code conversions-per-hour}, expected conversions are the rate × the counted
 *       hours. With a metric, they come from {@link ComparableWeeks}; with too little history there
 *       is no number, and the window says why.
 * </ul>
 */
public final class ImpactEstimator {
  /** Weeks of history an estimate from a metric looks at. */
  public static final int WEEKS = 4;

  /** Complete weeks it needs to give a number. */
  public static final int MIN_WEEKS = 2;

  /** How close to its claim deadline a window is flagged, unless the caller says otherwise. */
  public static final Duration CLAIM_WARNING = Duration.ofDays(14);

  private final ComparableWeeks weeks;

  public ImpactEstimator(VolumeHistory history) {
    this(history, WEEKS, MIN_WEEKS);
  }

  public ImpactEstimator(VolumeHistory history, int weeks, int minWeeks) {
    if (weeks < 1 || minWeeks < 1 || minWeeks > weeks) {
      throw new IllegalArgumentException("1 <= minWeeks <= weeks");
    }
    this.weeks = new ComparableWeeks(history, weeks, minWeeks);
  }

  /** A monitor's incidents merged where they overlap or touch, before the counting. */
  private record Raw(
      RevenueMonitor monitor,
      List<Long> ids,
      Instant start,
      Instant end,
      boolean ongoing,
      Set<String> reasons) {}

  /**
   * @param outages the incidents of the monitors, of any monitor (others are ignored)
   * @param from the start of the report's period (windows that end before it are left out)
   * @param now the end of the report's period: the end of an open window
   * @param claimWarning how close to its claim deadline a window is flagged
   */
  public ImpactReport estimate(
      List<RevenueMonitor> monitors,
      List<Outage> outages,
      Instant from,
      Instant now,
      Duration claimWarning) {
    Map<String, RevenueMonitor> byName = new HashMap<>();
    monitors.forEach(m -> byName.put(m.name(), m));
    List<Raw> raws = new ArrayList<>();
    for (RevenueMonitor m : monitors) {
      List<Outage> own =
          outages.stream()
              .filter(o -> o.monitor().equals(m.name()))
              .sorted(Comparator.comparing(Outage::start))
              .toList();
      raws.addAll(merge(m, own, now));
    }
    raws.removeIf(r -> !r.end().isAfter(from) || !r.start().isBefore(now));
    raws.sort(Comparator.comparing(Raw::start).thenComparing(r -> r.monitor().name()));
    Map<String, List<Owned>> ownersByGroup = new HashMap<>();
    List<ImpactWindow> windows = new ArrayList<>();
    for (Raw r : raws) {
      String group = r.monitor().volumeGroup();
      List<String> notes = new ArrayList<>();
      Spans whole = Spans.of(r.start(), r.end());
      Spans counted = whole;
      for (Excluded x : r.monitor().maintenance()) {
        Spans cut = counted.overlap(Spans.of(x.start(), x.end()));
        if (!cut.isEmpty()) {
          counted = counted.minus(cut);
          for (Spans.Span s : cut.items()) {
            notes.add(
                "maintenance "
                    + quote(x.name())
                    + " "
                    + ImpactTimes.span(s.start(), s.end())
                    + " not counted ("
                    + ImpactTimes.duration(s.length())
                    + ")");
          }
        }
      }
      for (Owned o : ownersByGroup.getOrDefault(group, List.of())) {
        Spans cut = counted.overlap(o.spans());
        if (!cut.isEmpty()) {
          counted = counted.minus(cut);
          for (Spans.Span s : cut.items()) {
            notes.add(
                ImpactTimes.span(s.start(), s.end())
                    + " already counted for "
                    + (o.monitor().equals(r.monitor().name())
                        ? "an earlier window"
                        : "monitor " + quote(o.monitor()))
                    + " (same volume, from "
                    + quote(group)
                    + ")");
          }
        }
      }
      ownersByGroup
          .computeIfAbsent(group, g -> new ArrayList<>())
          .add(new Owned(r.monitor().name(), counted));
      windows.add(window(r, counted, notes, now, claimWarning));
    }
    List<String> names = monitors.stream().map(RevenueMonitor::name).sorted().toList();
    return new ImpactReport(from, now, names, windows, claimWarning);
  }

  /** Time a monitor's window counted, so another of the same volume does not count it again. */
  private record Owned(String monitor, Spans spans) {}

  private static List<Raw> merge(RevenueMonitor m, List<Outage> sorted, Instant now) {
    List<Raw> out = new ArrayList<>();
    for (Outage o : sorted) {
      Instant end = o.end() == null || o.end().isAfter(now) ? now : o.end();
      boolean ongoing = o.end() == null;
      Raw last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && !o.start().isAfter(last.end())) {
        List<Long> ids = new ArrayList<>(last.ids());
        ids.add(o.incidentId());
        Set<String> reasons = new LinkedHashSet<>(last.reasons());
        reasons.add(o.reason());
        out.set(
            out.size() - 1,
            new Raw(
                m,
                ids,
                last.start(),
                end.isAfter(last.end()) ? end : last.end(),
                last.ongoing() || ongoing,
                reasons));
      } else {
        Set<String> reasons = new LinkedHashSet<>();
        reasons.add(o.reason());
        out.add(new Raw(m, List.of(o.incidentId()), o.start(), end, ongoing, reasons));
      }
    }
    return out;
  }

  private ImpactWindow window(
      Raw r, Spans counted, List<String> notes, Instant now, Duration claimWarning) {
    RevenueMonitor m = r.monitor();
    Revenue revenue = m.revenue();
    ImpactEstimate estimate = null;
    String none = null;
    if (counted.isEmpty()) {
      estimate =
          new ImpactEstimate(
              0,
              0,
              0,
              revenue.payout() instanceof Revenue.Fixed f ? f.value() : 0,
              "none: no time of the window is counted",
              "nothing counted, so nothing expected",
              "not needed");
    } else if (revenue.conversionsPerHour() instanceof Revenue.Fixed rate) {
      double hours = counted.total().toMillis() / 3_600_000.0;
      double expected = rate.value() * hours;
      double payout = ((Revenue.Fixed) revenue.payout()).value();
      estimate =
          new ImpactEstimate(
              expected,
              expected,
              expected,
              payout,
              "none: conversions-per-hour is a configured number",
              "configured rate "
                  + rate.text()
                  + " per hour × "
                  + ImpactTimes.count(hours)
                  + " h counted",
              "configured payout per conversion");
    } else if (revenue.conversionsPerHour() instanceof Revenue.Metric metric) {
      ComparableWeeks.Result result = weeks.estimate(m.volumeGroup(), revenue, metric, counted);
      estimate = result.estimate();
      none = result.none();
    }
    ClaimRule rule = m.claim();
    ClaimDeadline claim =
        rule == null ? null : ClaimDeadline.of(r.start(), rule, now, claimWarning);
    return new ImpactWindow(
        m.name(),
        r.ids(),
        r.start(),
        r.end(),
        r.ongoing(),
        List.copyOf(r.reasons()),
        counted.total(),
        notes,
        estimate,
        none,
        revenue.currency(),
        claim);
  }

  private static String quote(String name) {
    return "\"" + name + "\"";
  }
}
