package dev.tickr.check.http;

import dev.tickr.check.Body;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads where a {@code Refresh} header or an HTML {@code <meta http-equiv="refresh">} points: the
 * two ways, besides a 30x, that tracking links send a browser on.
 */
final class Refresh {
  /** How much of a body is searched for a meta refresh: it belongs in the {@code <head>}. */
  static final int META_WINDOW = 8 * 1024;

  private static final Pattern META = Pattern.compile("<meta\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern HTTP_EQUIV =
      Pattern.compile("http-equiv\\s*=\\s*[\"']?\\s*refresh\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern CONTENT =
      Pattern.compile("content\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
  private static final Pattern URL_PART =
      Pattern.compile("^\\s*[\\d.]*\\s*[;,]\\s*(?:url\\s*=\\s*)?(.*)$", Pattern.CASE_INSENSITIVE);

  private Refresh() {}

  /** The URL of a {@code Refresh} value like {@code 0; url=https://…}, or null when it has none. */
  static @Nullable String url(@Nullable String value) {
    if (value == null) {
      return null;
    }
    Matcher m = URL_PART.matcher(value);
    if (!m.matches()) {
      return null;
    }
    String url = m.group(1).strip();
    if (url.length() >= 2
        && (url.charAt(0) == '\'' || url.charAt(0) == '"')
        && url.charAt(url.length() - 1) == url.charAt(0)) {
      url = url.substring(1, url.length() - 1).strip();
    }
    return url.isEmpty() ? null : url;
  }

  /** Where a meta refresh in the start of an HTML body points, or null. */
  static @Nullable String meta(Body body) {
    String type = body.contentType();
    if (type != null && !type.toLowerCase(Locale.ROOT).contains("html")) {
      return null;
    }
    byte[] bytes = body.bytes();
    int length = Math.min(bytes.length, META_WINDOW);
    // Markup is ASCII in every charset a page declares; ISO-8859-1 keeps each byte one char.
    String start = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    Matcher tag = META.matcher(start);
    while (tag.find()) {
      String element = tag.group();
      if (!HTTP_EQUIV.matcher(element).find()) {
        continue;
      }
      Matcher content = CONTENT.matcher(element);
      if (content.find()) {
        String value = content.group(1) != null ? content.group(1) : content.group(2);
        String url = url(value.replace("&amp;", "&"));
        if (url != null) {
          return url;
        }
      }
    }
    return null;
  }
}
