package dev.tickr.check;

import java.net.URI;

/** A TCP connection to open and close again: is something listening on {@code host:port}? */
public record TcpTarget(String host, int port) implements Target {

  public TcpTarget {
    host = Endpoints.host(host);
    Endpoints.checkPort(port);
  }

  /** {@code tcp://host:port}, an IPv6 address in brackets. */
  public URI url() {
    return URI.create("tcp://" + Endpoints.hostPort(host, port));
  }

  @Override
  public String describe() {
    return url().toString();
  }
}
