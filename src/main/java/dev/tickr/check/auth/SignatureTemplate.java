package dev.tickr.check.auth;

import dev.tickr.check.Payload;
import dev.tickr.check.auth.SignaturePart.Body;
import dev.tickr.check.auth.SignaturePart.BodyHash;
import dev.tickr.check.auth.SignaturePart.Date;
import dev.tickr.check.auth.SignaturePart.Literal;
import dev.tickr.check.auth.SignaturePart.Method;
import dev.tickr.check.auth.SignaturePart.Nonce;
import dev.tickr.check.auth.SignaturePart.Path;
import dev.tickr.check.auth.SignaturePart.Query;
import dev.tickr.check.auth.SignaturePart.QueryParameter;
import dev.tickr.check.auth.SignaturePart.Secret;
import dev.tickr.check.auth.SignaturePart.Signature;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A text with parts in braces, such as <code>{secret:token}:{date}:{query:action}</code>: what is
 * signed, or what a header or query parameter gets. A template holds no literal brace.
 *
 * @param text as written
 */
public record SignatureTemplate(String text, List<SignaturePart> parts) {

  /** The part names, for messages and docs; a name ending in {@code :} takes an argument. */
  public static final List<String> NAMES =
      List.of(
          "method",
          "path",
          "query",
          "query:NAME",
          "date",
          "nonce",
          "body",
          "body-sha256",
          "body-md5",
          "secret:NAME",
          "signature");

  public SignatureTemplate {
    parts = List.copyOf(parts);
  }

  /** A template that does not parse: why, and at which character of its text. */
  public static final class Invalid extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int offset;

    Invalid(int offset, String message) {
      super(message);
      this.offset = offset;
    }

    /** Where in the text, from 0. */
    public int offset() {
      return offset;
    }
  }

  /**
   * The template written {@code text}.
   *
   * @throws Invalid naming the first brace or part that is not right
   */
  public static SignatureTemplate parse(String text) {
    List<SignaturePart> parts = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('{', i);
      int stray = text.indexOf('}', i);
      if (stray >= 0 && (open < 0 || stray < open)) {
        throw new Invalid(stray, "\"}\" without \"{\" (a template holds no literal brace)");
      }
      if (open < 0) {
        parts.add(new Literal(text.substring(i)));
        break;
      }
      if (open > i) {
        parts.add(new Literal(text.substring(i, open)));
      }
      int close = text.indexOf('}', open);
      int nested = text.indexOf('{', open + 1);
      if (close < 0 || (nested >= 0 && nested < close)) {
        throw new Invalid(open, "\"{\" is not closed by \"}\" (a template holds no literal brace)");
      }
      parts.add(part(text.substring(open + 1, close), open));
      i = close + 1;
    }
    return new SignatureTemplate(text, parts);
  }

  private static SignaturePart part(String inside, int at) {
    int colon = inside.indexOf(':');
    String name = colon < 0 ? inside : inside.substring(0, colon);
    String argument = colon < 0 ? null : inside.substring(colon + 1);
    if ((name.equals("query") || name.equals("secret")) && argument != null) {
      if (argument.isEmpty()) {
        throw new Invalid(at, "{" + inside + "} needs a name after \":\"");
      }
      return name.equals("query") ? new QueryParameter(argument) : new Secret(argument);
    }
    SignaturePart part =
        argument != null
            ? null
            : switch (name) {
              case "method" -> new Method();
              case "path" -> new Path();
              case "query" -> new Query();
              case "date" -> new Date();
              case "nonce" -> new Nonce();
              case "body" -> new Body();
              case "body-sha256" -> new BodyHash(name, "SHA-256");
              case "body-md5" -> new BodyHash(name, "MD5");
              case "signature" -> new Signature();
              default -> null;
            };
    if (part == null) {
      throw new Invalid(
          at, "unknown part {" + inside + "}; the parts are {" + String.join("}, {", NAMES) + "}");
    }
    return part;
  }

  /** Whether a part of this kind is in the template. */
  public boolean uses(Class<? extends SignaturePart> kind) {
    return parts.stream().anyMatch(kind::isInstance);
  }

  /** The names of the secrets the template refers to. */
  public List<String> secretNames() {
    return parts.stream().filter(p -> p instanceof Secret).map(p -> ((Secret) p).name()).toList();
  }

  /** The names of the query parameters the template refers to. */
  public List<String> queryNames() {
    return parts.stream()
        .filter(p -> p instanceof QueryParameter)
        .map(p -> ((QueryParameter) p).name())
        .toList();
  }

  /**
   * What one signing fills the parts with.
   *
   * @param body the request body, {@code null} for none
   * @param signature the encoded signature, {@code null} while it is being made
   */
  record Values(
      String method,
      URI url,
      @Nullable Payload body,
      String date,
      String nonce,
      Map<String, String> secrets,
      @Nullable String signature) {
    Values withSignature(String signature) {
      return new Values(method, url, body, date, nonce, secrets, signature);
    }

    byte[] bodyBytes() {
      return body == null ? new byte[0] : body.bytes();
    }
  }

  /** The template filled in, as UTF-8 bytes (the body's bytes as they are). */
  byte[] render(Values values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (SignaturePart part : parts) {
      if (part instanceof Body) {
        out.writeBytes(values.bodyBytes());
      } else {
        out.writeBytes(text(part, values).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  /** The template filled in, for a header or parameter value. */
  String renderText(Values values) {
    return new String(render(values), StandardCharsets.UTF_8);
  }

  private static String text(SignaturePart part, Values v) {
    return switch (part) {
      case Literal l -> l.text();
      case Method m -> v.method().toUpperCase(Locale.ROOT);
      case Path p -> {
        String path = v.url().getRawPath();
        yield path == null || path.isEmpty() ? "/" : path;
      }
      case Query q -> v.url().getRawQuery() == null ? "" : v.url().getRawQuery();
      case QueryParameter q -> parameter(v.url(), q.name());
      case Date d -> v.date();
      case Nonce n -> v.nonce();
      case Body b -> new String(v.bodyBytes(), StandardCharsets.UTF_8);
      case BodyHash h -> HexFormat.of().formatHex(digest(h.algorithm(), v.bodyBytes()));
      case Secret s -> v.secrets().getOrDefault(s.name(), "");
      case Signature s -> v.signature() == null ? "" : v.signature();
    };
  }

  /** The decoded value of the first parameter {@code name} of the URL's query, else empty. */
  static String parameter(URI url, String name) {
    String query = url.getRawQuery();
    if (query == null) {
      return "";
    }
    for (String pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (decode(key).equals(name)) {
        return eq < 0 ? "" : decode(pair.substring(eq + 1));
      }
    }
    return "";
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text; // a stray "%": taken as written
    }
  }

  private static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available in this JDK", e);
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
