package dev.tickr.check.template;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A text with placeholders filled in each time it is used: {@code {{uuid}}}, {@code {{random:N}}},
 * {@code {{now}}} and its date-math forms ({@code {{now-7d/d:yyyy-MM-dd}}}), and names a caller
 * declares. Read once (every mistake found then, with its offset), rendered per request. <code>\{{
 * </code> writes a literal <code>{{</code>.
 */
public final class Template {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String EXPECTED =
      "uuid, random:N, now, now:FORMAT, now-7d/d:FORMAT or now:FORMAT@ZONE";

  private final String text;

  /** Literal texts and placeholders in order; only {@link String} and {@link Placeholder}. */
  private final List<Object> parts;

  /** The offset of the first placeholder, or -1. */
  private final int firstPlaceholder;

  private Template(String text, List<Object> parts, int firstPlaceholder) {
    this.text = text;
    this.parts = List.copyOf(parts);
    this.firstPlaceholder = firstPlaceholder;
  }

  /** Reads {@code text}, which may name no placeholders but the generated ones. */
  public static Template parse(String text) {
    return parse(text, Set.of());
  }

  /**
   * Reads {@code text}.
   *
   * @param declared the names {@code {{NAME}}} may use besides the generated ones
   * @throws TemplateException naming the offset of the first placeholder that is wrong
   */
  public static Template parse(String text, Set<String> declared) {
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int first = -1;
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("\\{{", i)) {
        literal.append("{{");
        i += 3;
      } else if (text.startsWith("{{", i)) {
        int close = text.indexOf("}}", i + 2);
        if (close < 0) {
          throw new TemplateException(
              i,
              "{{ is not closed by }}: expected {{"
                  + EXPECTED
                  + "}} (write \\{{ for a literal {{)");
        }
        Placeholder p = placeholder(text.substring(i + 2, close).strip(), i, declared);
        if (!literal.isEmpty()) {
          parts.add(literal.toString());
          literal.setLength(0);
        }
        parts.add(p);
        first = first < 0 ? i : first;
        i = close + 2;
      } else {
        literal.append(text.charAt(i));
        i++;
      }
    }
    if (!literal.isEmpty()) {
      parts.add(literal.toString());
    }
    return new Template(text, parts, first);
  }

  /** Whether {@code text} has anything for {@link #parse} to do: a cheap test for the hot path. */
  public static boolean mayHavePlaceholders(String text) {
    return text.contains("{{");
  }

  /** The text as written. */
  public String text() {
    return text;
  }

  /** Whether it has no placeholder: it renders to the same text each time. */
  public boolean isConstant() {
    return firstPlaceholder < 0;
  }

  /** The offset in {@link #text} of the first placeholder, or -1 when there is none. */
  public int firstPlaceholder() {
    return firstPlaceholder;
  }

  /**
   * The literal texts between placeholders, <code>\{{</code> already turned into <code>{{</code>.
   */
  public List<String> literals() {
    List<String> out = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof String s) {
        out.add(s);
      }
    }
    return out;
  }

  public String render(RenderContext context) {
    return render(context, UnaryOperator.identity());
  }

  /**
   * The text with each placeholder filled in, its value passed through {@code encode} (say, a URL's
   * percent-encoding); literal parts are kept as they are.
   */
  public String render(RenderContext context, UnaryOperator<String> encode) {
    StringBuilder out = new StringBuilder(text.length() + 32);
    for (Object part : parts) {
      if (part instanceof Placeholder p) {
        out.append(encode.apply(p.value(context)));
      } else {
        out.append((String) part);
      }
    }
    return out.toString();
  }

  /** Equal when written the same: one text reads to the same parts. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Template other && other.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  private static Placeholder placeholder(String inner, int at, Set<String> declared) {
    try {
      if (inner.equals("uuid")) {
        return new Placeholder.Uuid();
      }
      if (inner.startsWith("random:")) {
        return digits(inner.substring("random:".length()));
      }
      if (inner.startsWith("now")) {
        return now(inner.substring("now".length()));
      }
    } catch (IllegalArgumentException e) {
      throw new TemplateException(at, "{{" + inner + "}}: " + e.getMessage());
    }
    if (NAME.matcher(inner).matches() && declared.contains(inner)) {
      return new Placeholder.Variable(inner);
    }
    String got = inner.isEmpty() ? "{{}}" : "{{" + inner + "}}";
    throw new TemplateException(
        at,
        "unknown placeholder "
            + got
            + ": expected {{"
            + EXPECTED
            + "}}"
            + (declared.isEmpty()
                ? ""
                : " or one of " + String.join(", ", declared.stream().sorted().toList()))
            + " (write \\{{ for a literal {{)");
  }

  private static Placeholder digits(String count) {
    int n;
    try {
      n = Integer.parseInt(count);
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 1 || n > Placeholder.Digits.MAX) {
      throw new IllegalArgumentException(
          "the number of digits must be 1 to "
              + Placeholder.Digits.MAX
              + ", got \""
              + count
              + "\"");
    }
    return new Placeholder.Digits(n);
  }

  /**
   * What follows {@code now}: date math, then {@code :FORMAT}, then {@code @ZONE}, each optional.
   */
  private static Placeholder now(String rest) {
    int colon = rest.indexOf(':');
    int atSign = rest.lastIndexOf('@');
    if (atSign >= 0 && colon > atSign) {
      atSign = -1; // an @ inside the math is an error the math reports
    }
    int mathEnd = colon >= 0 ? colon : atSign >= 0 ? atSign : rest.length();
    DateMath math = DateMath.parse(rest.substring(0, mathEnd));
    TimeFormat format = TimeFormat.ISO;
    if (colon >= 0) {
      format = TimeFormat.of(rest.substring(colon + 1, atSign >= 0 ? atSign : rest.length()));
    }
    ZoneId zone = ZoneOffset.UTC;
    if (atSign >= 0) {
      String name = rest.substring(atSign + 1);
      try {
        zone = ZoneId.of(name);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(
            "unknown time zone \"" + name + "\"; expected a name like Europe/Berlin or UTC", e);
      }
    }
    return new Placeholder.Now(math, format, zone);
  }
}
