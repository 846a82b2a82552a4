package dev.tickr.assertion;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Gatus-style conditions, {@code LEFT OP RIGHT}, by hand. The operator is the first of
 * {@code == != <= < >= >} outside parentheses, brackets and quotes; each side is then parsed on its
 * own. Every error names the 1-based column of the offending token.
 */
public final class ConditionParser {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern PLACEHOLDER_NAME = Pattern.compile("\\[[A-Z][A-Z0-9_]*(?:]|$)");
  private static final Pattern INDEX = Pattern.compile("-?\\d{1,9}");

  /** {@code &&} or {@code ||} between words: an attempt to combine conditions. */
  private static final Pattern COMBINED = Pattern.compile("\\s(&&|\\|\\|)\\s");

  private static final List<String> FUNCTIONS =
      java.util.stream.Stream.concat(
              java.util.stream.Stream.of("len", "has", "pat", "any", "age"),
              MetricSyntax.FUNCTIONS.stream())
          .toList();

  private final String text;

  private ConditionParser(String text) {
    this.text = text;
  }

  public static Condition parse(String text) throws ConditionSyntaxException {
    return new ConditionParser(text).condition();
  }

  /** An operand or matcher and the index just after it. */
  private record Parsed(Right right, int end) {}

  private Condition condition() throws ConditionSyntaxException {
    if (text.isBlank()) {
      throw error(0, "empty condition");
    }
    int at = findOperator();
    Operator op = Operator.at(text, at);
    if (op == null) {
      throw new IllegalStateException("no operator at " + at);
    }
    int leftStart = skipSpace(0);
    int leftEnd = trimEnd(0, at);
    if (leftStart >= leftEnd) {
      throw error(at, "missing left operand before " + op.symbol() + ", e.g. [STATUS]");
    }
    int rightStart = skipSpace(at + op.symbol().length());
    int rightEnd = trimEnd(rightStart, text.length());
    if (rightStart >= rightEnd) {
      throw error(trimEnd(0, text.length()), "missing right operand after " + op.symbol());
    }
    boolean matcher = text.startsWith("pat(", leftStart) || text.startsWith("any(", leftStart);
    Parsed left = operand(leftStart, leftEnd, !matcher);
    expectEnd(left.end(), leftEnd, text.substring(leftStart, left.end()));
    Parsed right = operand(rightStart, rightEnd, false);
    expectEnd(right.end(), rightEnd, text.substring(rightStart, right.end()));
    Sides sides =
        Sides.arrange(
            text,
            left.right(),
            text.substring(leftStart, leftEnd),
            op,
            right.right(),
            text.substring(rightStart, rightEnd));
    new KindCheck(text).check(sides.left(), sides.leftText(), sides.operator(), sides.right());
    return new Condition(text.strip(), sides.left(), sides.operator(), sides.right());
  }

