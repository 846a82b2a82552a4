package dev.tickr.check.auth;

import dev.tickr.check.Deadline;
import dev.tickr.check.Failure;
import dev.tickr.check.Header;
import dev.tickr.check.Reason;
import dev.tickr.check.RequestAuth;
import dev.tickr.check.auth.SignaturePart.Signature;
import dev.tickr.check.auth.SignatureTemplate.Values;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Signs each request as a declarative {@link Scheme} says: fills the {@code sign} template from the
 * request, a date read from the clock once per signing and the named secrets, computes the digest
 * or HMAC, encodes it, and places it (and the date, or anything else the templates name) in headers
 * or query parameters. Every header or parameter whose value holds the signature or a secret is
 * secret.
 */
public final class SignatureAuth implements RequestAuth {

  /** How the signing key is written: as text (UTF-8), hex or Base64. */
  public enum KeyEncoding {
    TEXT,
    HEX,
    BASE64;

    /** The config spelling. */
    public String spelling() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A signing scheme, as the config's {@code auth: {signature: ...}} writes it.
   *
   * @param key the HMAC key as written, {@code null} for a plain digest
   * @param secrets values that templates name as <code>{secret:NAME}</code>, in written order
   * @param headers the headers to add, by name, in written order
   * @param query the query parameters to add, by name, in written order
   */
  public record Scheme(
      SignatureAlgorithm algorithm,
      @Nullable String key,
      KeyEncoding keyEncoding,
      Map<String, String> secrets,
      SignatureDate date,
      SignatureTemplate sign,
      SignatureEncoding encoding,
      Map<String, SignatureTemplate> headers,
      Map<String, SignatureTemplate> query) {
    public Scheme {
      secrets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
      headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
      query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /** Never a secret: records print their fields. */
    @Override
    public String toString() {
      return "Scheme[" + algorithm.spelling() + ", sign=" + sign + ", encoding=" + encoding + "]";
    }
  }

  private final Scheme scheme;
  private final byte[] key;
  private final Clock clock;

  /**
   * @throws IllegalArgumentException when the key is missing for an HMAC, or does not decode
   */
  public SignatureAuth(Scheme scheme, Clock clock) {
    this.scheme = scheme;
    this.clock = clock;
    String written = scheme.key();
    if (scheme.algorithm().keyed() && written == null) {
      throw new IllegalArgumentException(scheme.algorithm().spelling() + " needs a key");
    }
    this.key = written == null ? new byte[0] : decodeKey(written, scheme.keyEncoding());
  }

  /**
   * The key's bytes.
   *
   * @throws IllegalArgumentException (without the key in its message) when it does not decode
   */
  public static byte[] decodeKey(String key, KeyEncoding encoding) {
    try {
      return switch (encoding) {
        case TEXT -> key.getBytes(StandardCharsets.UTF_8);
        case HEX -> HexFormat.of().parseHex(key.strip());
        case BASE64 -> Base64.getMimeDecoder().decode(key.strip());
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the key is not valid " + encoding.spelling(), null);
    }
  }

  public Scheme scheme() {
    return scheme;
  }

  @Override
  public Outcome apply(Request request, Deadline deadline) {
    Values values =
        new Values(
            request.method(),
            request.url(),
            request.body(),
            scheme.date().format(clock.instant()),
            UUID.randomUUID().toString(),
            scheme.secrets(),
            null);
    byte[] digest = scheme.algorithm().compute(key, scheme.sign().render(values));
    values = values.withSignature(scheme.encoding().encode(digest));
    List<Header> headers = place(scheme.headers(), values);
    for (Header h : headers) {
      if (h.value().indexOf('\n') >= 0 || h.value().indexOf('\r') >= 0) {
        return new Refused(
            new Failure(
                Reason.INTERNAL, "the signature's header " + h.name() + " would span lines"));
      }
    }
    return new Credentials(headers, place(scheme.query(), values));
  }

  private static List<Header> place(Map<String, SignatureTemplate> templates, Values values) {
    List<Header> out = new ArrayList<>();
    templates.forEach(
        (name, template) ->
            out.add(new Header(name, template.renderText(values), secret(template))));
    return out;
  }

  /** A value that holds the signature or a secret is not shown. */
  static boolean secret(SignatureTemplate template) {
    return template.uses(Signature.class) || template.uses(SignaturePart.Secret.class);
  }

  @Override
  public Set<String> secretValues() {
    Set<String> out = new TreeSet<>();
    if (scheme.key() != null && !scheme.key().isEmpty()) {
      out.add(scheme.key());
    }
    scheme.secrets().values().stream().filter(v -> !v.isEmpty()).forEach(out::add);
    return out;
  }

  @Override
  public String describe() {
    List<String> places = new ArrayList<>();
    scheme.headers().forEach((n, t) -> places.add(n));
    scheme.query().forEach((n, t) -> places.add("?" + n));
    return "signature "
        + scheme.algorithm().spelling()
        + " "
        + scheme.encoding().spelling()
        + " in "
        + String.join(", ", places);
  }

  @Override
  public String identity() {
    StringBuilder out = new StringBuilder("signature\n");
    Scheme s = scheme;
    out.append(s.algorithm()).append('\n').append(s.key()).append('\n').append(s.keyEncoding());
    s.secrets().forEach((n, v) -> out.append('\n').append(n).append('=').append(v));
    out.append('\n').append(s.date().spelling()).append('\n').append(s.sign().text());
    out.append('\n').append(s.encoding());
    s.headers().forEach((n, t) -> out.append("\nH ").append(n).append('=').append(t.text()));
    s.query().forEach((n, t) -> out.append("\nQ ").append(n).append('=').append(t.text()));
    return out.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
