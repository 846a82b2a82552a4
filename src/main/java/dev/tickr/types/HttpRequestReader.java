package dev.tickr.types;

import dev.tickr.check.Header;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Payload;
import dev.tickr.check.auth.OAuth2Tokens;
import dev.tickr.config.Fields;
import dev.tickr.config.Node;
import dev.tickr.config.Node.Entry;
import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import dev.tickr.config.Read;
import dev.tickr.config.SecretNames;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads an http monitor's request: URL, method, headers, body, and {@code auth} as a header or as
 * credentials made per request (a signature). The URL's path and query, header values and the body
 * may hold placeholders filled in per check; one reader reads one monitor.
 */
final class HttpRequestReader {
  static final List<String> AUTH = List.of("basic", "bearer", "header", "oauth2", "signature");
  static final List<String> AUTH_BASIC = List.of("username", "password");
  static final List<String> AUTH_HEADER = List.of("name", "value");

  /** The characters of an HTTP token (RFC 9110 5.6.2): method and header names. */
  private static final String TOKEN_SYMBOLS = "!#$%&'*+.^_`|~-";

  /** How many header names {@link #secretNames} keeps. */
  private static final int MAX_NAMES = 1000;

  private final Read read;
  private final Clock clock;

  /**
   * Whether a header name is a secret's, per name, shared by every read: 10,000 monitors repeat the
   * same few.
   */
  private final Map<String, Boolean> secretNames;

  /** Where {@code auth: {oauth2: ...}} gets its tokens: shared by every read, kept on reload. */
  private final OAuth2Tokens tokens;

  private final RequestTemplateReader templates;

  /**
   * @param tokens where {@code auth: {oauth2: ...}} gets its tokens
   * @param clock what signatures read the date from
   */
  HttpRequestReader(Read read, Map<String, Boolean> secretNames, OAuth2Tokens tokens, Clock clock) {
    this(read, secretNames, tokens, clock, new RequestTemplateReader(read)); // no variables
  }

  /**
   * @param declared the names <code>{{NAME}}</code> may use in the URL, headers and body besides
   *     the generated ones (the variables earlier steps of a flow extract)
   */
  HttpRequestReader(
      Read read,
      Map<String, Boolean> secretNames,
      OAuth2Tokens tokens,
      Clock clock,
      Set<String> declared) {
    this(read, secretNames, tokens, clock, new RequestTemplateReader(read, declared));
  }

  private HttpRequestReader(
      Read read,
      Map<String, Boolean> secretNames,
      OAuth2Tokens tokens,
      Clock clock,
      RequestTemplateReader templates) {
    this.read = read;
    this.secretNames = secretNames;
    this.tokens = tokens;
    this.clock = clock;
    this.templates = templates;
  }

  static Map<String, Boolean> newNameCache() {
    return new ConcurrentHashMap<>();
  }

