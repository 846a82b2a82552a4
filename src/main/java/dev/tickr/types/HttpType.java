package dev.tickr.types;

import dev.tickr.assertion.Conditions;
import dev.tickr.check.ClientIdentity;
import dev.tickr.check.Deadline;
import dev.tickr.check.Header;
import dev.tickr.check.HttpProxy;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Observation;
import dev.tickr.check.Payload;
import dev.tickr.check.Redaction;
import dev.tickr.check.RequestAuth;
import dev.tickr.check.RequestTemplate;
import dev.tickr.check.auth.OAuth2Auth;
import dev.tickr.check.auth.OAuth2Tokens;
import dev.tickr.check.auth.SignatureAuth;
import dev.tickr.check.http.HttpCheck;
import dev.tickr.check.template.Template;
import dev.tickr.config.Fields;
import dev.tickr.config.Fingerprint;
import dev.tickr.config.Key;
import dev.tickr.config.Key.Kind;
import dev.tickr.config.Read;
import dev.tickr.config.TypeSettings;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The {@code http} monitor type: one request, its answer judged by conditions. */
public final class HttpType implements MonitorType {
  private static final List<Key> KEYS =
      List.of(
          Key.of("url", Kind.URL, "the URL to request, http:// or https://.")
              .ownOnly()
              .needed()
              .withExamples("https://api.example.com/health"),
          Key.of(
                  "method",
                  Kind.TEXT,
                  "the request method; POST when a body is given and no method.")
              .withDefault("GET")
              .withExamples("GET", "HEAD", "POST", "PUT"),
          Key.of("headers", Kind.MAP, "request headers by name.")
              .withSchema("{\"$ref\": \"#/$defs/headers\"}"),
          Key.of(
              "body",
              Kind.TEXT_BLOCK,
              "the request body, sent as JSON when it looks like JSON, else as a form. Write JSON"
                  + " as a block: \"body: |\"."),
          Key.of(
                  "auth",
                  Kind.OBJECT,
                  "credentials sent as the Authorization (or a named) header; one of basic,"
                      + " bearer, header, oauth2 (client credentials, token fetched and cached) or"
                      + " signature (a request signature).")
              .secretValue()
              .withSchema("{\"$ref\": \"#/$defs/auth\"}"),
          Key.of(
                  HttpOptionsReader.FOLLOW,
                  Kind.BOOLEAN,
                  "follow redirects (up to 10, refusing loops); false observes the redirect itself.")
              .withDefault(true),
          Key.of(
                  HttpOptionsReader.FOLLOW_REFRESH,
                  Kind.BOOLEAN,
                  "when following redirects, also follow a Refresh header and an HTML meta refresh"
                      + " (as tracking links do); each is a hop of [HOP].")
              .withDefault(false),
          Key.of(
                  HttpOptionsReader.INSECURE,
                  Kind.BOOLEAN,
                  "accept any certificate and host name (the expiry is still reported).")
              .withDefault(false),
          Key.of(
                  HttpOptionsReader.CA_CERT,
                  Kind.TEXT_BLOCK,
                  "CA certificates trusted besides the system's: the path of a PEM file, or the PEM"
                      + " text itself.")
              .withExamples("/etc/tickr/private-ca.pem"),
          Key.of(
                  HttpOptionsReader.MAX_BODY,
                  Kind.TEXT,
                  "read at most this much of the answer's body, e.g. 512KiB or 10MB.")
              .withDefault("1MiB")
              .withExamples("512KiB", "10MB"),
          Key.of(
                  HttpOptionsReader.PROXY,
                  Kind.TEXT,
                  "go out through this proxy: http://[user:password@]host:port (CONNECT for"
                      + " https) or socks5://[user:password@]host:port.")
              .withExamples("http://10.0.0.5:3128", "socks5://tickr:${PROXY_PASSWORD}@egress:1080"),
          Key.of(
                  HttpOptionsReader.CLIENT_CERT,
                  Kind.TEXT_BLOCK,
                  "the client certificate for mutual TLS, leaf first: the path of a PEM file or the"
                      + " PEM text; needs client-key.")
              .withExamples("/etc/tickr/client.pem"),
          Key.of(
                  HttpOptionsReader.CLIENT_KEY,
                  Kind.TEXT_BLOCK,
                  "the client certificate's private key, unencrypted PKCS#8 (BEGIN PRIVATE KEY):"
                      + " the path of a PEM file or the PEM text.")
              .secretValue()
              .withExamples("/etc/tickr/client.key"));

  /**
   * Keys of {@code auth}, and of its {@code basic}, {@code header} and {@code signature}, by their
   * path below it.
   */
  public static final java.util.Map<String, List<String>> AUTH_KEYS =
      java.util.Map.of(
          "",
          HttpRequestReader.AUTH,
          "/basic",
          HttpRequestReader.AUTH_BASIC,
          "/header",
          HttpRequestReader.AUTH_HEADER,
          "/oauth2",
          OAuth2Reader.KEYS,
          "/signature",
          SignatureReader.KEYS);

