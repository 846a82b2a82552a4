package dev.tickr.config;

import dev.tickr.assertion.ReasonRule;
import dev.tickr.assertion.ReasonRules;
import dev.tickr.check.Reason;
import dev.tickr.config.Node.Entry;
import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a monitor's {@code reasons:} (error messages that name a reason class: {@code
 * {ip-not-allowed: ["regex", ...]}}) and {@code rate-limited:} ({@code degraded} or {@code down}).
 */
final class ReasonsReader {
  private final Read read;

  ReasonsReader(Read read) {
    this.read = read;
  }

  /** The monitor's own rules, in the order written; {@code null} after a problem. */
  @Nullable ReasonRules reasons(@Nullable Node node) {
    if (node == null) {
      return ReasonRules.NONE;
    }
    Mapping mapping =
        read.mapping(node, "reasons", "a mapping of reason to a list of regular expressions");
    if (mapping == null) {
      return null;
    }
    boolean ok = true;
    List<ReasonRule> rules = new ArrayList<>();
    for (Entry e : mapping.entries()) {
      Reason reason = reason(e.key());
      String what = "reasons." + e.key().text();
      List<Scalar> items = read.strings(e.value(), what);
      if (reason == null || items == null) {
        ok = false;
        continue;
      }
      for (int i = 0; i < items.size(); i++) {
        Scalar item = items.get(i);
        try {
          rules.add(ReasonRule.of(reason, item.text(), true, item.at().toString()));
        } catch (PatternSyntaxException x) {
          read.problem(
              item.at(Math.max(0, x.getIndex())),
              what
                  + "["
                  + i
                  + "] is not a regular expression: "
                  + x.getDescription()
                  + (x.getIndex() >= 0 ? " at index " + x.getIndex() : ""));
          ok = false;
        }
      }
    }
    return ok ? ReasonRules.of(rules) : null;
  }

  private @Nullable Reason reason(Scalar key) {
    String code = key.text().strip().toLowerCase(Locale.ROOT);
    List<String> known = new ArrayList<>();
    for (Reason r : ReasonRules.NAMEABLE) {
      if (r.code().equals(code)) {
        return r;
      }
      known.add(r.code());
    }
    read.problem(
        key.at(),
        "reasons: "
            + Node.quote(key.text())
            + " is not a reason a message can name"
            + Suggestions.didYouMean(code, known)
            + "; expected one of "
            + String.join(", ", known));
    return null;
  }

  /** {@code degraded} or {@code down}; {@code null} after a problem. */
  @Nullable RateLimited rateLimited(@Nullable Node node) {
    if (node == null) {
      return RateLimited.DEFAULT;
    }
    String text = read.text(node, "rate-limited");
    if (text == null) {
      return null;
    }
    for (RateLimited r : RateLimited.values()) {
      if (r.code().equals(text.strip().toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    read.problem(node.at(), "rate-limited must be degraded or down, got " + Node.describe(node));
    return null;
  }
}
