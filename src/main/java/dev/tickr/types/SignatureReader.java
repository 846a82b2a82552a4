package dev.tickr.types;

import dev.tickr.check.auth.SignatureAlgorithm;
import dev.tickr.check.auth.SignatureAuth;
import dev.tickr.check.auth.SignatureAuth.KeyEncoding;
import dev.tickr.check.auth.SignatureAuth.Scheme;
import dev.tickr.check.auth.SignatureDate;
import dev.tickr.check.auth.SignatureEncoding;
import dev.tickr.check.auth.SignaturePart;
import dev.tickr.check.auth.SignatureTemplate;
import dev.tickr.config.Fields;
import dev.tickr.config.Location;
import dev.tickr.config.Node;
import dev.tickr.config.Node.Entry;
import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import dev.tickr.config.Read;
import dev.tickr.config.TypeSettings.Secret;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code auth: {signature: ...}}, the declarative request-signing scheme ({@code
 * docs/signing.md}), into a {@link SignatureAuth}; and shows one as the API does, its key and
 * secrets masked.
 */
final class SignatureReader {
  static final String WHERE = "auth.signature";
  static final List<String> KEYS =
      List.of(
          "algorithm",
          "key",
          "key-encoding",
          "secrets",
          "date",
          "sign",
          "encoding",
          "headers",
          "query");

  private final Read read;
  private final Clock clock;
  private boolean ok = true;

  SignatureReader(Read read, Clock clock) {
    this.read = read;
    this.clock = clock;
  }

  /** The scheme {@code node} writes, or {@code null} after reporting each problem. */
  @Nullable SignatureAuth read(Node node) {
    Mapping mapping = read.mapping(node, WHERE, "a mapping with algorithm, sign and headers");
    if (mapping == null) {
      return null;
    }
    Fields fields = Fields.of(mapping);
    fields.rejectUnknown(KEYS, read);
    SignatureAlgorithm algorithm = algorithm(fields);
    Scalar keyNode = scalar(fields, "key");
    KeyEncoding keyEncoding = keyEncoding(fields);
    Map<String, String> secrets = secrets(fields);
    SignatureDate date = date(fields);
    SignatureTemplate sign = signTemplate(fields, secrets);
    SignatureEncoding encoding = encoding(fields);
    Map<String, SignatureTemplate> headers = placed(fields, "headers", secrets, true);
    Map<String, SignatureTemplate> query = placed(fields, "query", secrets, false);
    byte[] key = algorithm == null ? null : key(algorithm, keyNode, keyEncoding, fields.at());
    if (ok
        && headers != null
        && query != null
        && !uses(headers, SignaturePart.Signature.class)
        && !uses(query, SignaturePart.Signature.class)) {
      problem(
          fields.at(),
          WHERE + " places the signature nowhere: put {signature} in a value of headers or query");
    }
    if (!ok
        || algorithm == null
        || sign == null
        || headers == null
        || query == null
        || key == null) {
      return null;
    }
    Scheme scheme =
        new Scheme(
            algorithm,
            keyNode == null ? null : keyNode.text(),
            keyEncoding,
            secrets,
            date,
            sign,
            encoding,
            headers,
            query);
    return new SignatureAuth(scheme, clock);
  }

  private @Nullable SignatureAlgorithm algorithm(Fields fields) {
    Scalar s = scalar(fields, "algorithm");
    if (s == null) {
      if (!fields.has("algorithm")) {
        problem(fields.at(), WHERE + " has no \"algorithm\"");
      }
      return null;
    }
    SignatureAlgorithm a = SignatureAlgorithm.of(s.text());
    if (a == null) {
      problem(
          s.at(),
          oneOf(
              "algorithm",
              s,
              Arrays.stream(SignatureAlgorithm.values())
                  .map(SignatureAlgorithm::spelling)
                  .toList()));
    }
    return a;
  }

