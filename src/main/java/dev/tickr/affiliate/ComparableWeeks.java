package dev.tickr.affiliate;

import dev.tickr.config.Revenue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Expected conversions of counted time from a comparable normal period: the same hours of the same
 * weekdays in each of the previous weeks, read from the volume source's history. A week with a gap
 * in those hours is left out; with too few complete weeks there is no number. The estimate is the
 * median of the complete weeks, the range their smallest and largest.
 */
final class ComparableWeeks {
  private static final Duration WEEK = Duration.ofDays(7);

  private final VolumeHistory history;
  private final int weeks;
  private final int minWeeks;

  /** The conversions and, when payout is a metric too, the payouts of one complete week. */
  private record Week(int back, Instant from, double conversions, double payouts) {}

  /** The estimate, or why there is none. */
  record Result(@Nullable ImpactEstimate estimate, @Nullable String none) {}

  ComparableWeeks(VolumeHistory history, int weeks, int minWeeks) {
    this.history = history;
    this.weeks = weeks;
    this.minWeeks = minWeeks;
  }

  Result estimate(String source, Revenue revenue, Revenue.Metric conversions, Spans counted) {
    List<Spans.HourPiece> pieces = counted.hourPieces();
    Instant first = pieces.get(0).hour();
    Instant last = pieces.get(pieces.size() - 1).hour().plus(Duration.ofHours(1));
    String payoutMetric = revenue.payout() instanceof Revenue.Metric m ? m.name() : null;
    List<Week> complete = new ArrayList<>();
    List<String> gaps = new ArrayList<>();
    for (int k = 1; k <= weeks; k++) {
      Duration back = WEEK.multipliedBy(k);
      Instant from = first.minus(back);
      Map<Instant, Double> conv =
          history.hourly(source, conversions.name(), from, last.minus(back));
      Map<Instant, Double> pay =
          payoutMetric == null
              ? Map.of()
              : history.hourly(source, payoutMetric, from, last.minus(back));
      double c = 0;
      double p = 0;
      int missing = 0;
      for (Spans.HourPiece piece : pieces) {
        Instant then = piece.hour().minus(back);
        Double v = conv.get(then);
        Double pv = payoutMetric == null ? Double.valueOf(0) : pay.get(then);
        if (v == null || pv == null) {
          missing++;
          continue;
        }
        c += piece.fraction() * v;
        p += piece.fraction() * pv;
      }
      Instant shifted = counted.items().get(0).start().minus(back);
      if (missing == 0) {
        complete.add(new Week(k, shifted, c, p));
      } else {
        gaps.add(
            "the week before by "
                + k
                + " (from "
                + ImpactTimes.DAY_MINUTE.format(shifted)
                + " UTC) lacks data for "
                + missing
                + " of "
                + pieces.size()
                + " hours");
      }
    }
    String hours =
        "the same hours of the same weekdays in the "
            + weeks
            + " weeks before, from "
            + ImpactTimes.DAY_MINUTE.format(counted.items().get(0).start())
            + " UTC";
    if (complete.size() < minWeeks) {
      return new Result(
          null,
          "too little history of metric "
              + conversions.name()
              + " of monitor "
              + source
              + ": "
              + complete.size()
              + " of the "
              + weeks
              + " previous weeks "
              + (complete.size() == 1 ? "has" : "have")
              + " data for these hours, at least "
              + minWeeks
              + " needed");
    }
    double[] sums = complete.stream().mapToDouble(Week::conversions).sorted().toArray();
    double median =
        sums.length % 2 == 1
            ? sums[sums.length / 2]
            : (sums[sums.length / 2 - 1] + sums[sums.length / 2]) / 2;
    StringBuilder which = new StringBuilder(hours).append(": ");
    for (int i = 0; i < complete.size(); i++) {
      Week w = complete.get(i);
      which
          .append(i == 0 ? "" : ", ")
          .append(ImpactTimes.DATE.format(w.from()))
          .append(" (")
          .append(ImpactTimes.count(w.conversions()))
          .append(")");
    }
    if (!gaps.isEmpty()) {
      which.append("; left out: ").append(String.join("; ", gaps));
    }
    String method =
        "median of "
            + complete.size()
            + " comparable weeks of metric "
            + conversions.name()
            + " of monitor "
            + source
            + "; low and high are the fewest and the most of them";
    double payout;
    String payoutMethod;
    if (revenue.payout() instanceof Revenue.Fixed f) {
      payout = f.value();
      payoutMethod = "configured payout per conversion";
    } else {
      double totalConversions = complete.stream().mapToDouble(Week::conversions).sum();
      double totalPayouts = complete.stream().mapToDouble(Week::payouts).sum();
      payout = totalConversions > 0 ? totalPayouts / totalConversions : 0;
      payoutMethod =
          totalConversions > 0
              ? "metric "
                  + payoutMetric
                  + " over metric "
                  + conversions.name()
                  + " in the same comparable weeks"
              : "no conversions in the comparable weeks, so nothing at risk";
    }
    return new Result(
        new ImpactEstimate(
            median, sums[0], sums[sums.length - 1], payout, which.toString(), method, payoutMethod),
        null);
  }
}