  /** Index of the first operator outside brackets and quotes; else the most helpful error. */
  private int findOperator() throws ConditionSyntaxException {
    Deque<Integer> open = new ArrayDeque<>();
    int quote = -1;
    int loneEquals = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote >= 0) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quote = -1;
        }
        continue;
      }
      switch (c) {
        case '"' -> quote = i;
        case '(', '[' -> open.push(i);
        case ')', ']' -> {
          char opener = c == ')' ? '(' : '[';
          Integer o = open.poll();
          if (o == null) {
            throw error(i, "unexpected " + c + " without a matching " + opener);
          }
          if (text.charAt(o) != opener) {
            throw unclosed(o);
          }
        }
        default -> {
          if (open.isEmpty()) {
            if (Operator.at(text, i) != null) {
              return i;
            }
            if (c == '=' && loneEquals < 0) {
              loneEquals = i;
            }
          }
        }
      }
    }
    if (quote >= 0) {
      throw unclosed(quote);
    }
    Integer o = open.peek();
    if (o != null) {
      throw unclosed(o);
    }
    if (loneEquals >= 0) {
      throw error(loneEquals, "= is not an operator, use == to compare");
    }
    throw missingOperator();
  }

  private ConditionSyntaxException missingOperator() {
    int start = skipSpace(0);
    int end = trimEnd(0, text.length());
    try {
      Parsed left = operand(start, end, true);
      String leftText = text.substring(start, left.end());
      int next = skipSpace(left.end());
      if (next >= end) {
        return error(
            end, "missing operator after " + leftText + ": expected one of " + Operator.LIST);
      }
      return error(
          next,
          "expected an operator ("
              + Operator.LIST
              + ") after "
              + leftText
              + ", found "
              + word(next, end));
    } catch (ConditionSyntaxException e) {
      return e;
    }
  }

  private Parsed operand(int at, int end, boolean left) throws ConditionSyntaxException {
    MetricSyntax.Found metric = new MetricSyntax(text).at(at, end);
    if (metric != null) {
      return new Parsed(metric.operand(), metric.end());
    }
    char c = text.charAt(at);
    if (c == '[' && (left || placeholderAhead(at, end))) {
      return placeholder(at, end);
    }
    Matcher name = IDENTIFIER.matcher(text).region(at, end);
    if (name.lookingAt() && name.end() < end && text.charAt(name.end()) == '(') {
      return function(at, name.end(), end, left);
    }
    String bare = word(at, end).replaceAll("[\\[\\]\"]", "");
    Placeholder near = left ? Placeholder.nearest(bare) : null;
    // A placeholder's name without brackets, or one misspelt, is likelier a slip than text.
    if (near != null && (bare.length() > 4 || bare.equalsIgnoreCase(near.name()))) {
      throw error(
          at,
          word(at, end)
              + " is not a placeholder, did you mean "
              + near.token()
              + "? (quote it to compare the text itself)");
    }
    return new Parsed(literal(at, end), end);
  }

  private boolean placeholderAhead(int at, int end) {
    return PLACEHOLDER_NAME.matcher(text).region(at, end).lookingAt();
  }

  private Parsed placeholder(int at, int end) throws ConditionSyntaxException {
    int close = text.indexOf(']', at);
    if (close < 0 || close >= end) {
      throw unclosed(at);
    }
    String name = text.substring(at + 1, close);
    Placeholder p = Placeholder.named(name);
    if (p == null) {
      throw error(at, Placeholder.unknown(name));
    }
    int i = close + 1;
    if (p == Placeholder.HEADER) {
      return header(at, i, end);
    }
    if (p == Placeholder.URL || p == Placeholder.HOP) {
      return chain(p, at, i, end);
    }
    List<JsonPath.Step> steps = new ArrayList<>();
    while (i < end && (text.charAt(i) == '.' || text.charAt(i) == '[')) {
      if (p != Placeholder.BODY) {
        throw error(i, p.token() + " takes no path; only [BODY] does");
      }
      if (text.charAt(i) == '.') {
        int k = i + 1;
        while (k < end && isKeyChar(text.charAt(k))) {
          k++;
        }
        if (k == i + 1) {
          throw error(i, "expected a field name after .");
        }
        steps.add(new JsonPath.Key(text.substring(i + 1, k)));
        i = k;
      } else {
        int closeIndex = text.indexOf(']', i);
        if (closeIndex < 0 || closeIndex >= end) {
          throw unclosed(i);
        }
        String raw = text.substring(i + 1, closeIndex).strip();
        if (!INDEX.matcher(raw).matches()) {
          throw error(
              i + 1,
              "bad index ["
                  + raw
                  + "]: expected a whole number such as [0], or [-1] for the last element");
        }
        steps.add(new JsonPath.Index(Integer.parseInt(raw)));
        i = closeIndex + 1;
      }
    }
    return new Parsed(new Operand.Ref(p, "", new JsonPath(steps), at), i);
  }

  private Parsed header(int at, int i, int end) throws ConditionSyntaxException {
    if (i >= end || text.charAt(i) != '.') {
      throw error(at, "[HEADER] needs a header name, e.g. [HEADER].Content-Type");
    }
    int k = i + 1;
    while (k < end && isTokenChar(text.charAt(k))) {
      k++;
    }
    if (k == i + 1) {
      throw error(i + 1, "expected a header name after [HEADER]., e.g. [HEADER].Content-Type");
    }
    if (k < end && text.charAt(k) == '[') {
      throw error(k, "[HEADER].Name takes no path; only [BODY] does");
    }
    String name = text.substring(i + 1, k);
    return new Parsed(new Operand.Ref(Placeholder.HEADER, name, JsonPath.NONE, at), k);
  }

  /** {@code [URL]}, {@code [URL].host|path|query.NAME}, {@code [HOP].N.status|url|host|via}. */
  private Parsed chain(Placeholder p, int at, int i, int end) throws ConditionSyntaxException {
    int k = i;
    while (k < end && (isKeyChar(text.charAt(k)) || text.charAt(k) == '.')) {
      k++;
    }
    if (i < k && text.charAt(i) != '.') {
      throw error(i, "expected . or the end after " + p.token());
    }
    String part = i < k ? text.substring(i + 1, k) : "";
    String problem = ChainValues.problem(p == Placeholder.URL, part);
    if (problem != null || (k < end && text.charAt(k) == '[')) {
      throw error(at, problem != null ? problem : p.token() + " takes no index; only [BODY] does");
    }
    return new Parsed(new Operand.Ref(p, part, JsonPath.NONE, at), k);
  }

  private Parsed function(int at, int open, int end, boolean left) throws ConditionSyntaxException {
    String name = text.substring(at, open);
    int close = closingParen(open, end);
    Right fn =
        switch (name) {
          case "len" -> new Operand.Len(argument(name, open, close), at);
          case "has" -> new Operand.Has(argument(name, open, close), at);
          case "age" -> new Operand.Age(argument(name, open, close), at);
          case "pat", "any" -> {
            if (left) {
              throw error(
                  at,
                  name
                      + "() can only be on the right of == or !=, e.g. [BODY].name == "
                      + (name.equals("pat") ? "pat(john*)" : "any(john, jane)"));
            }
            yield name.equals("pat") ? pattern(at, open, close) : anyOf(at, open, close);
          }
          default -> {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean near = FUNCTIONS.contains(lower);
            throw error(
                at,
                "unknown function "
                    + name
                    + "() (known: "
                    + String.join(", ", FUNCTIONS)
                    + ")"
                    + (near ? ", did you mean " + lower + "()?" : ""));
          }
        };
    return new Parsed(fn, close + 1);
  }

  /** The one placeholder inside {@code len()}, {@code has()} or {@code age()}. */
  private Operand.Ref argument(String function, int open, int close)
      throws ConditionSyntaxException {
    int start = skipSpace(open + 1);
    int end = trimEnd(open + 1, close);
    String example = function + "([BODY].data)";
    if (start >= end) {
      throw error(close, function + "() needs a placeholder, e.g. " + example);
    }
    if (text.charAt(start) != '[') {
      throw error(
          start,
          function
              + "() takes a placeholder such as [BODY].data, got "
              + word(start, end)
              + ", e.g. "
              + example);
    }
    Parsed parsed = placeholder(start, end);
    int next = skipSpace(parsed.end());
    if (next < end) {
      throw error(
          next,
          "unexpected " + word(next, end) + " in " + function + "(): it takes one placeholder");
    }
    Operand.Ref ref = (Operand.Ref) parsed.right();
    Placeholder p = ref.placeholder();
    if (!function.equals("has") && p != Placeholder.BODY && p != Placeholder.HEADER) {
      String does = function.equals("len") ? "counts" : "reads a timestamp from";
      throw error(
          start,
          function + "() " + does + " [BODY], [BODY].path or [HEADER].Name, not " + p.token());
    }
    return ref;
  }

  private Right pattern(int at, int open, int close) throws ConditionSyntaxException {
    int start = skipSpace(open + 1);
    int end = trimEnd(open + 1, close);
    if (start < end && text.charAt(start) == '"') {
      int quote = closingQuote(start, end);
      int next = skipSpace(quote + 1);
      if (next < end) {
        throw error(next, "unexpected " + word(next, end) + " after the quoted pattern");
      }
      return new Right.Pattern(unescape(start + 1, quote), at);
    }
    return new Right.Pattern(text.substring(start, Math.max(start, end)), at);
  }

  private Right anyOf(int at, int open, int close) throws ConditionSyntaxException {
    List<Value> values = new ArrayList<>();
    int from = open + 1;
    if (skipSpace(from) >= close) {
      throw error(close, "any() needs at least one value, e.g. any(200, 204)");
    }
    while (from <= close) {
      int start = skipSpace(from);
      int end = start < close && text.charAt(start) == '"' ? closingQuote(start, close) + 1 : start;
      int comma = text.indexOf(',', end);
      int stop = comma < 0 || comma > close ? close : comma;
      int valueEnd = trimEnd(start, stop);
      if (start >= valueEnd) {
        throw error(start, "empty value in any()");
      }
      values.add(literal(start, valueEnd).value());
      from = stop + 1;
    }
    return new Right.AnyOf(values, at);
  }

  /** A literal: a quoted text, or a number, duration, true/false or text as written. */
  private Operand.Literal literal(int start, int end) throws ConditionSyntaxException {
    if (text.charAt(start) == '"') {
      int quote = closingQuote(start, end);
      int next = skipSpace(quote + 1);
      if (next < end) {
        throw error(next, "unexpected " + word(next, end) + " after the quoted text");
      }
      return new Operand.Literal(new Value.Text(unescape(start + 1, quote)), start);
    }
    Matcher combined = COMBINED.matcher(text).region(start, end);
    if (combined.find()) {
      throw error(
          combined.start(1),
          "conditions cannot be combined with "
              + combined.group(1)
              + ": give each condition its own line (quote the text if it is meant literally)");
    }
    return new Operand.Literal(Literals.typed(text.substring(start, end)), start);
  }

  private void expectEnd(int at, int end, String after) throws ConditionSyntaxException {
    int next = skipSpace(at);
    if (next < end) {
      throw error(next, "unexpected " + word(next, end) + " after " + after);
    }
  }

  private int closingParen(int open, int end) throws ConditionSyntaxException {
    int depth = 0;
    boolean argumentStart = false;
    for (int i = open; i < end; i++) {
      char c = text.charAt(i);
      if (c == '"' && argumentStart) {
        i = closingQuote(i, end);
        argumentStart = false;
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
      argumentStart = c == '(' || c == ',' || (argumentStart && Character.isWhitespace(c));
    }
    throw unclosed(open);
  }

  private int closingQuote(int open, int end) throws ConditionSyntaxException {
    for (int i = open + 1; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    throw unclosed(open);
  }

  /** The text between quotes with {@code \"} and {@code \\} unescaped. */
  private String unescape(int from, int to) {
    StringBuilder out = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < to && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
        c = text.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }

  private static boolean isKeyChar(char c) {
    return c != '.'
        && c != '['
        && c != ']'
        && c != '('
        && c != ')'
        && c != ','
        && !Character.isWhitespace(c);
  }

  /** RFC 9110 token characters, what a header name is made of. */
  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
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

  /** The token starting at {@code at}: up to the next space, shortened for a message. */
  private String word(int at, int end) {
    int i = at;
    while (i < end && !Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    String word = text.substring(at, i);
    return word.length() > 30 ? word.substring(0, 30) + "…" : word;
  }

  private ConditionSyntaxException unclosed(int at) {
    char c = text.charAt(at);
    String closer = c == '(' ? ")" : c == '[' ? "]" : "\"";
    return error(at, "unclosed " + c + ": no matching " + closer);
  }

  private ConditionSyntaxException error(int index, String message) {
    return new ConditionSyntaxException(message, text, index + 1);
  }
}
