package dev.tickr.assertion;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses the operands that aggregate a body or read metrics, for {@link ConditionParser}: {@code
 * sum|min|max|count([BODY].path[*].field)}, {@code count(PATH OP VALUE)}, {@code [METRIC].name},
 * {@code age([METRIC].name)}, {@code baseline(name, 4w)}, {@code avg|min|max|sum|count(name, 1h)},
 * and {@code FACTOR * one of those}. Anything else is left to {@link ConditionParser}.
 */
final class MetricSyntax {
  static final String METRIC = "[METRIC]";
  private static final Pattern FACTOR = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*\\*\\s*");
  private static final Pattern CALL = Pattern.compile("([a-z]+)\\s*\\(");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final Pattern WEEKS = Pattern.compile("(\\d{1,2})w");
  private static final Pattern INDEX = Pattern.compile("-?\\d{1,9}");
  static final List<String> FUNCTIONS = List.of("sum", "min", "max", "count", "avg", "baseline");

  /** An operand and the index just after it. */
  record Found(Operand operand, int end) {}

  private final String text;

  MetricSyntax(String text) {
    this.text = text;
  }

  /** The operand at {@code at}, or null when it is none of these. */
  @Nullable Found at(int at, int end) throws ConditionSyntaxException {
    Matcher factor = FACTOR.matcher(text).region(at, end);
    if (factor.lookingAt()) {
      Found inner = at(factor.end(), end);
      if (inner == null) {
        throw error(
            factor.end(),
            "a factor such as 0.3 * goes before baseline(), avg(), min(), max(), sum(), count()"
                + " or [METRIC].name");
      }
      return new Found(
          new MetricOperands.Scaled(new BigDecimal(factor.group(1)), inner.operand(), at),
          inner.end());
    }
    if (text.startsWith(METRIC, at)) {
      return metric(at, end);
    }
    Matcher call = CALL.matcher(text).region(at, end);
    if (!call.lookingAt()) {
      return null;
    }
    String function = call.group(1);
    int open = call.end() - 1;
    int start = skipSpace(call.end());
    if (function.equals("age")) {
      if (!text.startsWith(METRIC, start)) {
        return null;
      }
      Found ref = metric(start, end);
      int close = expect(')', ref.end(), "age([METRIC].name) takes one metric");
      String name = ((MetricOperands.Ref) ref.operand()).name();
      return new Found(new MetricOperands.Age(name, at), close + 1);
    }
    if (!FUNCTIONS.contains(function)) {
      return null;
    }
    int close = closing(open, end);
    if (start < close && text.charAt(start) == '[') {
      if (function.equals("avg") || function.equals("baseline")) {
        throw error(
            start, function + "() takes a metric name, e.g. " + function + "(conversions, 1h)");
      }
      return new Found(aggregate(function, at, start, close), close + 1);
    }
    Matcher name = NAME.matcher(text).region(start, close);
    if (!name.lookingAt()) {
      throw error(
          start,
          function
              + "() takes a metric name and a window, e.g. "
              + function
              + (function.equals("baseline") ? "(conversions, 4w)" : "(conversions, 1h)")
              + ", or a body path such as [BODY].items[*].amount");
    }
    int comma = skipSpace(name.end());
    if (comma >= close || text.charAt(comma) != ',') {
      throw error(
          comma, "expected , and a window after " + name.group() + " in " + function + "()");
    }
    int windowAt = skipSpace(comma + 1);
    String window = text.substring(windowAt, trimEnd(windowAt, close));
    if (function.equals("baseline")) {
      Matcher weeks = WEEKS.matcher(window);
      int n = weeks.matches() ? Integer.parseInt(weeks.group(1)) : 0;
      if (n < 1 || n > 52) {
        throw error(
            windowAt,
            "baseline() takes a number of weeks from 1w to 52w, got " + Literals.quoted(window));
      }
      return new Found(new MetricOperands.Baseline(name.group(), n, at), close + 1);
    }
    Duration d = DurationText.parse(window);
    if (d == null || d.isNegative() || d.isZero()) {
      throw error(
          windowAt,
          function + "() takes a window such as 15m, 1h or 1d, got " + Literals.quoted(window));
    }
    MetricOperands.Over over =
        MetricOperands.Over.valueOf(function.toUpperCase(java.util.Locale.ROOT));
    return new Found(new MetricOperands.LookBack(over, name.group(), d, window, at), close + 1);
  }

