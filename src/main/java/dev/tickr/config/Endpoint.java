package dev.tickr.config;

import dev.tickr.check.HttpTarget;
import dev.tickr.time.Durations;
import java.time.Duration;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What a monitor probes, one record per {@link MonitorType}, validated. */
public sealed interface Endpoint {

  MonitorType type();

  /** What is probed, for people and logs, with secrets hidden. */
  String describe();

  /** An HTTP(S) request; {@code auth:} is already turned into secret headers. */
  record Http(HttpTarget target) implements Endpoint {
    @Override
    public MonitorType type() {
      return MonitorType.HTTP;
    }

    @Override
    public String describe() {
      return target.describe();
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
  }

  /** A TCP connect to {@code host:port}. */
  record Tcp(String host, int port) implements Endpoint {
    @Override
    public MonitorType type() {
      return MonitorType.TCP;
    }

    @Override
    public String describe() {
      return hostPort(host, port);
    }
  }

  /** A DNS query for {@code host}, of {@code queryType}, to the system resolver or a nameserver. */
  record Dns(String host, String queryType, @Nullable String nameserver) implements Endpoint {
    @Override
    public MonitorType type() {
      return MonitorType.DNS;
    }

    @Override
    public String describe() {
      return queryType + " " + host + (nameserver == null ? "" : " @" + nameserver);
    }
  }

  /** A TLS handshake with {@code host:port}, for its certificate. */
  record Tls(String host, int port) implements Endpoint {
    @Override
    public MonitorType type() {
      return MonitorType.TLS;
    }

    @Override
    public String describe() {
      return hostPort(host, port);
    }
  }

  /**
   * Pings expected every {@code period}, late after {@code period + grace}.
   *
   * @param token the secret of its ping URL as configured, {@code null} when Tickr makes one
   */
  record Heartbeat(Duration period, Duration grace, @Nullable String token) implements Endpoint {
    /** Never shows the token. */
    @Override
    public String toString() {
      return "Heartbeat[period="
          + period
          + ", grace="
          + grace
          + ", token="
          + (token == null ? "generated" : "***")
          + "]";
    }

    @Override
    public MonitorType type() {
      return MonitorType.HEARTBEAT;
    }

    @Override
    public String describe() {
      return "a ping every "
          + Durations.format(period)
          + " (grace "
          + Durations.format(grace)
          + ")";
    }
  }

  private static String hostPort(String host, int port) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
