package dev.tickr.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Text made safe for HTML and for URLs in it: the one escaping every page of Tickr uses. */
public final class Html {
  private Html() {}

  /**
   * {@code text} percent-encoded for a path segment or query value of a URL, with a space as {@code
   * %20} (which both accept), such as a monitor's name in {@code /monitors/<name>}.
   */
  public static String urlPart(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code text} with {@code < > & " '} escaped, for element content and quoted attributes. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
