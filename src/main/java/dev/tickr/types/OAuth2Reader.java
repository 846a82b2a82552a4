package dev.tickr.types;

import dev.tickr.check.auth.OAuth2Settings;
import dev.tickr.check.auth.OAuth2Settings.ClientAuth;
import dev.tickr.config.Fields;
import dev.tickr.config.Node;
import dev.tickr.config.Node.Entry;
import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import dev.tickr.config.Read;
import dev.tickr.config.TypeSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code auth: {oauth2: {...}}}: the client credentials grant's token URL, client id and
 * secret, how the client authenticates ({@code client-auth}, {@code basic} by default as RFC 6749
 * §2.3.1 recommends), {@code scope}, {@code audience} and extra form fields ({@code params}).
 */
final class OAuth2Reader {
  static final List<String> KEYS =
      List.of(
          "token-url", "client-id", "client-secret", "scope", "audience", "params", "client-auth");

  /** Form fields Tickr sends itself: not allowed in {@code params}. */
  private static final List<String> OWN_FIELDS =
      List.of("grant_type", "client_id", "client_secret", "scope", "audience");

  private static final String WHERE = "auth.oauth2";

  private final Read read;

  OAuth2Reader(Read read) {
    this.read = read;
  }

  @Nullable OAuth2Settings read(Node node) {
    Mapping mapping =
        read.mapping(node, WHERE, "a mapping with token-url, client-id and client-secret");
    if (mapping == null) {
      return null;
    }
    Fields fields = Fields.of(mapping);
    fields.rejectUnknown(KEYS, read);
    URI tokenUrl = tokenUrl(fields);
    String clientId = required(fields, "client-id");
    String clientSecret = required(fields, "client-secret");
    Node scopeNode = fields.get("scope");
    String scope = scopeNode == null ? null : scope(scopeNode);
    Node audienceNode = fields.get("audience");
    String audience =
        audienceNode == null ? null : read.nonEmptyText(audienceNode, WHERE + ".audience");
    Node paramsNode = fields.get("params");
    Map<String, String> params = paramsNode == null ? Map.of() : params(paramsNode);
    Node howNode = fields.get("client-auth");
    ClientAuth how = howNode == null ? ClientAuth.BASIC : clientAuth(howNode);
    if (tokenUrl == null
        || clientId == null
        || clientSecret == null
        || (scopeNode != null && scope == null)
        || (audienceNode != null && audience == null)
        || params == null
        || how == null) {
      return null;
    }
    return new OAuth2Settings(tokenUrl, clientId, clientSecret, scope, audience, params, how);
  }

  /** The settings as the API shows them: the client secret masked. */
  static Map<String, Object> document(OAuth2Settings s) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("token-url", s.tokenUrl().toString());
    o.put("client-id", s.clientId());
    o.put("client-secret", new TypeSettings.Secret(s.clientSecret()));
    if (s.scope() != null) {
      o.put("scope", s.scope());
    }
    if (s.audience() != null) {
      o.put("audience", s.audience());
    }
    if (!s.params().isEmpty()) {
      o.put("params", s.params());
    }
    o.put("client-auth", s.clientAuth().code());
    return Map.of("oauth2", o);
  }

  /** An http(s) URL; plain http only to a loopback host, since the client secret is sent to it. */
  private @Nullable URI tokenUrl(Fields fields) {
    Node node = fields.get("token-url");
    if (node == null) {
      read.problem(fields.at(), WHERE + " has no \"token-url\"");
      return null;
    }
    Scalar s = read.scalar(node, WHERE + ".token-url", "a URL like https://auth.example.com/token");
    URI uri = s == null ? null : read.uri(s, WHERE + ".token-url");
    if (s == null || uri == null) {
      return null;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      read.problem(s.at(), WHERE + ".token-url must start with https://, got " + Node.describe(s));
      return null;
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      read.problem(s.at(), WHERE + ".token-url has no valid host name, got " + Node.describe(s));
      return null;
    }
    if (scheme.equals("http") && !OAuth2Settings.loopbackHost(uri.getHost())) {
      read.problem(
          s.at(),
          WHERE
              + ".token-url must be https:// (the client secret is sent to it); http:// is"
              + " allowed only to a loopback host such as 127.0.0.1 or localhost, got "
              + Node.describe(s));
      return null;
    }
    return uri;
  }

  private @Nullable String required(Fields fields, String key) {
    Node node = fields.get(key);
    if (node == null) {
      read.problem(fields.at(), WHERE + " has no " + Node.quote(key));
      return null;
    }
    return read.nonEmptyText(node, WHERE + "." + key);
  }

  /** One string, or a list of them sent space-separated (RFC 6749 §3.3). */
  private @Nullable String scope(Node node) {
    if (node instanceof Node.Sequence) {
      List<Scalar> items = read.strings(node, WHERE + ".scope");
      if (items == null || items.isEmpty()) {
        if (items != null) {
          read.problem(node.at(), WHERE + ".scope must not be empty");
        }
        return null;
      }
      List<String> texts = new ArrayList<>();
      items.forEach(i -> texts.add(i.text().strip()));
      return String.join(" ", texts);
    }
    return read.nonEmptyText(node, WHERE + ".scope");
  }

  private @Nullable Map<String, String> params(Node node) {
    Mapping mapping =
        read.mapping(node, WHERE + ".params", "a mapping of form field names to values");
    if (mapping == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    boolean ok = true;
    for (Entry e : mapping.entries()) {
      String name = e.key().text();
      String what = WHERE + ".params." + name;
      if (OWN_FIELDS.contains(name)) {
        read.problem(
            e.key().at(),
            what
                + " is sent by Tickr itself"
                + (name.equals("scope") || name.equals("audience")
                    ? "; write it as " + WHERE + "." + name
                    : ""));
        ok = false;
        continue;
      }
      String value = read.text(e.value(), what);
      if (value == null) {
        ok = false;
      } else {
        out.put(name, value);
      }
    }
    return ok ? out : null;
  }

  private @Nullable ClientAuth clientAuth(Node node) {
    Scalar s = read.scalar(node, WHERE + ".client-auth", "basic or body");
    if (s == null) {
      return null;
    }
    return switch (s.text()) {
      case "basic" -> ClientAuth.BASIC;
      case "body" -> ClientAuth.BODY;
      default -> {
        read.problem(s.at(), WHERE + ".client-auth must be basic or body, got " + Node.describe(s));
        yield null;
      }
    };
  }
}
