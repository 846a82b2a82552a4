package dev.tickr.config;

import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads what a monitor says about its target's rate limits: {@code quota: {key, limit, per, share,
 * warn-below}} and {@code retry-after-max}, each problem at its place.
 */
final class QuotaKeys {
  static final List<String> QUOTA = List.of("key", "limit", "per", "share", "warn-below");
  static final Duration MIN_PER = Duration.ofSeconds(1);
  static final Duration MIN_RETRY_AFTER_MAX = Duration.ofSeconds(1);
  private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,6})?)\\s*%");
  private static final Pattern FRACTION = Pattern.compile("0?\\.\\d{1,8}|[01]");

  private final Read read;

  QuotaKeys(Read read) {
    this.read = read;
  }

  /** The monitor's rate-limit settings; {@code null} after a problem. */
  @Nullable RateLimits read(Fields fields) {
    Node node = fields.get("quota");
    Quota quota = node == null ? Quota.none(fields.at()) : quota(node);
    Duration max =
        MonitorReader.optional(
            fields,
            "retry-after-max",
            RateLimits.DEFAULT_RETRY_AFTER_MAX,
            n -> read.duration(n, "retry-after-max", MIN_RETRY_AFTER_MAX));
    return quota == null || max == null ? null : new RateLimits(quota, max, null);
  }

  private @Nullable Quota quota(Node node) {
    Mapping mapping =
        read.mapping(node, "quota", "a mapping with key, limit, per, share or warn-below");
    if (mapping == null) {
      return null;
    }
    int before = read.problems().count();
    Fields fields = Fields.of(mapping);
    fields.rejectUnknown(QUOTA, read);
    Node keyNode = fields.get("key");
    Node limitNode = fields.get("limit");
    Node perNode = fields.get("per");
    String key = keyNode == null ? null : read.nonEmptyText(keyNode, "key");
    Integer limit =
        limitNode == null
            ? Integer.valueOf(0)
            : read.integer(limitNode, "limit", 1, Integer.MAX_VALUE);
    Duration per = perNode == null ? Duration.ofHours(1) : read.duration(perNode, "per", MIN_PER);
    if ((limitNode == null) != (perNode == null)) {
      read.problem(fields.at(), "quota needs limit and per together, e.g. limit: 500, per: 1h");
    } else if (limitNode == null && fields.has("share")) {
      read.problem(
          fields.at(),
          "quota share goes with limit and per (the monitor that gives the limit gives the share)");
    }
    Double share =
        MonitorReader.optional(
            fields, "share", Quota.DEFAULT_SHARE, n -> fraction(n, "share", false));
    Double warnBelow =
        MonitorReader.optional(
            fields, "warn-below", Quota.DEFAULT_WARN_BELOW, n -> fraction(n, "warn-below", true));
    if (read.problems().count() > before
        || limit == null
        || per == null
        || share == null
        || warnBelow == null) {
      return null;
    }
    return new Quota(key, limit, per, share, warnBelow, mapping.at());
  }

  /** {@code 10%} or {@code 0.1}: more than 0 (or 0 itself when allowed) and at most 100%. */
  private @Nullable Double fraction(Node node, String what, boolean zeroAllowed) {
    String expected = "a percentage like 10% or a fraction like 0.1";
    Scalar s = read.scalar(node, what, expected);
    if (s == null) {
      return null;
    }
    String text = s.text().strip();
    Matcher percent = PERCENT.matcher(text);
    double value;
    if (percent.matches()) {
      value = Double.parseDouble(percent.group(1)) / 100;
    } else if (FRACTION.matcher(text).matches()) {
      value = Double.parseDouble(text);
    } else {
      read.problem(s.at(), what + " must be " + expected + ", got " + Node.describe(s));
      return null;
    }
    if (value > 1 || (value == 0 && !zeroAllowed)) {
      read.problem(
          s.at(),
          what
              + " must be "
              + (zeroAllowed ? "from 0%" : "more than 0%")
              + " to 100%, got "
              + Node.describe(s));
      return null;
    }
    return value;
  }
}
