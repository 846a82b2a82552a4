package dev.tickr.assertion;

import dev.tickr.check.Observation;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Reads one value out of an observation, as a flow's {@code extract: {VAR: EXPR}} does: a
 * placeholder of the condition language ({@code [BODY].data.id}, {@code [HEADER].Location}), the
 * final URL ({@code [URL]}), or the first group of a regular expression over one of those ({@code
 * regex([BODY], "order=(\\w+)")}; the whole match when it has no group). Pure.
 */
public final class Extractor {
  private static final String URL = "[URL]";
  private static final Pattern REGEX =
      Pattern.compile("regex\\(\\s*(.+?)\\s*,\\s*\"(.*)\"\\s*\\)", Pattern.DOTALL);

  private final String text;
  private final @Nullable Operand operand; // null for [URL]
  private final @Nullable Pattern regex;

  private Extractor(String text, @Nullable Operand operand, @Nullable Pattern regex) {
    this.text = text;
    this.operand = operand;
    this.regex = regex;
  }

  /**
   * Reads an expression.
   *
   * @throws ConditionSyntaxException naming the offset of what is wrong
   */
  public static Extractor parse(String text) throws ConditionSyntaxException {
    String expr = text.strip();
    Matcher m = REGEX.matcher(expr);
    if (m.matches()) {
      Pattern pattern;
      try {
        pattern = Pattern.compile(m.group(2));
      } catch (PatternSyntaxException e) {
        throw new ConditionSyntaxException(
            "not a regular expression: " + e.getDescription(), text, m.start(2) + 1);
      }
      return new Extractor(text, operand(m.group(1)), pattern);
    }
    if (expr.startsWith("regex(")) {
      throw new ConditionSyntaxException(
          "expected regex([BODY], \"a (group)\") with the pattern in double quotes", text, 1);
    }
    return new Extractor(text, operand(expr), null);
  }

  private static @Nullable Operand operand(String expr) throws ConditionSyntaxException {
    if (expr.equals(URL)) {
      return null;
    }
    if (!expr.startsWith("[")) {
      throw new ConditionSyntaxException(
          "expected a placeholder like [BODY].data.id, [HEADER].Location, [URL] or"
              + " regex([BODY], \"id=(\\\\w+)\")",
          expr,
          1);
    }
    return ConditionParser.parse(expr + " == \"\"").left();
  }

  /** The expression as written. */
  public String text() {
    return text;
  }

  /** The value, or {@code null} (with {@code why} filled in) when there is none. */
  public @Nullable String extract(Observation observation, Instant now, StringBuilder why) {
    String value;
    if (operand == null) {
      value = observation.url().toString();
    } else {
      Value v = operand.resolve(new EvaluationContext(observation, now));
      if (!v.resolved()) {
        why.append(v.display());
        return null;
      }
      value = v.matchText();
    }
    if (regex == null) {
      return value;
    }
    Matcher m = regex.matcher(value);
    if (!m.find()) {
      why.append("no match for ").append(regex.pattern());
      return null;
    }
    String found = m.groupCount() >= 1 ? m.group(1) : m.group();
    if (found == null) {
      why.append("group 1 of ").append(regex.pattern()).append(" matched nothing");
    }
    return found;
  }

  /** Equal when written the same: one text reads to the same parts. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Extractor other && other.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
