package dev.tickr.assertion;

import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/**
 * A table of error messages that name a reason class, tried in order, the first that matches
 * winning. The built-in table comes from the composition root (platform knowledge lives outside the
 * core); a monitor's {@code reasons:} come first. Immutable and thread-safe.
 */
public final class ReasonRules {
  /** The reasons a table may name: those an answer's body can tell. */
  public static final Set<Reason> NAMEABLE =
      EnumSet.of(
          Reason.AUTH_REJECTED,
          Reason.ACCESS_DENIED,
          Reason.IP_NOT_ALLOWED,
          Reason.RATE_LIMITED,
          Reason.BODY_ERROR);

  /** How much of the body is searched: error messages are short and come first. */
  public static final int SCANNED = 64 * 1024;

  /** How much of the line that holds a match a detail quotes. */
  static final int QUOTED = 160;

  public static final ReasonRules NONE = new ReasonRules(List.of());

  private final List<ReasonRule> rules;

  private ReasonRules(List<ReasonRule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static ReasonRules of(List<ReasonRule> rules) {
    for (ReasonRule r : rules) {
      if (!NAMEABLE.contains(r.reason())) {
        throw new IllegalArgumentException("a reason table cannot name " + r.reason());
      }
    }
    return rules.isEmpty() ? NONE : new ReasonRules(rules);
  }

  public List<ReasonRule> rules() {
    return rules;
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** This table's rules, then {@code after}'s. */
  public ReasonRules then(ReasonRules after) {
    if (after.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return after;
    }
    List<ReasonRule> all = new ArrayList<>(rules);
    all.addAll(after.rules);
    return new ReasonRules(all);
  }

  /**
   * The rule that recognises the answer, with the line of the body it matched.
   *
   * @param quoted the line that holds the match, stripped and cut to {@link #QUOTED} characters
   */
  public record Match(ReasonRule rule, String quoted) {}

  /** The first rule that matches the answer, or {@code null}: none, or there was no answer. */
  public @Nullable Match find(Observation observation) {
    Integer status = observation.status();
    if (status == null || rules.isEmpty()) {
      return null;
    }
    String body = observation.body().text();
    if (body.length() > SCANNED) {
      body = body.substring(0, SCANNED);
    }
    for (ReasonRule rule : rules) {
      if (!rule.appliesTo(status)) {
        continue;
      }
      Matcher m = rule.pattern().matcher(body);
      if (m.find()) {
        return new Match(rule, line(body, m.start(), m.end()));
      }
    }
    return null;
  }

  /** The line around the match, at most {@link #QUOTED} characters, with {@code …} where cut. */
  private static String line(String body, int start, int end) {
    int lineStart = start == 0 ? 0 : body.lastIndexOf('\n', start - 1) + 1;
    int lineEnd = body.indexOf('\n', end);
    lineEnd = lineEnd < 0 ? body.length() : lineEnd;
    int from = Math.max(lineStart, Math.min(start - QUOTED / 3, lineEnd - QUOTED));
    int to = Math.min(lineEnd, from + QUOTED);
    String quoted = body.substring(from, to).strip();
    return (from > lineStart ? "…" : "") + quoted + (to < lineEnd ? "…" : "");
  }
}
