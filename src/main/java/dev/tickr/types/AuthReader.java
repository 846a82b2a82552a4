package dev.tickr.types;

import dev.tickr.check.Header;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads an http request's {@code auth:}: exactly one of {@code basic}, {@code bearer}, {@code
 * header} (a fixed secret header) or {@code oauth2}, {@code signature} (credentials made for each
 * request).
 */
final class AuthReader {
  /** Makes a header as the request's reader does (name checked, secrecy by name). */
  interface Headers {
    @Nullable Header make(Scalar name, Node value, String what);
  }

  private final Read read;
  private final OAuth2Tokens tokens;
  private final Clock clock;
  private final Headers headers;

  AuthReader(Read read, OAuth2Tokens tokens, Clock clock, Headers headers) {
    this.read = read;
    this.tokens = tokens;
    this.clock = clock;
    this.headers = headers;
  }

  /**
   * What {@code auth:} stands for: one fixed header, always secret, or credentials made per
   * request.
   */
  record Auth(@Nullable Header header, @Nullable RequestAuth perRequest) {
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
    return String.join(", ", HttpRequestReader.AUTH.subList(0, HttpRequestReader.AUTH.size() - 1))
        + " or "
        + HttpRequestReader.AUTH.getLast();
  }

  @Nullable Auth read(Node node) {
    Mapping mapping = read.mapping(node, "auth", "a mapping with one of " + schemes());
    if (mapping == null) {
      return null;
    }
    Fields fields = Fields.of(mapping);
    fields.rejectUnknown(HttpRequestReader.AUTH, read);
    List<String> schemes =
        HttpRequestReader.AUTH.stream().filter(k -> fields.entry(k) != null).toList();
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
    fields.rejectUnknown(HttpRequestReader.AUTH_BASIC, read);
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
    fields.rejectUnknown(HttpRequestReader.AUTH_HEADER, read);
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
    Header h = headers.make(nameScalar, value, "auth.header.value");
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
