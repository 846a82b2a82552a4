package dev.tickr.affiliate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;

/**
 * The impact report as JSON, the same for {@code tickr report impact --format json} and {@code GET
 * /api/v1/reports/impact}: conversions to one decimal, amounts in the currency's decimals.
 */
public final class ImpactJson {
  private ImpactJson() {}

  public static ObjectNode of(ImpactReport report, String dashboardUrl) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("from", report.from().toString());
    o.put("to", report.to().toString());
    ArrayNode monitors = o.putArray("monitors");
    report.monitors().forEach(monitors::add);
    o.put("claim_warning_days", report.claimWarning().toDays());
    ArrayNode windows = o.putArray("windows");
    for (ImpactWindow w : report.windows()) {
      windows.add(window(w, dashboardUrl));
    }
    ArrayNode totals = o.putArray("totals");
    for (Map.Entry<Currency, double[]> t : report.totals().entrySet()) {
      Currency c = t.getKey();
      totals
          .addObject()
          .put("currency", c.getCurrencyCode())
          .put("amount", money(t.getValue()[0], c))
          .put("amount_low", money(t.getValue()[1], c))
          .put("amount_high", money(t.getValue()[2], c));
    }
    return o;
  }

  /** One window's object. */
  public static ObjectNode window(ImpactWindow w, String dashboardUrl) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("monitor", w.monitor());
    ArrayNode ids = o.putArray("incidents");
    w.incidentIds().forEach(ids::add);
    o.put("start", w.start().toString());
    o.put("end", w.end().toString());
    o.put("ongoing", w.ongoing());
    o.put("duration_s", w.duration().toSeconds());
    ArrayNode reasons = o.putArray("reasons");
    w.reasons().forEach(reasons::add);
    o.put("counted_s", w.counted().toSeconds());
    ArrayNode notes = o.putArray("notes");
    w.notes().forEach(notes::add);
    o.put("currency", w.currency().getCurrencyCode());
    ImpactEstimate e = w.estimate();
    if (e == null) {
      o.putNull("estimate");
    } else {
      o.putObject("estimate")
          .put("conversions", count(e.conversions()))
          .put("conversions_low", count(e.conversionsLow()))
          .put("conversions_high", count(e.conversionsHigh()))
          .put("payout", money(e.payout(), w.currency()))
          .put("amount", money(e.amount(), w.currency()))
          .put("amount_low", money(e.amountLow(), w.currency()))
          .put("amount_high", money(e.amountHigh(), w.currency()))
          .put("comparable", e.comparable())
          .put("conversions_method", e.conversionsMethod())
          .put("payout_method", e.payoutMethod());
    }
    if (w.noEstimate() == null) {
      o.putNull("no_estimate");
    } else {
      o.put("no_estimate", w.noEstimate());
    }
    ClaimDeadline c = w.claim();
    if (c == null) {
      o.putNull("claim");
    } else {
      o.putObject("claim")
          .put("deadline", c.deadline().toString())
          .put("within_days", c.within().toDays())
          .put("source", c.source())
          .put("days_left", c.daysLeft())
          .put("warn", c.warn())
          .put("closed", c.closed());
    }
    o.put("evidence_url", ImpactCsv.evidence(dashboardUrl, w));
    return o;
  }

  private static BigDecimal count(double v) {
    return new BigDecimal(ImpactTimes.count(v));
  }

  private static BigDecimal money(double v, Currency c) {
    return new BigDecimal(ImpactTimes.money(v, c));
  }
}
