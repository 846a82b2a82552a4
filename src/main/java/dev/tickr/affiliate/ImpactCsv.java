package dev.tickr.affiliate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The impact report as CSV (RFC 4180: comma-separated, CRLF line ends, a field with a comma, a
 * quote or a line break in quotes, quotes doubled), shaped to attach to a missing-commission claim:
 * a header, then one row per outage window with its UTC time window, expected orders and amount,
 * currency, and the link to the incident as evidence.
 */
public final class ImpactCsv {
  public static final List<String> COLUMNS =
      List.of(
          "monitor",
          "incidents",
          "window_start_utc",
          "window_end_utc",
          "ongoing",
          "duration_minutes",
          "reason",
          "counted_minutes",
          "expected_orders",
          "expected_orders_low",
          "expected_orders_high",
          "average_payout",
          "expected_amount",
          "expected_amount_low",
          "expected_amount_high",
          "currency",
          "comparable_period",
          "method",
          "claim_deadline_utc",
          "days_to_claim_deadline",
          "claim_warning",
          "evidence_url",
          "notes");

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ImpactCsv() {}

  /**
   * @param dashboardUrl how people reach the dashboard, for the evidence links
   */
  public static String of(ImpactReport report, String dashboardUrl) {
    StringBuilder out = new StringBuilder();
    row(out, COLUMNS);
    for (ImpactWindow w : report.windows()) {
      List<String> f = new ArrayList<>();
      f.add(w.monitor());
      f.add(w.incidentIds().stream().map(String::valueOf).collect(Collectors.joining(" ")));
      f.add(TIME.format(w.start()));
      f.add(TIME.format(w.end()));
      f.add(String.valueOf(w.ongoing()));
      f.add(String.valueOf(w.duration().toMinutes()));
      f.add(String.join(" ", w.reasons()));
      f.add(String.valueOf(w.counted().toMinutes()));
      ImpactEstimate e = w.estimate();
      if (e == null) {
        for (int i = 0; i < 7; i++) {
          f.add("");
        }
        f.add(w.currency().getCurrencyCode());
        f.add("");
        f.add("no estimate: " + w.noEstimate());
      } else {
        f.add(ImpactTimes.count(e.conversions()));
        f.add(ImpactTimes.count(e.conversionsLow()));
        f.add(ImpactTimes.count(e.conversionsHigh()));
        f.add(ImpactTimes.money(e.payout(), w.currency()));
        f.add(ImpactTimes.money(e.amount(), w.currency()));
        f.add(ImpactTimes.money(e.amountLow(), w.currency()));
        f.add(ImpactTimes.money(e.amountHigh(), w.currency()));
        f.add(w.currency().getCurrencyCode());
        f.add(e.comparable());
        f.add(e.conversionsMethod() + "; payout: " + e.payoutMethod());
      }
      ClaimDeadline c = w.claim();
      f.add(c == null ? "" : TIME.format(c.deadline()));
      f.add(c == null ? "" : String.valueOf(c.daysLeft()));
      f.add(c == null ? "" : c.closed() ? "closed" : c.warn() ? "claim soon" : "");
      f.add(evidence(dashboardUrl, w));
      f.add(String.join("; ", w.notes()));
      row(out, f);
    }
    return out.toString();
  }

  /** The incident's card on its monitor's page. */
  public static String evidence(String dashboardUrl, ImpactWindow w) {
    String base =
        dashboardUrl.endsWith("/")
            ? dashboardUrl.substring(0, dashboardUrl.length() - 1)
            : dashboardUrl;
    return base
        + "/monitors/"
        + URLEncoder.encode(w.monitor(), StandardCharsets.UTF_8).replace("+", "%20")
        + "#incident-"
        + w.incidentId();
  }

  private static void row(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields.get(i)));
    }
    out.append("\r\n");
  }

  /** A field, quoted when it holds a comma, a quote, a line break or edge spaces. */
  static String field(String text) {
    boolean quote =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0
            || (!text.isEmpty()
                && (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' '));
    return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