  private KeyEncoding keyEncoding(Fields fields) {
    Scalar s = scalar(fields, "key-encoding");
    if (s == null) {
      return KeyEncoding.TEXT;
    }
    for (KeyEncoding e : KeyEncoding.values()) {
      if (e.spelling().equalsIgnoreCase(s.text())) {
        return e;
      }
    }
    problem(s.at(), oneOf("key-encoding", s, List.of("text", "hex", "base64")));
    return KeyEncoding.TEXT;
  }

  /** The key's bytes; empty for a plain digest; {@code null} after a problem. */
  private byte @Nullable [] key(
      SignatureAlgorithm algorithm, @Nullable Scalar key, KeyEncoding encoding, Location at) {
    if (!algorithm.keyed()) {
      if (key != null) {
        problem(
            key.at(),
            WHERE
                + ".key is only for the hmac-* algorithms; "
                + algorithm.spelling()
                + " signs without one (put secrets in sign as {secret:NAME})");
        return null;
      }
      return new byte[0];
    }
    if (key == null) {
      problem(at, WHERE + " has no \"key\": " + algorithm.spelling() + " needs the signing key");
      return null;
    }
    try {
      return SignatureAuth.decodeKey(key.text(), encoding);
    } catch (IllegalArgumentException e) {
      problem(key.at(), WHERE + ".key: " + e.getMessage());
      return null;
    }
  }

  private Map<String, String> secrets(Fields fields) {
    Map<String, String> out = new LinkedHashMap<>();
    Node node = fields.get("secrets");
    if (node == null) {
      return out;
    }
    Mapping mapping = read.mapping(node, WHERE + ".secrets", "a mapping of names to values");
    if (mapping == null) {
      ok = false;
      return out;
    }
    for (Entry e : mapping.entries()) {
      String value = read.text(e.value(), WHERE + ".secrets." + e.key().text());
      if (value == null) {
        ok = false;
      } else {
        out.put(e.key().text(), value);
      }
    }
    return out;
  }

  private SignatureDate date(Fields fields) {
    Scalar s = scalar(fields, "date");
    if (s == null) {
      return SignatureDate.of(SignatureDate.RFC1123);
    }
    try {
      return SignatureDate.of(s.text());
    } catch (IllegalArgumentException e) {
      problem(
          s.at(),
          WHERE
              + ".date must be rfc1123, iso8601, unix, unix-ms or a date pattern such as"
              + " yyyyMMddHHmmss, got "
              + Node.describe(s)
              + ": "
              + e.getMessage());
      return SignatureDate.of(SignatureDate.RFC1123);
    }
  }

  private SignatureEncoding encoding(Fields fields) {
    Scalar s = scalar(fields, "encoding");
    if (s == null) {
      return SignatureEncoding.HEX;
    }
    SignatureEncoding e = SignatureEncoding.of(s.text());
    if (e == null) {
      problem(
          s.at(),
          oneOf(
              "encoding",
              s,
              Arrays.stream(SignatureEncoding.values()).map(SignatureEncoding::spelling).toList()));
      return SignatureEncoding.HEX;
    }
    return e;
  }

  private @Nullable SignatureTemplate signTemplate(Fields fields, Map<String, String> secrets) {
    Scalar s = scalar(fields, "sign");
    if (s == null) {
      if (!fields.has("sign")) {
        problem(fields.at(), WHERE + " has no \"sign\": the text to sign, e.g. \"{date}.{body}\"");
      }
      return null;
    }
    SignatureTemplate t = template(s, WHERE + ".sign", secrets);
    if (t != null && t.uses(SignaturePart.Signature.class)) {
      problem(s.at(), WHERE + ".sign cannot hold {signature}: it is what sign makes");
      return null;
    }
    return t;
  }

