package dev.tickr.config;

import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import java.time.Duration;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a monitor's {@code revenue: {conversions-per-hour, payout, currency, volume-from,
 * claim-within}}, each problem at its place; {@link #links} then checks that {@code volume-from}
 * names a monitor.
 */
final class RevenueKeys {
  static final List<String> KEYS =
      List.of("conversions-per-hour", "payout", "currency", "volume-from", "claim-within");

  /** A metric's name: what {@code metrics:} may declare. */
  static final Pattern METRIC = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
  static final Duration MIN_CLAIM_WITHIN = Duration.ofDays(1);

  private final Read read;

  RevenueKeys(Read read) {
    this.read = read;
  }

  /**
   * The monitor's {@code revenue:}, or null when it has none.
   *
   * @param ok set to false after a problem
   */
  @Nullable Revenue read(Fields fields, boolean[] ok) {
    Node node = fields.get("revenue");
    if (node == null) {
      return null;
    }
    Mapping mapping =
        read.mapping(
            node,
            "revenue",
            "a mapping with conversions-per-hour, payout and currency, e.g."
                + " {conversions-per-hour: 12, payout: 4.50, currency: EUR}");
    if (mapping == null) {
      ok[0] = false;
      return null;
    }
    int before = read.problems().count();
    Fields r = Fields.of(mapping);
    r.rejectUnknown(KEYS, read);
    Revenue.Figure conversions = figure(r, "conversions-per-hour");
    Revenue.Figure payout = figure(r, "payout");
    Currency currency = currency(r);
    Node fromNode = r.get("volume-from");
    String volumeFrom = fromNode == null ? null : read.nonEmptyText(fromNode, "volume-from");
    Node claimNode = r.get("claim-within");
    Duration claimWithin =
        claimNode == null ? null : read.duration(claimNode, "claim-within", MIN_CLAIM_WITHIN);
    Node payoutNode = r.get("payout");
    if (payout instanceof Revenue.Metric
        && conversions instanceof Revenue.Fixed
        && payoutNode != null) {
      read.problem(
          payoutNode.at(),
          "payout names a metric, so conversions-per-hour must name one too (the average payout"
              + " is the payout metric's total over the conversions'); or give payout as a"
              + " number");
    }
    if (read.problems().count() > before
        || conversions == null
        || payout == null
        || currency == null) {
      ok[0] = false;
      return null;
    }
    return new Revenue(
        conversions,
        payout,
        currency,
        volumeFrom,
        claimWithin,
        mapping.at(),
        fromNode == null ? null : fromNode.at());
  }

  private Revenue.@Nullable Figure figure(Fields r, String key) {
    Node node = r.get(key);
    String expected = "a number (0 or more) or the name of a metric";
    if (node == null) {
      read.problem(r.at(), "revenue needs " + key + ": " + expected);
      return null;
    }
    Scalar s = read.scalar(node, key, expected);
    if (s == null) {
      return null;
    }
    String text = s.text().strip();
    if (NUMBER.matcher(text).matches()) {
      double value = Double.parseDouble(text);
      if (value < 0) {
        read.problem(s.at(), key + " must be 0 or more, got " + Node.describe(s));
        return null;
      }
      return new Revenue.Fixed(value);
    }
    if (METRIC.matcher(text).matches()) {
      return new Revenue.Metric(text);
    }
    read.problem(s.at(), key + " must be " + expected + ", got " + Node.describe(s));
    return null;
  }

  private @Nullable Currency currency(Fields r) {
    Node node = r.get("currency");
    if (node == null) {
      read.problem(r.at(), "revenue needs currency: the payout's ISO 4217 code, e.g. EUR or USD");
      return null;
    }
    String text = read.nonEmptyText(node, "currency");
    if (text == null) {
      return null;
    }
    String code = text.strip();
    if (CODE.matcher(code).matches()) {
      try {
        return Currency.getInstance(code);
      } catch (IllegalArgumentException e) {
        // Three letters that are not a currency: the same problem as any other text.
      }
    }
    String upper = code.toUpperCase(Locale.ROOT);
    boolean known = CODE.matcher(upper).matches() && isCurrency(upper);
    read.problem(
        node.at(),
        "currency must be an ISO 4217 code in capitals, e.g. EUR or USD, got "
            + Node.describe(node)
            + (known && !upper.equals(code) ? "; did you mean \"" + upper + "\"?" : ""));
    return null;
  }

  private static boolean isCurrency(String code) {
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Reports each {@code volume-from} that names no monitor of the file (by name, with a
   * suggestion).
   *
   * @param names every monitor name of the file, those with problems too
   */
  static void links(List<MonitorSpec> monitors, Collection<String> names, Read read) {
    Map<String, MonitorSpec> byName = new HashMap<>();
    monitors.forEach(m -> byName.putIfAbsent(m.name(), m));
    for (MonitorSpec m : monitors) {
      Revenue r = m.revenue();
      if (r == null) {
        continue;
      }
      String from = r.volumeFrom();
      Location at = r.volumeFromAt();
      if (from != null && at != null && !names.contains(from)) {
        read.problem(
            at,
            "volume-from names no monitor: "
                + Node.quote(from)
                + Suggestions.didYouMean(from, names));
        continue;
      }
      MonitorSpec source = byName.get(from == null ? m.name() : from);
      if (source != null) {
        metricsKnown(r, source, read);
      }
    }
  }

  /**
   * Reports a figure that names a metric its source monitor does not read: the report would find no
   * history for it and estimate nothing.
   */
  private static void metricsKnown(Revenue r, MonitorSpec source, Read read) {
    Set<String> known = new TreeSet<>(source.metrics().keySet());
    known.addAll(source.settings().measures());
    for (Revenue.Figure f : List.of(r.conversionsPerHour(), r.payout())) {
      if (f instanceof Revenue.Metric metric && !known.contains(metric.name())) {
        String name = metric.name();
        read.problem(
            r.at(),
            "revenue reads the metric "
                + Node.quote(name)
                + " but monitor "
                + Node.quote(source.name())
                + (known.isEmpty()
                    ? " declares no metrics"
                    : " has only " + String.join(", ", known))
                + Suggestions.didYouMean(name, known)
                + "; declare it under metrics: or give a number");
      }
    }
  }
}
