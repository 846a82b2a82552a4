package dev.tickr.affiliate;

import java.util.Currency;
import java.util.Map;
import java.util.stream.Collectors;

/** The impact report for people: one block per window, the totals, then the claim warnings. */
public final class ImpactText {
  private ImpactText() {}

  public static String of(ImpactReport report, String dashboardUrl) {
    StringBuilder out = new StringBuilder();
    out.append("Outage impact, ")
        .append(ImpactTimes.minute(report.from()))
        .append(" to ")
        .append(ImpactTimes.minute(report.to()))
        .append('\n');
    if (report.monitors().isEmpty()) {
      out.append(
          "No revenue-relevant monitors: give a monitor revenue: to estimate its outages.\n");
      return out.toString();
    }
    out.append("Revenue-relevant monitors: ")
        .append(String.join(", ", report.monitors()))
        .append('\n');
    if (report.windows().isEmpty()) {
      out.append("No outage windows in this period.\n");
      return out.toString();
    }
    for (ImpactWindow w : report.windows()) {
      out.append('\n');
      window(out, w, dashboardUrl);
    }
    out.append('\n');
    long without = report.windows().stream().filter(w -> w.estimate() == null).count();
    for (Map.Entry<Currency, double[]> t : report.totals().entrySet()) {
      Currency c = t.getKey();
      out.append("Total at risk: ")
          .append(range(t.getValue()[0], t.getValue()[1], t.getValue()[2], c))
          .append('\n');
    }
    out.append(report.windows().size())
        .append(report.windows().size() == 1 ? " window" : " windows");
    if (without > 0) {
      out.append(", ").append(without).append(" without an estimate (see each for why)");
    }
    out.append('\n');
    for (ImpactWindow w : report.windows()) {
      ClaimDeadline c = w.claim();
      if (c != null && c.warn()) {
        out.append("WARNING: ")
            .append(w.monitor())
            .append(" #")
            .append(w.incidentId())
            .append(" (")
            .append(ImpactTimes.span(w.start(), w.end()))
            .append(") must be claimed by ")
            .append(ImpactTimes.minute(c.deadline()))
            .append(": ")
            .append(c.daysLeft())
            .append(c.daysLeft() == 1 ? " day left" : " days left")
            .append('\n');
      }
    }
    return out.toString();
  }

  private static void window(StringBuilder out, ImpactWindow w, String dashboardUrl) {
    out.append(w.monitor())
        .append("  ")
        .append(w.incidentIds().stream().map(id -> "#" + id).collect(Collectors.joining(" ")))
        .append("  ")
        .append(ImpactTimes.span(w.start(), w.end()))
        .append(w.ongoing() ? " (ongoing)" : "")
        .append("  ")
        .append(ImpactTimes.duration(w.duration()))
        .append("  ")
        .append(String.join(", ", w.reasons()))
        .append('\n');
    out.append("  counted: ").append(ImpactTimes.duration(w.counted())).append('\n');
    for (String note : w.notes()) {
      out.append("    ").append(note).append('\n');
    }
    ImpactEstimate e = w.estimate();
    if (e == null) {
      out.append("  no estimate: ").append(w.noEstimate()).append('\n');
    } else {
      Currency c = w.currency();
      out.append("  expected conversions: ")
          .append(ImpactTimes.count(e.conversions()))
          .append(" (low ")
          .append(ImpactTimes.count(e.conversionsLow()))
          .append(", high ")
          .append(ImpactTimes.count(e.conversionsHigh()))
          .append("): ")
          .append(e.conversionsMethod())
          .append('\n');
      out.append("  comparable period: ").append(e.comparable()).append('\n');
      out.append("  average payout: ")
          .append(ImpactTimes.money(e.payout(), c))
          .append(' ')
          .append(c.getCurrencyCode())
          .append(" (")
          .append(e.payoutMethod())
          .append(")\n");
      out.append("  commission at risk: ")
          .append(range(e.amount(), e.amountLow(), e.amountHigh(), c))
          .append('\n');
    }
    ClaimDeadline claim = w.claim();
    if (claim != null) {
      out.append("  claim by: ")
          .append(ImpactTimes.minute(claim.deadline()))
          .append(" (")
          .append(claim.source())
          .append("): ")
          .append(
              claim.closed()
                  ? "the claim period has ended"
                  : claim.daysLeft() + (claim.daysLeft() == 1 ? " day left" : " days left"))
          .append('\n');
    }
    out.append("  evidence: ").append(ImpactCsv.evidence(dashboardUrl, w)).append('\n');
  }

  /** {@code 123.75 EUR (99.00–139.50)}, or just the amount when low and high are the same. */
  static String range(double amount, double low, double high, Currency c) {
    String a = ImpactTimes.money(amount, c) + " " + c.getCurrencyCode();
    String lo = ImpactTimes.money(low, c);
    String hi = ImpactTimes.money(high, c);
    return lo.equals(hi) ? a : a + " (" + lo + "–" + hi + ")";
  }

  /**
   * One sentence for a recovery alert: {@code estimated commission at risk: 123.75 EUR
   * (99.00–139.50), 27.5 expected conversions}, or why there is no number.
   */
  public static String summary(ImpactWindow w) {
    ImpactEstimate e = w.estimate();
    if (e == null) {
      return "no estimate of the commission at risk: " + w.noEstimate();
    }
    return "estimated commission at risk: "
        + range(e.amount(), e.amountLow(), e.amountHigh(), w.currency())
        + ", "
        + ImpactTimes.count(e.conversions())
        + " expected conversions";
  }
}