  /**
   * @param label how problems name the monitor, e.g. {@code http monitor "api"}
   */
  @Nullable HttpTarget read(Fields fields, String label) {
    Node urlNode = fields.get("url");
    if (urlNode == null) {
      read.problem(fields.at(), label + " has no \"url\"");
    }
    URI url = urlNode == null ? null : httpUrl(urlNode);
    Node bodyNode = fields.get("body");
    String body = bodyNode == null ? null : body(bodyNode);
    Node methodNode = fields.get("method");
    String method = bodyNode == null ? "GET" : "POST";
    if (methodNode != null) {
      String m = read.text(methodNode, "method");
      if (m != null && !token(m)) {
        read.problem(
            methodNode.at(),
            "method must be an HTTP method like GET or POST, got " + Node.describe(methodNode));
        m = null;
      }
      method = m == null ? null : m.toUpperCase(Locale.ROOT);
    }
    Node headersNode = fields.get("headers");
    List<Header> headers = headersNode == null ? List.of() : headers(headersNode);
    Node authNode = fields.get("auth");
    AuthReader.Auth auth =
        authNode == null ? null : new AuthReader(read, tokens, clock, this::header).read(authNode);
    if (auth != null && headers != null && authNode != null) {
      for (Header h : headers) {
        String clash = auth.sets(h.name());
        if (clash != null) {
          read.problem(
              authNode.at(),
              "auth sets the " + clash + " header, which headers also sets; keep one");
          auth = null;
          break;
        }
      }
    }
    HttpOptionsReader.Options options = new HttpOptionsReader(read).read(fields);
    if (options == null
        || url == null
        || method == null
        || headers == null
        || (bodyNode != null && body == null)
        || (authNode != null && auth == null)) {
      return null;
    }
    List<Header> all = new ArrayList<>(headers);
    if (auth != null && auth.header() != null) {
      all.add(auth.header());
    }
    try {
      return options.apply(
          new HttpTarget(
                  url,
                  method,
                  all,
                  body == null ? null : Payload.of(body),
                  true,
                  HttpTarget.DEFAULT_MAX_BODY,
                  false,
                  List.of())
              .withAuth(auth == null ? null : auth.perRequest())
              .withTemplate(templates.template()));
    } catch (IllegalArgumentException e) {
      read.problem(fields.at(), String.valueOf(e.getMessage()));
      return null;
    }
  }

  private @Nullable URI httpUrl(Node node) {
    Scalar s = read.scalar(node, "url", "a URL like https://api.example.com/health");
    if (s == null) {
      return null;
    }
    URI uri = templates.url(s);
    if (uri == null) {
      return null;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      read.problem(s.at(), "url must start with http:// or https://, got " + Node.describe(s));
      return null;
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      read.problem(s.at(), "url has no valid host name, got " + Node.describe(s));
      return null;
    }
    return uri;
  }

  private @Nullable String body(Node node) {
    if (node instanceof Mapping || node instanceof Node.Sequence) {
      read.problem(
          node.at(),
          "body must be a string, got "
              + Node.describe(node)
              + " (write JSON as a block: \"body: |\" and the JSON on the next lines)");
      return null;
    }
    String text = read.text(node, "body");
    return text != null && node instanceof Scalar s && !templates.body(s) ? null : text;
  }

  private @Nullable List<Header> headers(Node node) {
    Mapping mapping = read.mapping(node, "headers", "a mapping of header names to values");
    if (mapping == null) {
      return null;
    }
    List<Header> headers = new ArrayList<>();
    boolean ok = true;
    for (Entry e : mapping.entries()) {
      String what = "headers." + e.key().text();
      Header h = header(e.key(), e.value(), what);
      if (h == null
          || !(e.value() instanceof Scalar value)
          || !templates.header(headers.size(), value, h.secret(), what)) {
        ok = false;
      } else {
        headers.add(h);
      }
    }
    return ok ? headers : null;
  }

  /** Whether {@code text} is an HTTP token (checked by hand: read 10,000 times at start-up). */
  static boolean token(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphanumeric && TOKEN_SYMBOLS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** A header; secret when its value came from the environment or its name says so. */
  private @Nullable Header header(Scalar nameNode, Node valueNode, String what) {
    String name = nameNode.text();
    boolean ok = true;
    if (!token(name)) {
      read.problem(nameNode.at(), "header name " + Node.describe(nameNode) + " is not valid");
      ok = false;
    }
    Scalar value = read.scalar(valueNode, what, "a string");
    if (value == null) {
      return null;
    }
    if (value.text().indexOf('\n') >= 0 || value.text().indexOf('\r') >= 0) {
      read.problem(value.at(), what + " must be one line");
      ok = false;
    }
    if (!ok) {
      return null;
    }
    return new Header(name, value.text(), value.secret() || isSecretName(name));
  }

  private boolean isSecretName(String name) {
    Boolean known = secretNames.get(name);
    if (known != null) {
      return known;
    }
    boolean secret = SecretNames.isSecret(name);
    if (secretNames.size() < MAX_NAMES) {
      secretNames.put(name, secret);
    }
    return secret;
  }
}
