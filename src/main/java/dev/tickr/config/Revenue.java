package dev.tickr.config;

import dev.tickr.time.Durations;
import java.time.Duration;
import java.util.Currency;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a revenue-relevant monitor carries ({@code revenue:}): how many conversions pass through it
 * in a usual hour, what each pays, in which currency, and how long a missed conversion can still be
 * claimed. The outage-impact report estimates what an outage of the monitor put at risk from it.
 *
 * @param conversionsPerHour a fixed number, or the name of a metric of {@link #volumeSource} whose
 *     hourly values are the conversions of that hour
 * @param payout per conversion: a fixed amount, or the name of a metric of {@link #volumeSource}
 *     that sums the payouts of the same conversions (the average payout is its total over the
 *     conversions' total); a metric only when {@code conversionsPerHour} is one
 * @param currency the currency of {@code payout}
 * @param volumeFrom the monitor whose metrics measure this one's volume, or null for this one
 * @param claimWithin how long after a conversion it can still be claimed, or null for the
 *     platform's default (when its preset has one)
 * @param at where {@code revenue:} is written
 * @param volumeFromAt where {@code volume-from} is written, when it is
 */
public record Revenue(
    Figure conversionsPerHour,
    Figure payout,
    Currency currency,
    @Nullable String volumeFrom,
    @Nullable Duration claimWithin,
    Location at,
    @Nullable Location volumeFromAt) {

  /** A number given in the config, or a metric to read it from. */
  public sealed interface Figure permits Fixed, Metric {
    /** As written: {@code 12.5} or the metric's name. */
    String text();
  }

  /** A number written in the config, 0 or more. */
  public record Fixed(double value) implements Figure {
    public Fixed {
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("a fixed figure is a finite number, 0 or more");
      }
    }

    @Override
    public String text() {
      return value == Math.rint(value) && Math.abs(value) < 1e15
          ? Long.toString((long) value)
          : Double.toString(value);
    }
  }

  /** The name of a metric whose history gives the number. */
  public record Metric(String name) implements Figure {
    public Metric {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String text() {
      return name;
    }
  }

  public Revenue {
    Objects.requireNonNull(conversionsPerHour, "conversionsPerHour");
    Objects.requireNonNull(payout, "payout");
    Objects.requireNonNull(currency, "currency");
    if (payout instanceof Metric && !(conversionsPerHour instanceof Metric)) {
      throw new IllegalArgumentException("a payout metric goes with a conversions metric");
    }
  }

  /** The monitor whose metrics measure the volume: {@code volume-from}, else {@code monitor}. */
  public String volumeSource(String monitor) {
    return volumeFrom == null ? monitor : volumeFrom;
  }

  /** What counts as a change of settings (not where it is written). */
  void fingerprint(Fingerprint c) {
    c.add(conversionsPerHour.text()).add(payout.text()).add(currency.getCurrencyCode());
    c.add(volumeFrom == null ? "" : volumeFrom);
    c.add(claimWithin == null ? "" : Durations.format(claimWithin));
  }
}