  private Found metric(int at, int end) throws ConditionSyntaxException {
    int dot = at + METRIC.length();
    if (dot >= end || text.charAt(dot) != '.') {
      throw error(at, "[METRIC] needs a metric name, e.g. [METRIC].conversions");
    }
    Matcher name = NAME.matcher(text).region(dot + 1, end);
    if (!name.lookingAt()) {
      throw error(dot + 1, "expected a metric name after [METRIC]., e.g. [METRIC].conversions");
    }
    if (name.end() < end && (text.charAt(name.end()) == '.' || text.charAt(name.end()) == '[')) {
      throw error(name.end(), "[METRIC].name takes no path: a metric is one number");
    }
    return new Found(new MetricOperands.Ref(name.group(), at), name.end());
  }

  private Aggregate aggregate(String function, int at, int start, int close)
      throws ConditionSyntaxException {
    if (!text.startsWith("[BODY]", start)) {
      throw error(
          start, function + "() reads [BODY] paths, e.g. " + function + "([BODY].items[*].amount)");
    }
    List<WildPath.Step> steps = new ArrayList<>();
    int i = start + "[BODY]".length();
    while (i < close && (text.charAt(i) == '.' || text.charAt(i) == '[')) {
      if (text.charAt(i) == '.') {
        int k = i + 1;
        while (k < close && isKeyChar(text.charAt(k))) {
          k++;
        }
        if (k == i + 1) {
          throw error(i, "expected a field name after .");
        }
        steps.add(new WildPath.Key(text.substring(i + 1, k)));
        i = k;
      } else {
        int shut = text.indexOf(']', i);
        if (shut < 0 || shut >= close) {
          throw error(i, "unclosed [: no matching ]");
        }
        String raw = text.substring(i + 1, shut).strip();
        if (raw.equals("*")) {
          steps.add(new WildPath.All());
        } else if (INDEX.matcher(raw).matches()) {
          steps.add(new WildPath.Index(Integer.parseInt(raw)));
        } else {
          throw error(i + 1, "bad index [" + raw + "]: expected [*], [0] or [-1]");
        }
        i = shut + 1;
      }
    }
    WildPath path = new WildPath(steps, text.substring(start, i));
    Aggregate.Function fn = Aggregate.Function.valueOf(function.toUpperCase(java.util.Locale.ROOT));
    int next = skipSpace(i);
    if (next >= close) {
      return new Aggregate(fn, path, null, at);
    }
    Operator op = Operator.at(text, next);
    if (op == null || fn != Aggregate.Function.COUNT) {
      throw error(
          next,
          "unexpected "
              + text.substring(next, close).strip()
              + " in "
              + function
              + "(): "
              + (fn == Aggregate.Function.COUNT
                  ? "a filter is OP VALUE, e.g. count([BODY].items[*].state == \"approved\")"
                  : "it takes one path"));
    }
    int valueAt = skipSpace(next + op.symbol().length());
    int valueEnd = trimEnd(valueAt, close);
    if (valueAt >= valueEnd) {
      throw error(valueAt, "missing value after " + op.symbol() + " in count()");
    }
    String raw = text.substring(valueAt, valueEnd);
    Value literal =
        raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")
            ? new Value.Text(raw.substring(1, raw.length() - 1).replace("\\\"", "\""))
            : Literals.typed(raw);
    if (op.ordering() && literal.number() == null) {
      throw error(valueAt, op.symbol() + " needs a number, got " + Literals.quoted(raw));
    }
    return new Aggregate(fn, path, new Aggregate.Filter(op, literal), at);
  }

  /** The {@code )} that closes {@code open}, skipping quoted text. */
  private int closing(int open, int end) throws ConditionSyntaxException {
    int depth = 0;
    for (int i = open; i < end; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        i++;
        while (i < end && text.charAt(i) != '"') {
          i += text.charAt(i) == '\\' ? 2 : 1;
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    throw error(open, "unclosed (: no matching )");
  }

  private int expect(char c, int from, String what) throws ConditionSyntaxException {
    int i = skipSpace(from);
    if (i >= text.length() || text.charAt(i) != c) {
      throw error(i, "expected " + c + ": " + what);
    }
    return i;
  }

  private static boolean isKeyChar(char c) {
    return c != '.'
        && c != '['
        && c != ']'
        && c != '('
        && c != ')'
        && c != ','
        && c != '='
        && c != '!'
        && c != '<'
        && c != '>'
        && !Character.isWhitespace(c);
  }

  private int skipSpace(int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private int trimEnd(int start, int end) {
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  private ConditionSyntaxException error(int index, String message) {
    return new ConditionSyntaxException(message, text, index + 1);
  }
}
