package dev.tickr.assertion;

import dev.tickr.check.Header;
import dev.tickr.check.Headers;
import java.util.Locale;

/**
 * The headers a rate-limited answer tells its limits with, for the detail people read: {@code
 * Retry-After}, {@code X-RateLimit-*} and the standard draft's {@code RateLimit-*}, in the order
 * the answer sent them.
 */
final class RateLimitHeaders {
  /** At most this many headers are shown, each value cut to {@link #VALUE} characters. */
  static final int MAX = 8;

  static final int VALUE = 80;

  private RateLimitHeaders() {}

  /** {@code "; Retry-After: 120; X-RateLimit-Remaining-hour: 0"}, or "" when none was sent. */
  static String describe(Headers headers) {
    StringBuilder out = new StringBuilder();
    int shown = 0;
    for (Header h : headers.all()) {
      if (shown == MAX) {
        break;
      }
      if (!h.secret() && told(h.name())) {
        String value = h.value().strip();
        if (value.length() > VALUE) {
          value = value.substring(0, VALUE - 1) + "…";
        }
        out.append("; ").append(spelled(h.name())).append(": ").append(value);
        shown++;
      }
    }
    return out.toString();
  }

  /**
   * The name with its known part spelled as the standards do ({@code Retry-After}, {@code
   * X-RateLimit}, {@code RateLimit}), whatever case it came in (HTTP/2 sends lower case); the rest
   * as sent.
   */
  static String spelled(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("retry-after")) {
      return "Retry-After";
    }
    if (n.startsWith("x-ratelimit")) {
      return "X-RateLimit" + name.substring("x-ratelimit".length());
    }
    if (n.startsWith("ratelimit")) {
      return "RateLimit" + name.substring("ratelimit".length());
    }
    return name;
  }

  private static boolean told(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("retry-after")
        || n.startsWith("x-ratelimit")
        || n.equals("ratelimit")
        || n.startsWith("ratelimit-");
  }
}