  /** The header or query templates, by name; {@code null} after a problem. */
  private @Nullable Map<String, SignatureTemplate> placed(
      Fields fields, String key, Map<String, String> secrets, boolean headers) {
    Map<String, SignatureTemplate> out = new LinkedHashMap<>();
    Node node = fields.get(key);
    if (node == null) {
      return out;
    }
    Mapping mapping = read.mapping(node, WHERE + "." + key, "a mapping of names to templates");
    if (mapping == null) {
      return null;
    }
    boolean fine = true;
    for (Entry e : mapping.entries()) {
      String name = e.key().text();
      String what = WHERE + "." + key + "." + name;
      if (headers && !HttpRequestReader.token(name)) {
        problem(e.key().at(), "header name " + Node.describe(e.key()) + " is not valid");
        fine = false;
        continue;
      }
      Scalar value = read.scalar(e.value(), what, "a template string such as \"{signature}\"");
      SignatureTemplate t = value == null ? null : template(value, what, secrets);
      if (value != null && t != null && t.uses(SignaturePart.Body.class)) {
        problem(value.at(), what + " cannot hold {body}: only sign can");
        t = null;
      }
      if (t == null) {
        fine = false;
      } else {
        out.put(name, t);
      }
    }
    return fine ? out : null;
  }

  private @Nullable SignatureTemplate template(Scalar s, String what, Map<String, String> secrets) {
    SignatureTemplate t;
    try {
      t = SignatureTemplate.parse(s.text());
    } catch (SignatureTemplate.Invalid e) {
      problem(at(s, e.offset()), what + ": " + e.getMessage());
      return null;
    }
    for (String name : t.secretNames()) {
      if (!secrets.containsKey(name)) {
        int offset = s.text().indexOf("{secret:" + name + "}");
        problem(
            at(s, offset),
            what
                + " refers to {secret:"
                + name
                + "}, which "
                + WHERE
                + ".secrets does not name"
                + (secrets.isEmpty()
                    ? ""
                    : " (it names " + String.join(", ", secrets.keySet()) + ")"));
        t = null;
      }
    }
    return t;
  }

  /** Where the character at {@code offset} of a scalar's text was written, when that is known. */
  private static Location at(Scalar s, int offset) {
    if (!s.exact() || offset < 0) {
      return s.at();
    }
    return s.at().plus(offset + (s.style() == Node.Style.QUOTED ? 1 : 0));
  }

  private @Nullable Scalar scalar(Fields fields, String key) {
    Node node = fields.get(key);
    if (node == null) {
      return null;
    }
    Scalar s = read.scalar(node, WHERE + "." + key, "a string");
    if (s == null) {
      ok = false;
    }
    return s;
  }

  private static String oneOf(String key, Scalar got, List<String> allowed) {
    return WHERE
        + "."
        + key
        + " must be one of "
        + String.join(", ", allowed)
        + ", got "
        + Node.describe(got);
  }

  private void problem(Location at, String message) {
    read.problem(at, message);
    ok = false;
  }

  private static boolean uses(
      Map<String, SignatureTemplate> templates, Class<? extends SignaturePart> kind) {
    return templates.values().stream().anyMatch(t -> t.uses(kind));
  }

  /** The scheme as the API shows it, by key: the key and every secret masked. */
  static Map<String, Object> document(SignatureAuth auth) {
    Scheme s = auth.scheme();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("algorithm", s.algorithm().spelling());
    String key = s.key();
    if (key != null) {
      out.put("key", new Secret(key));
      out.put("key-encoding", s.keyEncoding().spelling());
    }
    if (!s.secrets().isEmpty()) {
      out.put(
          "secrets",
          s.secrets().entrySet().stream()
              .collect(
                  Collectors.toMap(
                      Map.Entry::getKey,
                      e -> (Object) new Secret(e.getValue()),
                      (a, b) -> a,
                      LinkedHashMap::new)));
    }
    out.put("date", s.date().spelling());
    out.put("sign", s.sign().text());
    out.put("encoding", s.encoding().spelling());
    out.put("headers", texts(s.headers()));
    out.put("query", texts(s.query()));
    return out;
  }

  private static Map<String, Object> texts(Map<String, SignatureTemplate> templates) {
    Map<String, Object> out = new LinkedHashMap<>();
    templates.forEach((name, t) -> out.put(name, t.text()));
    return out;
  }
}
