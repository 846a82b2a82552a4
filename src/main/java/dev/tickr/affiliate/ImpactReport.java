package dev.tickr.affiliate;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outage-impact report: every outage window of the revenue-relevant monitors in {@code [from,
 * to)}, earliest first.
 *
 * @param monitors the revenue-relevant monitors the report looked at
 * @param claimWarning how close to its claim deadline a window is flagged
 */
public record ImpactReport(
    Instant from,
    Instant to,
    List<String> monitors,
    List<ImpactWindow> windows,
    Duration claimWarning) {

  public ImpactReport {
    monitors = List.copyOf(monitors);
    windows = List.copyOf(windows);
  }

  /** The estimated commission at risk per currency: expected, low and high. */
  public Map<Currency, double[]> totals() {
    Map<Currency, double[]> out =
        new TreeMap<>(java.util.Comparator.comparing(Currency::getCurrencyCode));
    for (ImpactWindow w : windows) {
      ImpactEstimate e = w.estimate();
      if (e != null) {
        double[] t = out.computeIfAbsent(w.currency(), c -> new double[3]);
        t[0] += e.amount();
        t[1] += e.amountLow();
        t[2] += e.amountHigh();
      }
    }
    return out;
  }

  /** The windows whose claim deadline is near. */
  public List<ImpactWindow> nearDeadline() {
    return windows.stream().filter(w -> w.claim() != null && w.claim().warn()).toList();
  }
}
