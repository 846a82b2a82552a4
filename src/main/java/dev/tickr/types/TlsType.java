package dev.tickr.types;

import dev.tickr.check.Deadline;
import dev.tickr.check.Observation;
import dev.tickr.check.TlsTarget;
import dev.tickr.check.tls.TlsCheck;
import dev.tickr.config.Fields;
import dev.tickr.config.Fingerprint;
import dev.tickr.config.Key;
import dev.tickr.config.Key.Kind;
import dev.tickr.config.Node;
import dev.tickr.config.Read;
import dev.tickr.config.TypeSettings;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The {@code tls} monitor type: a TLS handshake, for the certificate. */
public final class TlsType implements MonitorType {
  private static final List<Key> KEYS =
      List.of(
          Key.of(
                  "host",
                  Kind.HOST,
                  "the host to connect to: a host name or IP address, without scheme or port.")
              .ownOnly()
              .needed(),
          Key.of("port", Kind.PORT, "the port to connect to.")
              .withDefault(TlsTarget.DEFAULT_PORT)
              .ownOnly());

  private final TlsCheck check;

  public TlsType(TlsCheck check) {
    this.check = check;
  }

  /** A TLS handshake with {@code host:port}. */
  public record Settings(String host, int port, TlsTarget target) implements TypeSettings {
    public Settings(String host, int port) {
      this(host, port, TlsTarget.of(host, port));
    }

    @Override
    public String describe() {
      return HostPort.describe(host, port);
    }

    @Override
    public void fingerprint(Fingerprint f) {
      HostPort.fingerprint(f, host, port);
    }

    @Override
    public Map<String, Object> document() {
      return HostPort.document(host, port);
    }
  }

  @Override
  public String name() {
    return "tls";
  }

  @Override
  public String summary() {
    return "a handshake, for the certificate";
  }

  @Override
  public List<Key> keys() {
    return KEYS;
  }

  @Override
  public String hint(String key) {
    return key.equals("url") ? " (use host and port)" : "";
  }

  @Override
  public Observation observe(TypeSettings settings, Deadline deadline) {
    return check.observe(((Settings) settings).target(), deadline);
  }

  @Override
  public @Nullable TypeSettings read(Fields fields, Read read, String label) {
    Node host = fields.get("host");
    if (host == null) {
      read.problem(fields.at(), label + " has no \"host\"");
    }
    Node port = fields.get("port");
    String h = host == null ? null : read.host(host, "host");
    Integer p =
        port == null
            ? Integer.valueOf(TlsTarget.DEFAULT_PORT)
            : read.integer(port, "port", 1, 65535);
    return h == null || p == null ? null : new Settings(h, p);
  }
}
