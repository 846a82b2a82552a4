package dev.tickr.config;

import dev.tickr.config.Node.Invalid;
import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import dev.tickr.config.Node.Sequence;
import dev.tickr.time.Durations;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Turns nodes into typed values, reporting each value that does not fit by the name of its field.
 * Every method returns {@code null} after reporting, or for a value reported before ({@link
 * Invalid}), so callers go on and find the next problem.
 */
public final class Read {
  /** Whether {@code text} is a whole number: an optional sign and ASCII digits. */
  public static boolean wholeNumber(String text) {
    int start = !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
    if (start == text.length()) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private final Problems problems;

  /**
   * Durations already parsed: a big file repeats a handful ({@code defaults:} ones for each
   * monitor).
   */
  private final java.util.Map<String, Duration> durations = new java.util.HashMap<>();

  Read(Problems problems) {
    this.problems = problems;
  }

  Problems problems() {
    return problems;
  }

  public void problem(Location where, String message) {
    problems.add(where, message);
  }

  /** A scalar with a value, else a problem "{what} must be {expected}, got ...". */
  public @Nullable Scalar scalar(Node node, String what, String expected) {
    if (node instanceof Invalid) {
      return null;
    }
    if (node instanceof Scalar s && !s.isNull()) {
      return s;
    }
    problem(node.at(), what + " must be " + expected + ", got " + Node.describe(node));
    return null;
  }

  public @Nullable String text(Node node, String what) {
    Scalar s = scalar(node, what, "a string");
    return s == null ? null : s.text();
  }

  /** A string with something in it besides spaces. */
  public @Nullable String nonEmptyText(Node node, String what) {
    Scalar s = scalar(node, what, "a string");
    if (s == null) {
      return null;
    }
    if (s.text().isBlank()) {
      problem(s.at(), what + " must not be empty");
      return null;
    }
    return s.text();
  }

  public @Nullable Mapping mapping(Node node, String what, String expected) {
    if (node instanceof Invalid) {
      return null;
    }
    if (node instanceof Mapping m) {
      return m;
    }
    problem(node.at(), what + " must be " + expected + ", got " + Node.describe(node));
    return null;
  }

  public @Nullable Sequence sequence(Node node, String what, String expected) {
    if (node instanceof Invalid) {
      return null;
    }
    if (node instanceof Sequence s) {
      return s;
    }
    problem(node.at(), what + " must be " + expected + ", got " + Node.describe(node));
    return null;
  }

  /** The non-empty string items of a list; each other item is reported by its index. */
  public @Nullable List<Scalar> strings(Node node, String what) {
    Sequence list = sequence(node, what, "a list of strings");
    if (list == null) {
      return null;
    }
    List<Scalar> out = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      String item = what + "[" + i + "]";
      Scalar s = scalar(list.items().get(i), item, "a string");
      if (s != null && s.text().isBlank()) {
        problem(s.at(), item + " must not be empty");
      } else if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /** A Go-style duration such as {@code 30s}, {@code 1h30m}, {@code 7d}. */
  public @Nullable Duration duration(Node node, String what) {
    String expected = "a duration like 30s";
    Scalar s = scalar(node, what, expected);
    if (s == null) {
      return null;
    }
    String text = s.text().strip();
    if (wholeNumber(text)) {
      problem(
          s.at(),
          what
              + " must be "
              + expected
              + ", got "
              + Node.describe(s)
              + " (add a unit, e.g. "
              + (s.secret() ? "30" : text)
              + "s)");
      return null;
    }
    Duration known = durations.get(text);
    if (known != null) {
      return known;
    }
    try {
      Duration parsed = Durations.parse(text);
      durations.put(text, parsed);
      return parsed;
    } catch (DateTimeParseException e) {
      problem(s.at(), what + " must be " + expected + ", got " + Node.describe(s));
      return null;
    }
  }

  /** A duration of at least {@code min}. */
  public @Nullable Duration duration(Node node, String what, Duration min) {
    Duration d = duration(node, what);
    if (d != null && d.compareTo(min) < 0) {
      problem(
          node.at(),
          what + " must be at least " + Durations.format(min) + ", got " + Node.describe(node));
      return null;
    }
    return d;
  }

  /** A whole number in {@code [min, max]}. */
  public @Nullable Integer integer(Node node, String what, int min, int max) {
    Scalar s = scalar(node, what, "a whole number");
    if (s == null) {
      return null;
    }
    String text = s.text().strip();
    long value;
    try {
      value = wholeNumber(text) ? Long.parseLong(text) : Long.MIN_VALUE;
    } catch (NumberFormatException e) {
      value = Long.MIN_VALUE;
    }
    if (value == Long.MIN_VALUE) {
      problem(s.at(), what + " must be a whole number, got " + Node.describe(s));
      return null;
    }
    if (value < min || value > max) {
      String range =
          max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
      problem(s.at(), what + " must be " + range + ", got " + Node.describe(s));
      return null;
    }
    return (int) value;
  }

  public @Nullable Boolean bool(Node node, String what) {
    Scalar s = scalar(node, what, "true or false");
    if (s == null) {
      return null;
    }
    return switch (s.text()) {
      case "true", "True", "TRUE" -> true;
      case "false", "False", "FALSE" -> false;
      default -> {
        problem(s.at(), what + " must be true or false, got " + Node.describe(s));
        yield null;
      }
    };
  }

  /** A URI, or a problem pointing at the offending character when the text is not one. */
  public @Nullable URI uri(Scalar s, String what) {
    try {
      return new URI(s.text());
    } catch (URISyntaxException e) {
      String reason = e.getReason();
      problem(
          s.at(Math.max(0, e.getIndex())),
          what
              + " is not a valid URL: "
              + reason.substring(0, 1).toLowerCase(Locale.ROOT)
              + reason.substring(1)
              + (s.secret() ? "" : ", in " + Node.describe(s)));
      return null;
    }
  }

  private static final java.util.regex.Pattern HOST_NAME =
      java.util.regex.Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*)");
  private static final java.util.regex.Pattern IPV6 =
      java.util.regex.Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[\\w.]+)?");

  /** A host name or IP address (an IPv6 one with or without brackets), without scheme or port. */
  public @Nullable String host(Node node, String what) {
    String text = nonEmptyText(node, what);
    if (text == null) {
      return null;
    }
    String host = text.strip();
    if (host.contains("://")) {
      problem(
          node.at(),
          what + " must be a host name or IP address, not a URL, got " + Node.describe(node));
      return null;
    }
    String bare = unbracket(host);
    if (isIpv6(bare)) {
      return bare;
    }
    if (host.matches("[^:\\[\\]]+:\\d+")) {
      problem(
          node.at(), what + " must not include the port (use port:), got " + Node.describe(node));
      return null;
    }
    if (!isHostName(host)) {
      problem(node.at(), what + " must be a host name or IP address, got " + Node.describe(node));
      return null;
    }
    return host;
  }

  /** Whether {@code text} is written like a host name (or an IPv4 address). */
  public static boolean isHostName(String text) {
    return HOST_NAME.matcher(text).matches();
  }

  /** Whether {@code text} is written like an IPv6 address, without brackets. */
  public static boolean isIpv6(String text) {
    return IPV6.matcher(text).matches() && text.indexOf(':') != text.lastIndexOf(':');
  }

  /** {@code host} without the brackets of an IPv6 address. */
  public static String unbracket(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
