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
        out.append("; ").append(h.name()).append(": ").append(value);
        shown++;
      }
    }
    return out.toString();
  }

  private static boolean told(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("retry-after")
        || n.startsWith("x-ratelimit")
        || n.equals("ratelimit")
        || n.startsWith("ratelimit-");
  }
}
