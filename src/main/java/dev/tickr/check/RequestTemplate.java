package dev.tickr.check;

import dev.tickr.check.template.RenderContext;
import dev.tickr.check.template.Template;
import dev.tickr.check.template.TemplateException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The parts of an HTTP request written with placeholders ({@code {{now-1d/d:yyyy-MM-dd}}}, {@code
 * {{uuid}}}), filled in once per check: the URL's path and query, header values and the body. The
 * target that holds it carries the texts as written (headers and body) and the URL as filled in for
 * {@link #SAMPLE_TIME}; {@link #render} gives the request to send.
 *
 * @param url the URL as written, or {@code null} when it has no placeholder
 * @param headers the headers whose values have placeholders, by their index in the target's list
 * @param body the body as written, or {@code null} when it has none or no placeholder
 */
public record RequestTemplate(
    @Nullable Template url, List<HeaderTemplate> headers, @Nullable Template body) {

  /** The time a URL with placeholders is filled in for when it is read, to check what it gives. */
  public static final Instant SAMPLE_TIME = Instant.parse("2001-02-03T04:05:06Z");

  /** A header value with placeholders. */
  public record HeaderTemplate(int index, Template value) {}

  public RequestTemplate {
    headers = List.copyOf(headers);
  }

  /** {@code null} when nothing has a placeholder: a target without one pays nothing per check. */
  public static @Nullable RequestTemplate of(
      @Nullable Template url, List<HeaderTemplate> headers, @Nullable Template body) {
    return url == null && headers.isEmpty() && body == null
        ? null
        : new RequestTemplate(url, headers, body);
  }

  /**
   * {@code text} read as a template, or {@code null} when it has no placeholder (a <code>\{{</code>
   * is still a template, which writes <code>{{</code>).
   *
   * @throws TemplateException at the offset of a placeholder that is wrong
   */
  public static @Nullable Template parse(String text) {
    return parse(text, Set.of());
  }

  /**
   * As {@link #parse(String)}, {@code {{NAME}}} allowed for each name of {@code declared}.
   *
   * @throws TemplateException at the offset of a placeholder that is wrong
   */
  public static @Nullable Template parse(String text, Set<String> declared) {
    if (!Template.mayHavePlaceholders(text)) {
      return null;
    }
    Template t = Template.parse(text, declared);
    return t.isConstant() && !text.contains("\\{{") ? null : t;
  }

  /**
   * The URL {@code url} gives for {@link #SAMPLE_TIME}, checked: its scheme, host and port must be
   * written out, placeholders come after them.
   *
   * @throws TemplateException at a placeholder before the path
   * @throws IllegalArgumentException when the URL it gives is not one
   */
  public static URI sampleUrl(Template url) {
    return sampleUrl(url, Set.of());
  }

  /** As {@link #sampleUrl(Template)}, each of {@code declared} filled in with a sample value. */
  public static URI sampleUrl(Template url, Set<String> declared) {
    String text = url.text();
    int scheme = text.indexOf("://");
    int authorityEnd = text.length();
    if (scheme >= 0) {
      for (int i = scheme + 3; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '/' || c == '?' || c == '#') {
          authorityEnd = i;
          break;
        }
      }
    }
    int first = url.firstPlaceholder();
    if (scheme >= 0 && first >= 0 && first < authorityEnd) {
      throw new TemplateException(
          Math.max(0, first),
          "a placeholder cannot be in the URL's scheme, host or port, only in its path and query");
    }
    Map<String, String> samples = new HashMap<>();
    for (String name : declared) {
      samples.put(name, "sample");
    }
    String sample =
        url.render(new RenderContext(SAMPLE_TIME, new SplittableRandom(0), samples), URL_VALUE);
    try {
      return new URI(sample);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "with its placeholders filled in, it is not a valid URL: " + e.getReason(), e);
    }
  }

  /**
   * A value as it goes into a URL: percent-encoded but for letters, digits, {@code -._~} and {@code
   * :} (kept for readable times), so that a space or a {@code +} means itself.
   */
  public static final UnaryOperator<String> URL_VALUE = RequestTemplate::encode;

  /** The request to send now: {@code target} (which holds this) with its placeholders filled in. */
  public HttpTarget render(HttpTarget target, RenderContext context) {
    URI sent = target.url();
    if (url != null) {
      sent = URI.create(url.render(context, URL_VALUE));
    }
    List<Header> sentHeaders = target.headers();
    if (!headers.isEmpty()) {
      sentHeaders = new ArrayList<>(sentHeaders);
      for (HeaderTemplate h : headers) {
        Header written = sentHeaders.get(h.index());
        sentHeaders.set(
            h.index(), new Header(written.name(), h.value().render(context), written.secret()));
      }
    }
    Payload sentBody = body == null ? target.body() : Payload.of(body.render(context));
    return new HttpTarget(
        sent,
        target.method(),
        sentHeaders,
        sentBody,
        target.followRedirects(),
        target.maxBodyBytes(),
        target.insecure(),
        target.extraCas(),
        target.auth(),
        target.proxy(),
        target.clientIdentity(),
        null,
        target.followRefresh());
  }

  private static String encode(String value) {
    StringBuilder out = null;
    byte[] bytes = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!plain(c)) {
        bytes = value.getBytes(StandardCharsets.UTF_8);
        out = new StringBuilder(bytes.length * 3);
        break;
      }
    }
    if (out == null || bytes == null) {
      return value;
    }
    for (byte b : bytes) {
      char c = (char) (b & 0xFF);
      if (plain(c)) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)));
        out.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
      }
    }
    return out.toString();
  }

  private static boolean plain(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~'
        || c == ':';
  }
}
