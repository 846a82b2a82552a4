package dev.tickr.daemon;

import dev.tickr.check.DnsTarget;
import dev.tickr.check.Target;
import dev.tickr.check.TcpTarget;
import dev.tickr.check.TlsTarget;
import dev.tickr.config.Endpoint;
import java.util.List;

/** Maps what the config describes to what a check observes. */
final class Targets {
  private Targets() {}

  static Target of(Endpoint endpoint) {
    return switch (endpoint) {
      case Endpoint.Http http -> http.target();
      case Endpoint.Tcp tcp -> new TcpTarget(tcp.host(), tcp.port());
      case Endpoint.Dns dns -> new DnsTarget(dns.host(), dns.queryType(), dns.nameserver());
      case Endpoint.Tls tls -> new TlsTarget(tls.host(), tls.port(), false, List.of());
      case Endpoint.Heartbeat heartbeat ->
          throw new IllegalArgumentException("heartbeat monitors are not checked actively");
    };
  }
}
