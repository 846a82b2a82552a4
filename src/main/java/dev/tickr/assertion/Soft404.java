package dev.tickr.assertion;

import dev.tickr.check.Observation;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code [SOFT_404]}: whether a landing page says "not found" while answering as if all were well.
 * It reads the page's {@code <title>} and first {@code <h1>}; the value is {@code none}, or the
 * sign found, e.g. {@code title "Page not found"}, so that a failed {@code [SOFT_404] == none} says
 * why.
 */
final class Soft404 {
  static final String NONE = "none";

  /** Phrases of error pages, lower case; a page title holding one is taken for a soft 404. */
  static final List<String> PHRASES =
      List.of(
          "not found",
          "404",
          "page doesn't exist",
          "page does not exist",
          "page you requested",
          "no longer available",
          "cannot be found",
          "can't be found",
          "could not be found",
          "nicht gefunden",
          "introuvable",
          "no encontrada");

  private static final int WINDOW = 16 * 1024;
  private static final Pattern TITLE =
      Pattern.compile("<title[^>]*>([^<]{0,300})</title>", Pattern.CASE_INSENSITIVE);
  private static final Pattern H1 =
      Pattern.compile("<h1[^>]*>([^<]{0,300})</h1>", Pattern.CASE_INSENSITIVE);

  private Soft404() {}

  static Value of(Observation o, String body) {
    Integer status = o.status();
    if (status != null && (status == 404 || status == 410)) {
      return new Value.Text("status " + status);
    }
    String start = body.length() > WINDOW ? body.substring(0, WINDOW) : body;
    String sign = sign("title", TITLE.matcher(start));
    if (sign == null) {
      sign = sign("heading", H1.matcher(start));
    }
    return new Value.Text(sign == null ? NONE : sign);
  }

  private static @org.jspecify.annotations.Nullable String sign(String what, Matcher m) {
    if (!m.find()) {
      return null;
    }
    String text = m.group(1).replaceAll("\\s+", " ").strip();
    String lower = text.toLowerCase(Locale.ROOT);
    for (String phrase : PHRASES) {
      if (lower.contains(phrase)) {
        return what + " " + Literals.quoted(text);
      }
    }
    return null;
  }
}
