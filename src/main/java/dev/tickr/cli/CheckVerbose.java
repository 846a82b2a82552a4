package dev.tickr.cli;

import dev.tickr.Tickr;
import dev.tickr.check.Body;
import dev.tickr.check.Failure;
import dev.tickr.check.Header;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Observation;
import dev.tickr.check.Payload;
import dev.tickr.check.Redaction;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * {@code tickr check -v}: the request sent and the answer's status line, headers and first {@value
 * #BODY_SHOWN} characters of body, as curl's {@code -v} shows them ({@code >} out, {@code <} in,
 * {@code *} notes). Credentials never show: secret headers (Authorization, cookies, tokens and
 * headers from {@code env:}) read {@value Redaction#MASK}, and so does any secret sent that comes
 * back in a header or the body.
 */
final class CheckVerbose {
  static final int BODY_SHOWN = 1024;

  /** Header names whose values are never shown, either way. */
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

  private CheckVerbose() {}

  /**
   * @param secrets values to mask wherever they appear: those the request carried, and any Tickr
   *     made (an OAuth2 token)
   */
  static String text(HttpTarget target, Observation observation, Collection<String> secrets) {
    StringBuilder out = new StringBuilder();
    URI url = target.url();
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    String shown = Redaction.url(url);
    int query = shown.indexOf('?');
    out.append("* ").append(target.method()).append(' ').append(shown).append('\n');
    out.append("> ")
        .append(target.method())
        .append(' ')
        .append(path)
        .append(query < 0 ? "" : shown.substring(query))
        .append('\n');
    out.append("> Host: ").append(url.getRawAuthority()).append('\n');
    boolean agent = false;
    for (Header h : target.headers()) {
      out.append("> ").append(h.name()).append(": ").append(value(h)).append('\n');
      agent |= h.name().equalsIgnoreCase("User-Agent");
    }
    if (target.auth() != null) {
      out.append("> Authorization: ").append(Redaction.MASK).append(" (made by Tickr)\n");
    }
    if (!agent) {
      out.append("> User-Agent: ").append(Tickr.userAgent()).append('\n');
    }
    Payload body = target.body();
    out.append(">\n");
    if (body != null) {
      out.append("* ").append(body.bytes().length).append(" bytes of request body sent\n");
    }
    for (URI hop : observation.redirects()) {
      out.append("* redirected by ").append(Redaction.url(hop)).append('\n');
    }
    Integer status = observation.status();
    if (status == null) {
      Failure failure = observation.failure();
      out.append("* no response")
          .append(failure == null ? "" : ": " + failure.message())
          .append('\n');
      return Redaction.scrub(out.toString(), secrets);
    }
    String protocol = observation.protocol();
    out.append("< ")
        .append(protocol == null ? "HTTP" : protocol.toUpperCase(Locale.ROOT))
        .append(' ')
        .append(status)
        .append(observation.statusText() == null ? "" : " " + observation.statusText())
        .append('\n');
    for (Header h : observation.headers().all()) {
      out.append("< ").append(h.name()).append(": ").append(value(h)).append('\n');
    }
    out.append("<\n");
    String head = Redaction.scrub(out.toString(), secrets);
    Body answer = observation.body();
    String text = answer.text();
    String start = Redaction.scrubStart(text, answer.truncated(), BODY_SHOWN, secrets);
    StringBuilder all = new StringBuilder(head).append(start);
    if (!start.isEmpty() && !start.endsWith("\n")) {
      all.append('\n');
    }
    if (text.length() > BODY_SHOWN || answer.truncated()) {
      all.append("* body cut after ")
          .append(Math.min(BODY_SHOWN, text.length()))
          .append(" characters (")
          .append(answer.truncated() ? "more than " : "")
          .append(answer.size())
          .append(" bytes in all)\n");
    }
    return all.toString();
  }

  private static String value(Header h) {
    boolean secret =
        h.secret()
            || SECRET_HEADERS.contains(h.name().toLowerCase(Locale.ROOT))
            || Redaction.isSecretName(h.name());
    return secret ? Redaction.MASK : h.value();
  }
}
