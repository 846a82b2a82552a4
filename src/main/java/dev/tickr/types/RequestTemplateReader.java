package dev.tickr.types;

import dev.tickr.check.RequestTemplate;
import dev.tickr.check.RequestTemplate.HeaderTemplate;
import dev.tickr.check.template.Template;
import dev.tickr.check.template.TemplateException;
import dev.tickr.config.Node;
import dev.tickr.config.Node.Scalar;
import dev.tickr.config.Read;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The placeholders of one http monitor's request ({@code {{now-1d/d:yyyy-MM-dd}}}, {@code
 * {{uuid}}}), read from its URL, header values and body, each wrong one reported at its {@code
 * file:line:col}. A text without <code>{{</code> costs one scan.
 */
final class RequestTemplateReader {
  private static final Pattern UNKNOWN_NAME =
      Pattern.compile("unknown placeholder \\{\\{([A-Za-z_][A-Za-z0-9_]*)}}");
  private static final String NOT_VALID = " has a placeholder that is not valid";

  private final Read read;
  private final Set<String> declared;

  /** Whether {@code {{NAME}}} can be a variable here (a flow's step): problems then say so. */
  private final boolean variables;

  private @Nullable Template url;
  private @Nullable List<HeaderTemplate> headers; // made for the first, as few have any
  private @Nullable Template body;

  RequestTemplateReader(Read read) {
    this.read = read;
    this.declared = Set.of();
    this.variables = false;
  }

  /**
   * @param declared the names {@code {{NAME}}} may use besides the generated ones (a flow step's
   *     variables)
   */
  RequestTemplateReader(Read read, Set<String> declared) {
    this.read = read;
    this.declared = Set.copyOf(declared);
    this.variables = true;
  }

  /** What the request's placeholders are, {@code null} when it has none. */
  @Nullable RequestTemplate template() {
    return RequestTemplate.of(url, headers == null ? List.of() : headers, body);
  }

  /**
   * The URL written {@code s}; with placeholders, as filled in for {@link
   * RequestTemplate#SAMPLE_TIME}, its host written out. {@code null} after a problem.
   */
  @Nullable URI url(Scalar s) {
    if (!Template.mayHavePlaceholders(s.text())) {
      return read.uri(s, "url");
    }
    try {
      url = RequestTemplate.parse(s.text(), declared);
      Template written = url;
      return written == null ? read.uri(s, "url") : RequestTemplate.sampleUrl(written, declared);
    } catch (TemplateException e) {
      problem(s, e, "url", s.secret());
    } catch (IllegalArgumentException e) {
      read.problem(
          s.at(), "url " + e.getMessage() + (s.secret() ? "" : ", in " + Node.describe(s)));
    }
    return null;
  }

  /** Whether the header value {@code value}, at {@code index} of the request's list, is good. */
  boolean header(int index, Scalar value, boolean secret, String what) {
    if (!Template.mayHavePlaceholders(value.text())) {
      return true;
    }
    try {
      Template t = RequestTemplate.parse(value.text(), declared);
      if (t != null) {
        List<HeaderTemplate> list = headers == null ? new ArrayList<>() : headers;
        list.add(new HeaderTemplate(index, t));
        headers = list;
      }
      return true;
    } catch (TemplateException e) {
      problem(value, e, what, secret);
      return false;
    }
  }

  /** Whether the body written {@code s} is good. */
  boolean body(Scalar s) {
    if (!Template.mayHavePlaceholders(s.text())) {
      return true;
    }
    try {
      body = RequestTemplate.parse(s.text(), declared);
      return true;
    } catch (TemplateException e) {
      problem(s, e, "body", s.secret());
      return false;
    }
  }

  /** A wrong placeholder where it is written; not quoted when the text is a secret. */
  private void problem(Scalar s, TemplateException e, String what, boolean secret) {
    String message = String.valueOf(e.getMessage());
    Matcher m = UNKNOWN_NAME.matcher(message);
    if (variables && m.lookingAt()) {
      message =
          "{{"
              + m.group(1)
              + "}} is not extracted by an earlier step (extract: {"
              + m.group(1)
              + ": ...}); "
              + message;
    }
    read.problem(s.at(e.offset()), what + (secret ? NOT_VALID : ": " + message));
  }
}
