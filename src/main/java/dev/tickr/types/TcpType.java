package dev.tickr.types;

import dev.tickr.check.Deadline;
import dev.tickr.check.Observation;
import dev.tickr.check.TcpTarget;
import dev.tickr.check.tcp.TcpCheck;
import dev.tickr.config.Fields;
import dev.tickr.config.Fingerprint;
import dev.tickr.config.Key;
import dev.tickr.config.Key.Kind;
import dev.tickr.config.Node;
import dev.tickr.config.Node.Entry;
import dev.tickr.config.Node.Scalar;
import dev.tickr.config.Read;
import dev.tickr.config.TypeSettings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The {@code tcp} monitor type: does something accept connections on {@code host:port}? */
public final class TcpType implements MonitorType {
  /** What {@code host} is, for tcp and tls monitors. */
  private static final String HOST =
      "the host to connect to: a host name or IP address, without scheme or port.";

  private static final List<Key> KEYS =
      List.of(
          Key.of("url", Kind.URL, "tcp://host:port instead of host and port.").ownOnly(),
          Key.of("host", Kind.HOST, HOST).ownOnly(),
          Key.of("port", Kind.PORT, "the port to connect to.").ownOnly());

  private final TcpCheck check;

  public TcpType(TcpCheck check) {
    this.check = check;
  }

  /** A TCP connect to {@code host:port}. */
  public record Settings(String host, int port, TcpTarget target) implements TypeSettings {
    public Settings(String host, int port) {
      this(host, port, new TcpTarget(host, port));
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
    return "tcp";
  }

  @Override
  public String summary() {
    return "a connection";
  }

  @Override
  public List<Key> keys() {
    return KEYS;
  }

  @Override
  public String requires() {
    return "{\"anyOf\": [{\"required\": [\"url\"]}, {\"required\": [\"host\", \"port\"]}]}";
  }

  @Override
  public Observation observe(TypeSettings settings, Deadline deadline) {
    return check.observe(((Settings) settings).target(), deadline);
  }

  @Override
  public @Nullable TypeSettings read(Fields fields, Read read, String label) {
    Node url = fields.get("url");
    Node host = fields.get("host");
    Node port = fields.get("port");
    if (url != null) {
      if (host != null || port != null) {
        Entry extra = fields.entry(host != null ? "host" : "port");
        read.problem(
            extra == null ? fields.at() : extra.key().at(),
            "use either url or host and port, not both");
        return null;
      }
      return url(url, read);
    }
    if (host == null || port == null) {
      read.problem(
          fields.at(), label + " needs \"host\" and \"port\", or \"url: tcp://host:port\"");
    }
    String h = host == null ? null : read.host(host, "host");
    Integer p = port == null ? null : read.integer(port, "port", 1, 65535);
    return h == null || p == null ? null : new Settings(h, p);
  }

  private static @Nullable Settings url(Node node, Read read) {
    Scalar s = read.scalar(node, "url", "a URL like tcp://db.example.com:5432");
    if (s == null) {
      return null;
    }
    URI uri = read.uri(s, "url");
    if (uri == null) {
      return null;
    }
    String path = uri.getRawPath();
    if (!"tcp".equalsIgnoreCase(uri.getScheme())
        || uri.getHost() == null
        || uri.getPort() < 1
        || uri.getPort() > 65535
        || (path != null && !path.isEmpty() && !path.equals("/"))
        || uri.getRawQuery() != null) {
      read.problem(
          s.at(), "url must look like tcp://host:port for tcp monitors, got " + Node.describe(s));
      return null;
    }
    return new Settings(Read.unbracket(uri.getHost()), uri.getPort());
  }
}
