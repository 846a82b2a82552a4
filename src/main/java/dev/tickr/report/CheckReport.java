package dev.tickr.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.assertion.CheckResult;
import dev.tickr.assertion.ConditionResult;
import dev.tickr.check.Observation;
import dev.tickr.check.Redaction;
import dev.tickr.check.Timings;
import dev.tickr.check.TlsInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a check result is shown: a line per fact for people ({@code tickr check}), or the contract
 * JSON of {@code tickr check --json}, which the API's "check now" and "test" answers also give.
 */
public final class CheckReport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private CheckReport() {}

  /** The result as people read it, a line per fact, ending in {@code OK} or {@code FAILED}. */
  public static String text(CheckResult result, Instant now) {
    Observation o = result.observation();
    StringBuilder out = new StringBuilder();
    String url = Redaction.url(o.url());
    int hops = o.redirects().size();
    line(
        out,
        "URL",
        hops == 0 ? url : url + " (after " + hops + " redirect" + (hops == 1 ? ")" : "s)"));
    line(out, "Status", status(o));
    line(out, "Timing", timings(o.timings()));
    TlsInfo tls = o.tls();
    if (tls != null) {
      long days = daysLeft(tls, now);
      String when = DAY.format(tls.expiresAt());
      line(
          out,
          "Certificate",
          days < 0
              ? "expired on " + when + " (" + -days + " days ago)"
              : "expires " + when + " (" + days + " day" + (days == 1 ? "" : "s") + " left)");
    }
    if (o.status() != null) {
      String type = o.body().contentType();
      line(
          out,
          "Body",
          size(o.body().size())
              + (o.body().truncated() ? " (truncated at the --max-body cap)" : "")
              + (type == null ? "" : ", " + type));
    }
    for (ConditionResult c : result.conditions()) {
      out.append(c.success() ? "✓ " : "✗ ")
          .append(c.condition())
          .append("  (actual: ")
          .append(c.actual())
          .append(")\n");
    }
    if (result.success()) {
      out.append("OK\n");
    } else {
      String reason = result.reason() == null ? "" : " [" + result.reason() + "]";
      out.append("FAILED: ").append(result.error()).append(reason).append('\n');
    }
    return out.toString();
  }

  /** A byte count as people read it: {@code 512 B}, {@code 1.5 KiB}, {@code 2.0 MiB}. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(String.format(Locale.ROOT, "%-12s%s%n", label, value));
  }

  private static String status(Observation o) {
    Integer status = o.status();
    if (status == null) {
      return "no response";
    }
    String text = o.statusText();
    return status + (text == null || text.isBlank() ? "" : " " + text) + " (" + o.protocol() + ")";
  }

  private static String timings(Timings t) {
    return "dns "
        + ms(t.dns())
        + " · connect "
        + ms(t.connect())
        + " · tls "
        + ms(t.tls())
        + " · ttfb "
        + ms(t.ttfb())
        + " · total "
        + ms(t.total());
  }

  private static String ms(@Nullable Duration d) {
    return d == null ? "-" : millis(d).toPlainString() + " ms";
  }

  private static BigDecimal millis(Duration d) {
    return BigDecimal.valueOf(d.toNanos()).movePointLeft(6).setScale(1, RoundingMode.HALF_UP);
  }

  private static long daysLeft(TlsInfo tls, Instant now) {
    return Math.floorDiv(
        tls.untilExpiry(now).toSeconds(), ChronoUnit.DAYS.getDuration().toSeconds());
  }

  /** The contract JSON of {@code tickr check --json}, as one line of text. */
  public static String json(CheckResult result, Instant now) {
    return tree(result, now).toString();
  }

  /**
   * The contract JSON of {@code tickr check --json} as a tree, for answers that add to it (the
   * API's "test now"). Secret values other than a URL's credentials are not masked here.
   */
  public static ObjectNode tree(CheckResult result, Instant now) {
    Observation o = result.observation();
    ObjectNode root = JSON.createObjectNode();
    root.put("url", Redaction.url(o.url()));
    root.put("success", result.success());
    if (o.status() == null) {
      root.putNull("status");
    } else {
      root.put("status", o.status());
    }
    putText(root, "error", result.error());
    putText(root, "reason", result.reason() == null ? null : result.reason().code());
    ObjectNode timings = root.putObject("timings_ms");
    Timings t = o.timings();
    putMillis(timings, "dns", t.dns());
    putMillis(timings, "connect", t.connect());
    putMillis(timings, "tls", t.tls());
    putMillis(timings, "ttfb", t.ttfb());
    putMillis(timings, "total", t.total());
    TlsInfo tls = o.tls();
    if (tls == null) {
      root.putNull("certificate");
    } else {
      ObjectNode cert = root.putObject("certificate");
      cert.put("expires_at", tls.expiresAt().toString());
      cert.put("days_left", daysLeft(tls, now));
    }
    ArrayNode conditions = root.putArray("conditions");
    for (ConditionResult c : result.conditions()) {
      ObjectNode node = conditions.addObject();
      node.put("condition", c.condition());
      node.put("success", c.success());
      node.put("actual", c.actual());
    }
    StepsJson.put(root, o.steps(), o.measures());
    return root;
  }

  private static void putText(ObjectNode node, String field, @Nullable String value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  private static void putMillis(ObjectNode node, String field, @Nullable Duration d) {
    if (d == null) {
      node.putNull(field);
    } else {
      node.put(field, millis(d));
    }
  }
}
