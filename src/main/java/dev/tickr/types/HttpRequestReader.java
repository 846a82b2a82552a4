package dev.tickr.types;

import dev.tickr.check.Header;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Payload;
import dev.tickr.check.RequestAuth;
import dev.tickr.check.auth.OAuth2Auth;
import dev.tickr.check.auth.OAuth2Settings;
import dev.tickr.check.auth.OAuth2Tokens;
import dev.tickr.check.auth.SignatureAuth;
import dev.tickr.config.Fields;
import dev.tickr.config.Node;
import dev.tickr.config.Node.Entry;
import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import dev.tickr.config.Read;
import dev.tickr.config.SecretNames;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
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
    this.read = read;
    this.secretNames = secretNames;
    this.tokens = tokens;
    this.clock = clock;
    this.templates = new RequestTemplateReader(read); // no variables outside a flow
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
    this.read = read;
    this.secretNames = secretNames;
    this.tokens = tokens;
    this.clock = clock;
    this.templates = new RequestTemplateReader(read, declared);
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
    Auth auth = authNode == null ? null : auth(authNode);
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

  /**
   * What {@code auth:} stands for: one fixed header, always secret, or credentials made per
   * request.
   */
  private record Auth(@Nullable Header header, @Nullable RequestAuth perRequest) {
    static @Nullable Auth of(@Nullable Header header) {
      return header == null ? null : new Auth(header, null);
    }

    static @Nullable Auth of(@Nullable RequestAuth perRequest) {
      return perRequest == null ? null : new Auth(null, perRequest);
    }

    /** The header {@code name} as it spells it, when it sets that one, else {@code null}. */
    @Nullable String sets(String name) {
      if (header != null) {
        return header.name().equalsIgnoreCase(name) ? header.name() : null;
      }
      if (perRequest instanceof OAuth2Auth) {
        return name.equalsIgnoreCase("Authorization") ? "Authorization" : null;
      }
      if (perRequest instanceof SignatureAuth s) {
        return s.scheme().headers().keySet().stream()
            .filter(name::equalsIgnoreCase)
            .findFirst()
            .orElse(null);
      }
      return null;
    }
  }

  private static String schemes() {
    return String.join(", ", AUTH.subList(0, AUTH.size() - 1)) + " or " + AUTH.getLast();
  }

  private @Nullable Auth auth(Node node) {
    Mapping mapping = read.mapping(node, "auth", "a mapping with one of " + schemes());
    if (mapping == null) {
      return null;
    }
    Fields fields = Fields.of(mapping);
    fields.rejectUnknown(AUTH, read);
    List<String> schemes = AUTH.stream().filter(k -> fields.entry(k) != null).toList();
    if (schemes.size() != 1) {
      if (schemes.isEmpty() && !fields.keys().isEmpty()) {
        return null; // an unknown scheme, reported above
      }
      read.problem(
          mapping.at(),
          "auth must have exactly one of "
              + schemes()
              + (schemes.isEmpty() ? "" : ", got " + String.join(" and ", schemes)));
      return null;
    }
    String scheme = schemes.get(0);
    Entry entry = fields.entry(scheme);
    if (entry == null) {
      return null;
    }
    Node value = entry.value();
    return switch (scheme) {
      case "basic" -> Auth.of(basic(value));
      case "bearer" -> {
        String token = read.nonEmptyText(value, "auth.bearer");
        yield Auth.of(token == null ? null : Header.secret("Authorization", "Bearer " + token));
      }
      case "oauth2" -> {
        OAuth2Settings settings = new OAuth2Reader(read).read(value);
        yield settings == null ? null : Auth.of(tokens.auth(settings));
      }
      case "signature" -> Auth.of(new SignatureReader(read, clock).read(value));
      default -> Auth.of(customHeader(value));
    };
  }

  private @Nullable Header basic(Node node) {
    Mapping mapping = read.mapping(node, "auth.basic", "a mapping with username and password");
    if (mapping == null) {
      return null;
    }
    Fields fields = Fields.of(mapping);
    fields.rejectUnknown(AUTH_BASIC, read);
    String user = required(fields, "username", "auth.basic");
    Entry passwordEntry = fields.entry("password");
    Node passwordNode = passwordEntry == null ? null : passwordEntry.value();
    String password = null;
    if (passwordNode == null) {
      read.problem(fields.at(), "auth.basic has no \"password\"");
    } else if (passwordNode instanceof Scalar s && s.isNull()) {
      password = "";
    } else {
      password = read.text(passwordNode, "auth.basic.password");
    }
    if (user != null && user.indexOf(':') >= 0) {
      Node userNode = fields.get("username");
      read.problem(
          userNode == null ? fields.at() : userNode.at(),
          "auth.basic.username must not contain \":\"");
      return null;
    }
    if (user == null || password == null) {
      return null;
    }
    String credentials =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return Header.secret("Authorization", "Basic " + credentials);
  }

  private @Nullable Header customHeader(Node node) {
    Mapping mapping = read.mapping(node, "auth.header", "a mapping with name and value");
    if (mapping == null) {
      return null;
    }
    Fields fields = Fields.of(mapping);
    fields.rejectUnknown(AUTH_HEADER, read);
    Node name = fields.get("name");
    Node value = fields.get("value");
    if (name == null || value == null) {
      read.problem(fields.at(), "auth.header needs \"name\" and \"value\"");
      return null;
    }
    Scalar nameScalar = read.scalar(name, "auth.header.name", "a header name");
    if (nameScalar == null) {
      return null;
    }
    Header h = header(nameScalar, value, "auth.header.value");
    return h == null ? null : Header.secret(h.name(), h.value());
  }

  private @Nullable String required(Fields fields, String key, String where) {
    Node node = fields.get(key);
    if (node == null) {
      read.problem(fields.at(), where + " has no " + Node.quote(key));
      return null;
    }
    return read.nonEmptyText(node, where + "." + key);
  }
}
