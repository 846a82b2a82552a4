package dev.tickr.check;

import dev.tickr.check.dns.DnsCheck;
import dev.tickr.check.http.HttpCheck;
import dev.tickr.check.tcp.TcpCheck;
import dev.tickr.check.tls.TlsCheck;

/**
 * The one registry of check types: each {@link Target} kind maps to exactly one {@link Check}. A
 * new type is one record permitted by {@link Target}, one class, and one line here.
 */
public final class Checks {
  private final HttpCheck http;
  private final TcpCheck tcp;
  private final TlsCheck tls;
  private final DnsCheck dns;

  public Checks(HttpCheck http, TcpCheck tcp, TlsCheck tls, DnsCheck dns) {
    this.http = http;
    this.tcp = tcp;
    this.tls = tls;
    this.dns = dns;
  }

  /** Waits for set-up that runs in the background (TLS stack, CA certificates). */
  public void ready() {
    http.ready();
  }

  public Observation observe(Target target, Deadline deadline) {
    return switch (target) {
      case HttpTarget t -> http.observe(t, deadline);
      case TcpTarget t -> tcp.observe(t, deadline);
      case TlsTarget t -> tls.observe(t, deadline);
      case DnsTarget t -> dns.observe(t, deadline);
    };
  }
}
