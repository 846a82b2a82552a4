package dev.tickr.alert.channel;

import dev.tickr.config.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A channel's {@code title:} or {@code message:}: text with <code>{{field}}</code> placeholders
 * over one alert's fields, nothing more (no conditions, no loops). Parsed once when the config
 * loads, so a misspelt field is a config problem rather than a broken message at 3 a.m.
 *
 * <pre>{{monitor}} is {{EVENT}} since {{started_at}}: {{detail}}</pre>
 */
public final class Template {

  /** Every field a template may name; {@link Messages#fields} gives their values. */
  public static final List<String> FIELDS =
      List.of(
          "monitor",
          "event",
          "EVENT",
          "reason",
          "detail",
          "explanation",
          "hint",
          "status",
          "started_at",
          "ended_at",
          "duration",
          "incident_id",
          "tags",
          "evidence",
          "certificate_expires_at",
          "dashboard_url",
          "monitor_url",
          "impact");

  private static final String OPEN = "{{";
  private static final String CLOSE = "}}";

  /** A literal piece or a field name, in order. */
  private record Part(String text, boolean field) {}

  /** A template that does not parse, at a 1-based column of its text. */
  public static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int column;

    SyntaxException(String message, int column) {
      super(message);
      this.column = column;
    }

    public int column() {
      return column;
    }
  }

  private final String source;
  private final List<Part> parts;

  private Template(String source, List<Part> parts) {
    this.source = source;
    this.parts = List.copyOf(parts);
  }

  /**
   * @throws SyntaxException for an unclosed <code>{{</code>, an empty <code>{{}}</code> or an
   *     unknown field
   */
  public static Template parse(String text) throws SyntaxException {
    List<Part> parts = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int open = text.indexOf(OPEN, at);
      if (open < 0) {
        parts.add(new Part(text.substring(at), false));
        break;
      }
      if (open > at) {
        parts.add(new Part(text.substring(at, open), false));
      }
      int close = text.indexOf(CLOSE, open + OPEN.length());
      if (close < 0) {
        throw new SyntaxException("\"{{\" is not closed with \"}}\"", open + 1);
      }
      String name = text.substring(open + OPEN.length(), close).strip();
      if (name.isEmpty()) {
        throw new SyntaxException("empty \"{{}}\": name a field", open + 1);
      }
      if (!FIELDS.contains(name)) {
        String hint = Suggestions.didYouMean(name, FIELDS);
        throw new SyntaxException(
            "unknown field \"" + name + "\"" + hint + "; fields: " + String.join(", ", FIELDS),
            open + 1);
      }
      parts.add(new Part(name, true));
      at = close + CLOSE.length();
    }
    return new Template(text, parts);
  }

  /**
   * The text with each field replaced by its value passed through {@code escape} (the channel's
   * markup escaping); the template's own text is left as written, markup included.
   */
  public String render(Map<String, String> values, UnaryOperator<String> escape) {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (part.field()) {
        out.append(escape.apply(values.getOrDefault(part.text(), "")));
      } else {
        out.append(part.text());
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return source;
  }
}
