package dev.tickr.config;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Where {@code tickr run} serves the dashboard, API and status pages.
 *
 * @param host the address to listen on, without brackets for IPv6
 * @param port the port, 0 for any free one
 * @param publicUrl how people reach the server (for links in alerts), or null when it is {@code
 *     http://host:port}
 * @param metricsToken the bearer token {@code /metrics} requires, or null (then it is open on a
 *     loopback listen address only); secret
 * @param trustedProxies the reverse proxies whose forwarding headers are believed
 */
public record ServerSpec(
    String host,
    int port,
    @Nullable URI publicUrl,
    @Nullable String metricsToken,
    TrustedProxies trustedProxies) {
  public static final ServerSpec DEFAULT = new ServerSpec("127.0.0.1", 8080, null, null);

  public ServerSpec(String host, int port, @Nullable URI publicUrl) {
    this(host, port, publicUrl, null);
  }

  public ServerSpec(String host, int port, @Nullable URI publicUrl, @Nullable String metricsToken) {
    this(host, port, publicUrl, metricsToken, TrustedProxies.NONE);
  }

  /** {@code HOST:PORT}, as {@code listen:} and {@code --listen} write it. */
  public String listen() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  /** Never shows the metrics token. */
  @Override
  public String toString() {
    return "ServerSpec[host=%s, port=%d, publicUrl=%s, metricsToken=%s, trustedProxies=%s]"
        .formatted(
            host, port, publicUrl, metricsToken == null ? null : "****", trustedProxies.ranges());
  }
}
