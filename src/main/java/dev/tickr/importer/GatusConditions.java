package dev.tickr.importer;

import dev.tickr.assertion.ConditionParser;
import dev.tickr.assertion.ConditionSyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns one Gatus condition into Tickr's, only where it keeps its meaning. Gatus splits on the
 * first of {@code " == "}, {@code " != "}, {@code " <= "}, {@code " >= "}, {@code " > "}, {@code "
 * < "} that occurs; reads both sides alike; compares {@code ==} as integers (Go's base prefixes:
 * {@code 0x}, {@code 0o}, {@code 0b}, {@code _} between digits, a leading {@code 0} for octal) or
 * else as text, and {@code any()} as text; and orders as whole numbers or Go durations, anything
 * else being 0. Tickr reads all of that alike but the leading-{@code 0} octal, decimals and
 * durations; where it would judge differently the condition is left out with the reason.
 */
final class GatusConditions {
  /** A translated condition, or why there is none. */
  record Result(@Nullable String condition, @Nullable String whyNot) {
    static Result kept(String condition) {
      return new Result(condition, null);
    }

    static Result dropped(String why) {
      return new Result(null, why);
    }
  }

  private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", ">", "<");
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "(?i)\\[(STATUS|IP|RESPONSE_TIME|BODY|CONNECTED|CERTIFICATE_EXPIRATION"
              + "|DOMAIN_EXPIRATION|DNS_RCODE|CONTEXT)\\](.*)",
          Pattern.DOTALL);
  private static final Pattern FUNCTION = Pattern.compile("(len|has)\\((.*)\\)", Pattern.DOTALL);
  private static final Pattern GO_INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9]*)");

  /** Go's whole numbers with a base prefix or {@code _}, which Tickr reads as Gatus does. */
  private static final Pattern BASE_INTEGER =
      Pattern.compile(
          "[-+]?(0|[1-9](_?[0-9])*|0[xX](_?[0-9a-fA-F])+|0[oO](_?[0-7])+|0[bB](_?[01])+)");

  /** Go's older octal, a bare leading 0: 010 is 8 to Gatus, 10 or text to Tickr. */
  private static final Pattern LEGACY_OCTAL = Pattern.compile("[-+]?0[0-9_]+");

  /** A number written as Gatus's {@code any()} and Tickr's alike compare it: as its text. */
  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?");

  private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]*\\.[0-9]+([eE][-+]?[0-9]+)?");
  private static final Pattern GO_DURATION =
      Pattern.compile("[-+]?(([0-9]*\\.)?[0-9]+(ns|us|µs|ms|s|m|h))+");
  private static final Pattern DAY_DURATION =
      Pattern.compile("[-+]?(([0-9]*\\.)?[0-9]+(ns|us|µs|ms|s|m|h|d))+");

  private GatusConditions() {}

  /**
   * @param dns whether the endpoint is a DNS query (whose {@code [BODY]} Gatus sets to the last
   *     record only)
   */
  static Result translate(String condition, boolean dns) {
    String operator = null;
    String[] sides = null;
    for (String op : OPERATORS) {
      sides = condition.split(Pattern.quote(" " + op + " "), -1);
      if (sides.length > 1) {
        operator = op;
        break;
      }
    }
    if (operator == null || sides == null) {
      return Result.dropped("no operator surrounded by spaces (Gatus rejects it too)");
    }
    if (sides.length > 2) {
      return Result.dropped("Gatus compares only the first two of its " + sides.length + " parts");
    }
    String left = sides[0].strip();
    String right = sides[1].strip();
    boolean leftValue = isValue(left);
    boolean rightValue = isValue(right);
    if (!leftValue && rightValue) {
      String swapped = left;
      left = right;
      right = swapped;
      operator = flipped(operator);
    } else if (!leftValue) {
      // Two literals: Gatus compares them with each other, and so does Tickr.
      return checked(literal(operator, left), operator, literal(operator, right));
    }
    String why = unsupported(left, dns);
    if (why == null && rightValue) {
      why = unsupported(right, dns);
    }
    if (why != null) {
      return Result.dropped(why);
    }
    if (left.toUpperCase(Locale.ROOT).equals("[DNS_RCODE]")) {
      return rcode(operator, right, dns);
    }
    return checked(value(left), operator, rightValue ? value(right) : literal(operator, right));
  }

  /** The condition, if Tickr reads it; a side starting with "!" is why it is left out. */
  private static Result checked(String left, String operator, String right) {
    for (String side : List.of(left, right)) {
      if (side.startsWith("!")) {
        return Result.dropped(side.substring(1));
      }
    }
    String tickr = left + " " + operator + " " + right;
    try {
      ConditionParser.parse(tickr);
    } catch (ConditionSyntaxException e) {
      return Result.dropped("Tickr cannot judge it: " + e.getMessage());
    }
    return Result.kept(tickr);
  }

  private static boolean isValue(String side) {
    Matcher function = FUNCTION.matcher(side);
    return PLACEHOLDER.matcher(side).matches()
        || (function.matches() && PLACEHOLDER.matcher(function.group(2).strip()).matches());
  }

  private static String flipped(String operator) {
    return switch (operator) {
      case "<" -> ">";
      case ">" -> "<";
      case "<=" -> ">=";
      case ">=" -> "<=";
      default -> operator;
    };
  }

  /** Why Tickr has no equal of this placeholder or function, or null. */
  private static @Nullable String unsupported(String side, boolean dns) {
    Matcher function = FUNCTION.matcher(side);
    String inner = function.matches() ? function.group(2).strip() : side;
    Matcher placeholder = PLACEHOLDER.matcher(inner);
    if (!placeholder.matches()) {
      return null;
    }
    String name = placeholder.group(1).toUpperCase(Locale.ROOT);
    String path = placeholder.group(2);
    if (name.equals("DOMAIN_EXPIRATION")) {
      return "Tickr has no [DOMAIN_EXPIRATION] yet";
    }
    if (name.equals("CONTEXT")) {
      return "[CONTEXT] belongs to Gatus suites, which Tickr has not";
    }
    if (!name.equals("BODY")) {
      return null;
    }
    if (dns) {
      return path.isEmpty()
          ? "Gatus's DNS [BODY] is the last record only (an MX without its preference); Tickr's"
              + " lists every record, one a line: rewrite it as [BODY] == pat(*VALUE*)"
          : "a DNS answer is not JSON";
    }
    return null;
  }

  private static Result rcode(String operator, String right, boolean dns) {
    if (dns && operator.equals("==") && right.equals("NOERROR")) {
      return Result.kept("[HEADER].X-Dns-Rcode == NOERROR");
    }
    return Result.dropped(
        "a Tickr DNS check fails on any code but NOERROR, so only [DNS_RCODE] == NOERROR is"
            + " carried over");
  }

  /** The side as Tickr writes it: placeholder names in capitals, functions as they are. */
  private static String value(String side) {
    Matcher function = FUNCTION.matcher(side);
    if (function.matches()) {
      return function.group(1) + "(" + value(function.group(2).strip()) + ")";
    }
    Matcher placeholder = PLACEHOLDER.matcher(side);
    return placeholder.matches()
        ? "[" + placeholder.group(1).toUpperCase(Locale.ROOT) + "]" + placeholder.group(2)
        : side;
  }

  /** A literal written for Tickr, or "!" and why it would change meaning. */
  private static String literal(String operator, String text) {
    boolean ordering = !operator.equals("==") && !operator.equals("!=");
    if (ordering) {
      if (LEGACY_OCTAL.matcher(text).matches()) {
        return "!Gatus reads " + text + " as octal (a leading 0); Tickr as decimal";
      }
      if (BASE_INTEGER.matcher(text).matches() || GO_DURATION.matcher(text).matches()) {
        return text;
      }
      if (DECIMAL.matcher(text).matches()) {
        return "!Gatus orders whole numbers only: it cuts " + text + " to an integer";
      }
      return "!Gatus orders " + describe(text) + " as 0";
    }
    if (text.startsWith("pat(") && text.endsWith(")")) {
      String glob = text.substring(4, text.length() - 1);
      if (glob.matches(".*[\\[\\]\\\\].*")) {
        return "!Gatus reads [, ] and \\ in pat() as character classes and escapes; Tickr does"
            + " not";
      }
      return text;
    }
    if (text.startsWith("any(") && text.endsWith(")")) {
      return anyOf(text);
    }
    if (LEGACY_OCTAL.matcher(text).matches()) {
      return "!Gatus reads " + text + " as octal (a leading 0 makes 010 eight); Tickr as decimal";
    }
    if (DAY_DURATION.matcher(text).matches() && !GO_INTEGER.matcher(text).matches()) {
      // Gatus compares a duration with == as text; quoted, so does Tickr.
      return "\"" + text + "\"";
    }
    if (DECIMAL.matcher(text).matches() && (text.endsWith("0") || text.startsWith("."))) {
      return "!Gatus compares " + text + " as text; Tickr compares numbers by value";
    }
    boolean quote =
        text.startsWith("\"")
            || text.matches("\\[[A-Z].*")
            || text.startsWith("pat(")
            || text.startsWith("any(");
    return quote ? "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : text;
  }

  /** {@code any(...)} as it is, if Tickr compares each value as Gatus does: as its text. */
  private static String anyOf(String text) {
    if (text.contains("\"")) {
      return "!Tickr reads quotes inside any() as quoting; Gatus as text";
    }
    for (String value : text.substring(4, text.length() - 1).split(",", -1)) {
      String v = value.strip();
      boolean number = BASE_INTEGER.matcher(v).matches() || LEGACY_OCTAL.matcher(v).matches();
      boolean decimal = DECIMAL.matcher(v).matches() || DAY_DURATION.matcher(v).matches();
      if ((number || decimal) && !PLAIN_NUMBER.matcher(v).matches()) {
        return "!Gatus compares "
            + v
            + " in any() as text; Tickr compares numbers and durations by value";
      }
    }
    return text;
  }

  private static String describe(String text) {
    return DAY_DURATION.matcher(text).matches()
        ? text + " (its d unit is not Go's)"
        : "the text \"" + text + "\"";
  }
}
