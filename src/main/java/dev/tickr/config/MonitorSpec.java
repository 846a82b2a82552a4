package dev.tickr.config;

import dev.tickr.assertion.Condition;
import dev.tickr.check.Header;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Payload;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One monitor as configured: validated, with every default applied, immutable. A value: two loads
 * of the same text give equal specs. It holds no runtime state.
 *
 * @param target what is probed; its {@link Endpoint#type()} is {@code type}
 * @param interval how often it is probed; for a heartbeat, its {@code period}
 * @param timeout the hard limit of one probe; for a heartbeat, its {@code grace}
 * @param conditions what must hold for a probe to pass
 * @param degraded whether a probe that fails only conditions on response time or certificate expiry
 *     makes the monitor DEGRADED rather than DOWN
 * @param alerts names of channels in {@link Config#channels()}
 * @param escalate further channels told when an incident stays open and unacknowledged
 * @param flapping when the monitor counts as flapping, which holds its alerts
 * @param source {@code yaml} or {@code api}
 * @param line where the monitor is declared in its file (1-based), 0 when it has no file
 */
public record MonitorSpec(
    String name,
    MonitorType type,
    Endpoint target,
    Duration interval,
    Duration timeout,
    List<Condition> conditions,
    boolean degraded,
    int failureThreshold,
    int successThreshold,
    List<String> alerts,
    List<Escalation> escalate,
    Flapping flapping,
    List<String> tags,
    boolean paused,
    String source,
    int line) {

  public static final String SOURCE_YAML = "yaml";

  /** Created through the REST API and kept in the database. */
  public static final String SOURCE_API = "api";

  public MonitorSpec {
    Objects.requireNonNull(name, "name");
    if (target.type() != type) {
      throw new IllegalArgumentException(
          "a " + type.code() + " monitor cannot probe a " + target.type().code() + " target");
    }
    conditions = List.copyOf(conditions);
    alerts = List.copyOf(alerts);
    escalate = List.copyOf(escalate);
    tags = List.copyOf(tags);
  }

  /** This monitor, paused. */
  public MonitorSpec withPaused() {
    return new MonitorSpec(
        name,
        type,
        target,
        interval,
        timeout,
        conditions,
        degraded,
        failureThreshold,
        successThreshold,
        alerts,
        escalate,
        flapping,
        tags,
        true,
        source,
        line);
  }

  /**
   * A stable hash (SHA-256, hex) of everything that affects how the monitor is probed, judged and
   * alerted: all but {@code source} and {@code line}, so moving a monitor in its file, or between
   * the file and the API, does not count as a change. Secret values go into the hash, so rotating a
   * token counts.
   */
  public String fingerprint() {
    Canonical c = new Canonical();
    c.add(name).add(type.code());
    switch (target) {
      case Endpoint.Http http -> addHttp(c, http.target());
      case Endpoint.Tcp tcp -> c.add(tcp.host()).add(tcp.port());
      case Endpoint.Tls tls -> c.add(tls.host()).add(tls.port());
      case Endpoint.Dns dns ->
          c.add(dns.host()).add(dns.queryType()).add(Objects.toString(dns.nameserver(), "-"));
      case Endpoint.Heartbeat hb ->
          c.add(hb.period().toString())
              .add(hb.grace().toString())
              .add(Objects.toString(hb.token(), "-"));
    }
    c.add(interval.toString()).add(timeout.toString());
    c.add(conditions.size());
    conditions.forEach(cond -> c.add(cond.text()));
    c.add(String.valueOf(degraded));
    c.add(failureThreshold).add(successThreshold);
    c.add(alerts.size());
    alerts.forEach(c::add);
    c.add(escalate.size());
    for (Escalation step : escalate) {
      c.add(step.after().toString()).add(step.alerts().size());
      step.alerts().forEach(c::add);
    }
    c.add(flapping.changes()).add(flapping.within().toString());
    c.add(flapping.holdDown().text());
    c.add(tags.size());
    tags.forEach(c::add);
    c.add(String.valueOf(paused));
    return c.hash();
  }

  private static void addHttp(Canonical c, HttpTarget t) {
    c.add(t.method()).add(t.url().toString());
    c.add(t.headers().size());
    for (Header h : t.headers()) {
      c.add(h.name()).add(h.value()).add(String.valueOf(h.secret()));
    }
    Payload body = t.body();
    c.add(body == null ? "-" : HexFormat.of().formatHex(body.bytes()));
    c.add(String.valueOf(t.followRedirects())).add(String.valueOf(t.maxBodyBytes()));
    c.add(String.valueOf(t.insecure()));
    c.add(t.extraCas().size());
    for (X509Certificate ca : t.extraCas()) {
      try {
        c.add(HexFormat.of().formatHex(ca.getEncoded()));
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException("a trusted certificate cannot be encoded", e);
      }
    }
  }

  /** Length-prefixed fields, so that no two different specs write the same text. */
  private static final class Canonical {
    private final StringBuilder text = new StringBuilder();

    Canonical add(String field) {
      text.append(field.length()).append(':').append(field).append(';');
      return this;
    }

    Canonical add(int field) {
      return add(Integer.toString(field));
    }

    String hash() {
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        return HexFormat.of()
            .formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has SHA-256", e);
      }
    }
  }
}