  /** What an http monitor without {@code conditions} checks, as {@code tickr check} does. */
  private static final List<String> DEFAULT_CONDITIONS = List.of(Conditions.DEFAULT);

  private final HttpCheck check;
  private final Map<String, Boolean> secretNames = HttpRequestReader.newNameCache();
  private final OAuth2Tokens tokens;

  /**
   * @param tokens the OAuth2 tokens of {@code auth: {oauth2: ...}}, kept across reloads
   */
  public HttpType(HttpCheck check, OAuth2Tokens tokens) {
    this.check = check;
    this.tokens = tokens;
  }

  /** An http monitor's request, {@code auth:} already turned into secret headers. */
  public record Settings(HttpTarget target) implements TypeSettings {
    @Override
    public String describe() {
      return target.describe();
    }

    @Override
    public void fingerprint(Fingerprint f) {
      HttpTarget t = target;
      // As written, placeholders and all: the same text fingerprints the same after a reload.
      RequestTemplate template = t.template();
      Template url = template == null ? null : template.url();
      f.add(t.method()).add(url == null ? t.url().toString() : url.text());
      f.add(t.headers().size());
      for (Header h : t.headers()) {
        f.add(h.name()).add(h.value()).add(h.secret());
      }
      Payload body = t.body();
      if (body == null) {
        f.add("-");
      } else {
        f.add(body.bytes());
      }
      f.add(t.followRedirects()).add(String.valueOf(t.maxBodyBytes())).add(t.insecure());
      if (t.followRefresh()) {
        f.add("follow-refresh"); // only when set: other monitors keep their fingerprints
      }
      certificates(f, t.extraCas());
      RequestAuth auth = t.auth();
      f.add(auth == null ? "-" : auth.identity());
      HttpProxy proxy = t.proxy();
      if (proxy == null) {
        f.add("-");
      } else {
        f.add(proxy.describe()).add(String.valueOf(proxy.password()));
      }
      ClientIdentity identity = t.clientIdentity();
      if (identity == null) {
        f.add("-");
      } else {
        certificates(f, identity.chain());
        byte[] key = identity.key().getEncoded();
        f.add(key == null ? new byte[0] : key);
      }
    }

    private static void certificates(Fingerprint f, List<X509Certificate> certificates) {
      f.add(certificates.size());
      for (X509Certificate c : certificates) {
        try {
          f.add(c.getEncoded());
        } catch (CertificateEncodingException e) {
          throw new IllegalStateException("a certificate cannot be encoded", e);
        }
      }
    }

    @Override
    public Map<String, Object> document() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("url", target.shownUrl());
      out.put("method", target.method());
      Map<String, Object> headers = new LinkedHashMap<>();
      for (Header h : target.headers()) {
        headers.put(h.name(), h.secret() ? new Secret(h.value()) : h.value());
      }
      out.put("headers", headers);
      if (target.auth() instanceof OAuth2Auth oauth2) {
        out.put("auth", OAuth2Reader.document(oauth2.settings()));
      }
      Payload body = target.body();
      if (body != null) {
        out.put("body", text(body));
      }
      if (target.auth() instanceof SignatureAuth signature) {
        out.put("auth", Map.of("signature", SignatureReader.document(signature)));
      }
      HttpOptionsDocument.put(out, target);
      return out;
    }

    @Override
    public Set<String> secretValues() {
      return Redaction.secretsOf(target);
    }

    /** Never shows a secret header's value (the target's own {@code toString} would). */
    @Override
    public String toString() {
      String headers =
          target.headers().stream()
              .map(h -> h.name() + ": " + h.display())
              .collect(Collectors.joining(", ", "[", "]"));
      return "Http[" + describe() + ", headers=" + headers + ", body=" + target.body() + "]";
    }

    private static String text(Payload body) {
      try {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body.bytes())).toString();
      } catch (CharacterCodingException e) {
        return "(" + body.size() + " bytes, not UTF-8)";
      }
    }
  }

  @Override
  public String name() {
    return "http";
  }

  @Override
  public String summary() {
    return "a request";
  }

  @Override
  public List<Key> keys() {
    return KEYS;
  }

  @Override
  public List<String> defaultConditions() {
    return DEFAULT_CONDITIONS;
  }

  @Override
  public @Nullable TypeSettings read(Fields fields, Read read, String label) {
    HttpTarget target =
        new HttpRequestReader(read, secretNames, tokens, check.clock()).read(fields, label);
    return target == null ? null : new Settings(target);
  }

  @Override
  public Observation observe(TypeSettings settings, Deadline deadline) {
    return check.observe(((Settings) settings).target(), deadline);
  }

  @Override
  public void prepare() {
    check.prepare();
  }

  @Override
  public void ready() {
    check.ready();
  }
}
