package dev.tickr.check.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickr.check.Deadline;
import dev.tickr.check.Header;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Observation;
import dev.tickr.check.Payload;
import dev.tickr.check.RequestAuth;
import dev.tickr.check.RequestAuth.Credentials;
import dev.tickr.check.auth.SignatureAuth.KeyEncoding;
import dev.tickr.check.auth.SignatureAuth.Scheme;
import dev.tickr.check.http.HttpCheck;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.time.Ticker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Request signing: known vectors for each algorithm and encoding, the date formats on a fixed
 * clock, and real loopback servers that recompute ShareASale's scheme and a generic "HMAC of
 * timestamp.body" scheme and refuse a wrong signature.
 */
class SignatureAuthTest {
  /** ShareASale's example date: Thu, 14 Apr 2011 22:44:22 GMT. */
  private static final Instant AT = Instant.parse("2011-04-14T22:44:22Z");

  private static final Clock CLOCK = Clock.fixed(AT, ZoneOffset.UTC);
  private static final String TOKEN = "NGc4Vz6XB4TfdEd1";
  private static final String SECRET = "sas-secret-5f4e3d2c";
  private static final String KEY = "whsec-key-9a8b7c6d";
  private static final Ticker TICKER = Ticker.system();

  private final TestHttpServer server = TestHttpServer.plain();

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0} over \"{2}\"")
  @CsvSource({
    // FIPS 180 "abc" digests (as sha1sum, sha256sum and sha512sum print them)
    "sha1,,abc,a9993e364706816aba3e25717850c26c9cd0d89d",
    "sha256,,abc,ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    "sha512,,abc,ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
        + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
    // RFC 2202 test case 2 (HMAC-SHA1), RFC 4231 test case 2 (HMAC-SHA256, HMAC-SHA512)
    "hmac-sha1,Jefe,what do ya want for nothing?,effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
    "hmac-sha256,Jefe,what do ya want for nothing?,"
        + "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    "hmac-sha512,Jefe,what do ya want for nothing?,"
        + "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
        + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737",
  })
  void each_algorithm_gives_its_known_answer(
      String algorithm, @Nullable String key, String data, String expected) {
    SignatureAlgorithm a = java.util.Objects.requireNonNull(SignatureAlgorithm.of(algorithm));
    SignatureAuth auth = auth(scheme(a, key, data, SignatureEncoding.HEX));
    assertThat(header(sign(auth, "GET", "https://api.example.com/", null), "X-Sig"))
        .isEqualTo(expected);
  }

  @Test
  void an_hmac_key_may_be_written_in_hex_or_base64() {
    String data = "what do ya want for nothing?";
    String expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    for (var written :
        Map.of(KeyEncoding.HEX, "4a656665", KeyEncoding.BASE64, "SmVmZQ==").entrySet()) {
      Scheme s =
          scheme(SignatureAlgorithm.HMAC_SHA256, written.getValue(), data, SignatureEncoding.HEX);
      Scheme keyed =
          new Scheme(
              s.algorithm(),
              s.key(),
              written.getKey(),
              s.secrets(),
              s.date(),
              s.sign(),
              s.encoding(),
              s.headers(),
              s.query());
      assertThat(header(sign(auth(keyed), "GET", "https://a.example/", null), "X-Sig"))
          .isEqualTo(expected);
    }
    assertThatThrownBy(() -> SignatureAuth.decodeKey("not hex" + KEY, KeyEncoding.HEX))
        .hasMessage("the key is not valid hex");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // printf abc | openssl dgst -sha256 -binary | base64 (| tr '+/' '-_' | tr -d =)
    "hex,ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    "hex-upper,BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
    "base64,ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=",
    "base64url,ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0",
  })
  void each_encoding_writes_the_same_digest(String encoding, String expected) {
    SignatureEncoding e = java.util.Objects.requireNonNull(SignatureEncoding.of(encoding));
    SignatureAuth auth = auth(scheme(SignatureAlgorithm.SHA256, null, "abc", e));
    assertThat(header(sign(auth, "GET", "https://a.example/", null), "X-Sig")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "rfc1123|2011-04-14T22:44:22Z|Thu, 14 Apr 2011 22:44:22 GMT",
        "rfc1123|2026-12-04T07:05:09Z|Fri, 04 Dec 2026 07:05:09 GMT",
        "iso8601|2011-04-14T22:44:22.250Z|2011-04-14T22:44:22Z",
        "unix|2011-04-14T22:44:22.999Z|1302821062",
        "unix-ms|2011-04-14T22:44:22.250Z|1302821062250",
        "yyyyMMddHHmmss|2011-04-14T22:44:22Z|20110414224422",
        "EEE dd MMM|2011-04-14T22:44:22Z|Thu 14 Apr",
      })
  void the_date_is_written_in_the_named_format_in_utc(String format, String at, String expected) {
    assertThat(SignatureDate.of(format).format(Instant.parse(at))).isEqualTo(expected);
  }

  @Test
  void a_date_pattern_that_cannot_be_used_is_refused() {
    assertThatThrownBy(() -> SignatureDate.of("yyyy-MM-dd bb"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shareasale_signs_token_date_action_and_secret() {
    SignatureAuth auth = auth(shareASale(SECRET));
    Credentials c =
        sign(
            auth,
            "GET",
            "https://api.shareasale.com/x.cfm?affiliateId=1&token="
                + TOKEN
                + "&version=2.3&action=ledger",
            null);
    // printf '%s' "$TOKEN:Thu, 14 Apr 2011 22:44:22 GMT:ledger:TEST" | sha256sum, with TEST as
    // the secret: computed outside Tickr.
    Credentials withTest =
        sign(
            auth(shareASale("TEST")),
            "GET",
            "https://api.shareasale.com/x.cfm?affiliateId=1&token="
                + TOKEN
                + "&version=2.3&action=ledger",
            null);
    assertThat(header(withTest, "x-ShareASale-Authentication"))
        .isEqualTo("e0ba72403edcc0959ffe92856f3f1514ea7122eb5fc070776091b6763215b3be");
    assertThat(header(c, "x-ShareASale-Date")).isEqualTo("Thu, 14 Apr 2011 22:44:22 GMT");
    assertThat(c.headers())
        .extracting(Header::name, Header::secret)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("x-ShareASale-Date", false),
            org.assertj.core.groups.Tuple.tuple("x-ShareASale-Authentication", true));
    assertThat(c.query()).isEmpty();
  }

  @Test
  void a_shareasale_like_server_takes_the_signature_and_refuses_a_wrong_one() {
    server.route("/x.cfm", SignatureAuthTest::shareAsaleServer);
    URI url = server.url("/x.cfm?affiliateId=1&token=" + TOKEN + "&version=2.3&action=ledger");
    HttpTarget target = HttpTarget.get(url);

    Observation signed = observe(target.withAuth(auth(shareASale(SECRET))));
    Observation wrong = observe(target.withAuth(auth(shareASale("not-" + SECRET))));
    Observation unsigned = observe(target);

    assertThat(signed.status()).isEqualTo(200);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unsigned.status()).isEqualTo(401);
  }

  @Test
  void a_server_checking_an_hmac_of_timestamp_and_body_takes_it_and_refuses_a_wrong_key() {
    server.route("/hooks", SignatureAuthTest::hmacServer);
    String json = "{\"id\":1}";
    HttpTarget target =
        new HttpTarget(
            server.url("/hooks"),
            "POST",
            List.of(Header.plain("Content-Type", "application/json")),
            Payload.of(json),
            true,
            HttpTarget.DEFAULT_MAX_BODY,
            false,
            List.of());

    Observation signed = observe(target.withAuth(auth(timestampBody(KEY))));
    Observation wrong = observe(target.withAuth(auth(timestampBody("other-" + KEY))));

    assertThat(signed.status()).isEqualTo(200);
    assertThat(wrong.status()).isEqualTo(401);
    // printf '%s' '1302821062.{"id":1}' | openssl dgst -sha256 -hmac whsec-key-9a8b7c6d
    RecordedRequest sent = server.requests().get(0);
    assertThat(sent.header("X-Timestamp")).isEqualTo("1302821062");
    assertThat(sent.header("X-Signature"))
        .isEqualTo("sha256=" + hmacHex(KEY, "1302821062." + json));
  }

  @Test
  void the_signature_and_date_can_go_in_query_parameters() {
    server.route(
        "/api",
        r -> {
          String query = r.target().substring(r.target().indexOf('?') + 1);
          // sign = "{method}&{path}&{query:ts}"; the parameters are appended after signing
          String ts = SignatureTemplate.parameter(URI.create("http://h/?" + query), "ts");
          String sig = SignatureTemplate.parameter(URI.create("http://h/?" + query), "sig");
          String expected =
              SignatureEncoding.BASE64URL.encode(
                  SignatureAlgorithm.HMAC_SHA1.compute(
                      KEY.getBytes(StandardCharsets.UTF_8),
                      ("GET&/api&" + ts).getBytes(StandardCharsets.UTF_8)));
          return Reply.status(sig.equals(expected) ? 200 : 403);
        });
    Map<String, SignatureTemplate> query = new LinkedHashMap<>();
    query.put("ts", SignatureTemplate.parse("{date}"));
    query.put("sig", SignatureTemplate.parse("{signature}"));
    Scheme scheme =
        new Scheme(
            SignatureAlgorithm.HMAC_SHA1,
            KEY,
            KeyEncoding.TEXT,
            Map.of(),
            SignatureDate.of("unix"),
            SignatureTemplate.parse("{method}&{path}&{date}"),
            SignatureEncoding.BASE64URL,
            Map.of(),
            query);

    Observation o = observe(HttpTarget.get(server.url("/api?x=1")).withAuth(auth(scheme)));

    assertThat(o.status()).isEqualTo(200);
    assertThat(server.requests().get(0).target()).startsWith("/api?x=1&ts=1302821062&sig=");
  }

  @Test
  void the_parts_read_the_request() {
    SignatureTemplate t =
        SignatureTemplate.parse(
            "{method}|{path}|{query}|{query:a b}|{query:none}|{body}|{body-sha256}|{body-md5}"
                + "|{secret:s}|{date}");
    var values =
        new SignatureTemplate.Values(
            "post",
            URI.create("https://h.example/v1/x%2Fy?a+b=c%26d&e=f"),
            Payload.of("{\"id\":1}"),
            "D",
            "N",
            Map.of("s", "S"),
            null);
    // printf '{"id":1}' | sha256sum ; printf '{"id":1}' | md5sum
    assertThat(t.renderText(values))
        .isEqualTo(
            "POST|/v1/x%2Fy|a+b=c%26d&e=f|c&d||{\"id\":1}"
                + "|037c9214eef74cc3887f3a4f085b4e17d76280dafd273b0ee160c09c4ba1cfd4"
                + "|d2ce28b9a7fd7e4407e2b0fd499b7fe4|S|D");
    var bare =
        new SignatureTemplate.Values(
            "GET", URI.create("https://h.example"), null, "D", "N", Map.of(), null);
    assertThat(SignatureTemplate.parse("{path}[{query}][{body}]").renderText(bare))
        .isEqualTo("/[][]");
  }

  @Test
  void one_signing_uses_one_date_and_one_nonce_everywhere() {
    Map<String, SignatureTemplate> headers = new LinkedHashMap<>();
    headers.put("X-Sig", SignatureTemplate.parse("{signature}"));
    headers.put("X-Nonce", SignatureTemplate.parse("{nonce}"));
    headers.put("X-Echo", SignatureTemplate.parse("{nonce}/{date}"));
    Scheme scheme =
        new Scheme(
            SignatureAlgorithm.SHA256,
            null,
            KeyEncoding.TEXT,
            Map.of(),
            SignatureDate.of("iso8601"),
            SignatureTemplate.parse("{nonce}"),
            SignatureEncoding.HEX,
            headers,
            Map.of());
    Credentials c = sign(auth(scheme), "GET", "https://a.example/", null);
    String nonce = header(c, "X-Nonce");
    assertThat(header(c, "X-Echo")).isEqualTo(nonce + "/2011-04-14T22:44:22Z");
    assertThat(header(c, "X-Sig"))
        .isEqualTo(
            SignatureEncoding.HEX.encode(
                SignatureAlgorithm.SHA256.compute(
                    new byte[0], nonce.getBytes(StandardCharsets.UTF_8))));
    assertThat(header(sign(auth(scheme), "GET", "https://a.example/", null), "X-Nonce"))
        .isNotEqualTo(nonce);
  }

  @Test
  void the_key_and_secrets_show_nowhere_but_are_listed_for_masking() {
    SignatureAuth auth = auth(timestampBody(KEY));
    SignatureAuth sas = auth(shareASale(SECRET));
    String shown =
        auth
            + " "
            + auth.describe()
            + " "
            + auth.scheme()
            + " "
            + sas
            + " "
            + sas.scheme()
            + " "
            + HttpTarget.get(URI.create("https://a.example/")).withAuth(sas);

    assertThat(shown).doesNotContain(KEY).doesNotContain(SECRET).doesNotContain(TOKEN);
    assertThat(sas.describe())
        .isEqualTo("signature sha256 hex in x-ShareASale-Date, x-ShareASale-Authentication");
    assertThat(auth.secretValues()).containsExactly(KEY);
    assertThat(sas.secretValues()).containsExactlyInAnyOrder(TOKEN, SECRET);
    assertThat(auth.identity()).isNotEqualTo(auth(timestampBody("other")).identity());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{token}:{date}|0|unknown part {token}; the parts are {method}, {path}, {query},"
            + " {query:NAME}, {date}, {nonce}, {body}, {body-sha256}, {body-md5}, {secret:NAME},"
            + " {signature}",
        "a:{date|2|\"{\" is not closed by \"}\" (a template holds no literal brace)",
        "{a{date}|0|\"{\" is not closed by \"}\" (a template holds no literal brace)",
        "x}|1|\"}\" without \"{\" (a template holds no literal brace)",
        "{date}:{secret:}|7|{secret:} needs a name after \":\"",
        "{date:x}|0|unknown part {date:x}; the parts are {method}, {path}, {query},"
            + " {query:NAME}, {date}, {nonce}, {body}, {body-sha256}, {body-md5}, {secret:NAME},"
            + " {signature}",
      })
  void a_template_that_does_not_parse_says_where(String text, int offset, String message) {
    assertThatThrownBy(() -> SignatureTemplate.parse(text))
        .isInstanceOfSatisfying(
            SignatureTemplate.Invalid.class, e -> assertThat(e.offset()).isEqualTo(offset))
        .hasMessage(message);
  }

  // --- helpers

  private static SignatureAuth auth(Scheme scheme) {
    return new SignatureAuth(scheme, CLOCK);
  }

  /** Signs {@code data} as a literal and puts the signature in X-Sig. */
  private static Scheme scheme(
      SignatureAlgorithm algorithm, @Nullable String key, String data, SignatureEncoding encoding) {
    return new Scheme(
        algorithm,
        key,
        KeyEncoding.TEXT,
        Map.of(),
        SignatureDate.of("rfc1123"),
        new SignatureTemplate(data, List.of(new SignaturePart.Literal(data))),
        encoding,
        Map.of("X-Sig", SignatureTemplate.parse("{signature}")),
        Map.of());
  }

  /** ShareASale's scheme, as docs/signing.md writes it. */
  static Scheme shareASale(String secret) {
    Map<String, SignatureTemplate> headers = new LinkedHashMap<>();
    headers.put("x-ShareASale-Date", SignatureTemplate.parse("{date}"));
    headers.put("x-ShareASale-Authentication", SignatureTemplate.parse("{signature}"));
    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put("token", TOKEN);
    secrets.put("secret", secret);
    return new Scheme(
        SignatureAlgorithm.SHA256,
        null,
        KeyEncoding.TEXT,
        secrets,
        SignatureDate.of("rfc1123"),
        SignatureTemplate.parse("{secret:token}:{date}:{query:action}:{secret:secret}"),
        SignatureEncoding.HEX,
        headers,
        Map.of());
  }

  /** An HMAC-SHA256 of "timestamp.body" in X-Signature as "sha256=HEX", the timestamp beside it. */
  static Scheme timestampBody(String key) {
    Map<String, SignatureTemplate> headers = new LinkedHashMap<>();
    headers.put("X-Timestamp", SignatureTemplate.parse("{date}"));
    headers.put("X-Signature", SignatureTemplate.parse("sha256={signature}"));
    return new Scheme(
        SignatureAlgorithm.HMAC_SHA256,
        key,
        KeyEncoding.TEXT,
        Map.of(),
        SignatureDate.of("unix"),
        SignatureTemplate.parse("{date}.{body}"),
        SignatureEncoding.HEX,
        headers,
        Map.of());
  }

  /** Recomputes ShareASale's signature with its own copy of the secret: 200, else 401. */
  private static Reply shareAsaleServer(RecordedRequest r) {
    String date = r.header("x-ShareASale-Date");
    String sig = r.header("x-ShareASale-Authentication");
    String action = SignatureTemplate.parameter(URI.create("http://h" + r.target()), "action");
    String token = SignatureTemplate.parameter(URI.create("http://h" + r.target()), "token");
    if (date == null || sig == null) {
      return Reply.status(401).text("Error: missing authentication headers");
    }
    String expected =
        HexFormat.of()
            .formatHex(
                SignatureAlgorithm.SHA256.compute(
                    new byte[0],
                    (token + ":" + date + ":" + action + ":" + SECRET)
                        .getBytes(StandardCharsets.UTF_8)));
    return sig.equalsIgnoreCase(expected)
        ? Reply.status(200).text("ok")
        : Reply.status(401).text("Error: Invalid Signature");
  }

  /** Recomputes HMAC-SHA256("timestamp.body") with its own copy of the key: 200, else 401. */
  private static Reply hmacServer(RecordedRequest r) {
    String ts = r.header("X-Timestamp");
    String sig = r.header("X-Signature");
    boolean ok =
        ts != null && sig != null && sig.equals("sha256=" + hmacHex(KEY, ts + "." + r.body()));
    return Reply.status(ok ? 200 : 401);
  }

  private static String hmacHex(String key, String data) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static Observation observe(HttpTarget target) {
    HttpCheck check = new HttpCheck(Clock.systemUTC(), TICKER, "Tickr/test");
    return check.observe(target, Deadline.after(Duration.ofSeconds(30), TICKER));
  }

  private static Credentials sign(
      SignatureAuth auth, String method, String url, @Nullable String body) {
    RequestAuth.Outcome o =
        auth.apply(
            new RequestAuth.Request(
                method, URI.create(url), body == null ? null : Payload.of(body)),
            Deadline.after(Duration.ofSeconds(5), TICKER));
    assertThat(o).isInstanceOf(Credentials.class);
    return (Credentials) o;
  }

  private static String header(Credentials c, String name) {
    return c.headers().stream()
        .filter(h -> h.name().equals(name))
        .map(Header::value)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no header " + name + " in " + c));
  }
}
