package dev.tickr.assertion;

import dev.tickr.check.Body;
import dev.tickr.check.Failure;
import dev.tickr.check.Header;
import dev.tickr.check.Headers;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import dev.tickr.check.Timings;
import dev.tickr.check.TlsInfo;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Observations built directly from the check records, as an HTTP check would report them, judged at
 * the fixed instant {@link #NOW}.
 */
final class Responses {
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private Responses() {}

  static Builder status(int status) {
    return new Builder().status(status);
  }

  static Builder json(String json) {
    return new Builder().body(json).header("Content-Type", "application/json");
  }

  static Builder text(String text) {
    return new Builder().body(text).header("Content-Type", "text/plain; charset=utf-8");
  }

  /** No answer at all: the connection was refused. */
  static Observation refused() {
    return new Builder().failure(Reason.CONNECT, "connection refused").build();
  }

  /** Judges {@code observation} against one condition. */
  static ConditionResult evaluate(Observation observation, String condition) {
    return new Judge(CLOCK).judge(observation, List.of(parse(condition))).conditions().get(0);
  }

  static CheckResult judge(Observation observation, String... conditions) {
    List<Condition> parsed = new ArrayList<>();
    for (String c : conditions) {
      parsed.add(parse(c));
    }
    return new Judge(CLOCK).judge(observation, parsed);
  }

  static Condition parse(String condition) {
    try {
      return ConditionParser.parse(condition);
    } catch (ConditionSyntaxException e) {
      throw new AssertionError(e.getMessage() + "\n" + e.pointer(), e);
    }
  }

  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal); // a literal address: no lookup happens
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** A self-signed certificate that expires at {@code notAfter}. */
  static X509Certificate certificateExpiring(Instant notAfter) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      KeyPair keys = generator.generateKeyPair();
      X500Name name = new X500Name("CN=api.example.test");
      var builder =
          new JcaX509v3CertificateBuilder(
              name,
              BigInteger.ONE,
              Date.from(notAfter.minus(Duration.ofDays(90))),
              Date.from(notAfter),
              name,
              keys.getPublic());
      var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new AssertionError(e);
    }
  }

  static final class Builder {
    private URI url = URI.create("https://api.example.test/v1/status");
    private boolean connected = true;
    private @Nullable Integer status = 200;
    private final List<Header> headers = new ArrayList<>();
    private Body body = Body.EMPTY;
    private Duration total = Duration.ofMillis(123);
    private @Nullable TlsInfo tls;
    private @Nullable InetAddress ip = Responses.ip("127.0.0.1");
    private @Nullable Failure failure;

    Builder status(int status) {
      this.status = status;
      return this;
    }

    Builder url(String url) {
      this.url = URI.create(url);
      return this;
    }

    Builder body(String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      this.body = new Body(bytes, false, null, StandardCharsets.UTF_8);
      return this;
    }

    /** The first {@code kept} bytes of {@code text}, marked truncated. */
    Builder truncatedBody(String text, int kept) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      byte[] start = Arrays.copyOf(bytes, kept);
      this.body = new Body(start, true, null, StandardCharsets.UTF_8);
      return this;
    }

    Builder header(String name, String value) {
      headers.add(Header.plain(name, value));
      return this;
    }

    Builder secretHeader(String name, String value) {
      headers.add(Header.secret(name, value));
      return this;
    }

    Builder responseTime(Duration total) {
      this.total = total;
      return this;
    }

    Builder certificateExpiring(Instant notAfter) {
      this.tls =
          new TlsInfo(List.of(Responses.certificateExpiring(notAfter)), "TLSv1.3", "TLS_AES");
      return this;
    }

    Builder ip(String literal) {
      this.ip = Responses.ip(literal);
      return this;
    }

    /** No response: the exchange failed before a status arrived. */
    Builder failure(Reason reason, String message) {
      this.failure = new Failure(reason, message);
      this.status = null;
      this.connected = reason != Reason.DNS && reason != Reason.CONNECT;
      if (!connected) {
        this.ip = null;
      }
      return this;
    }

    Observation build() {
      return new Observation(
          url,
          connected,
          status,
          status == null ? null : "",
          status == null ? null : "HTTP/1.1",
          new Headers(headers),
          body,
          Timings.totalOnly(total),
          tls,
          ip,
          List.of(),
          failure);
    }
  }
}
