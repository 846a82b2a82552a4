package dev.tickr.check.http;

import dev.tickr.check.Failure;
import dev.tickr.check.HttpProxy;
import dev.tickr.check.Reason;
import dev.tickr.check.net.ProxyException;
import dev.tickr.check.net.Socks5SocketFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import okhttp3.Credentials;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * How a check goes out through its proxy, and what to tell a person when the proxy is what failed.
 * An HTTP proxy is OkHttp's own (a CONNECT tunnel for {@code https}, the full URL for {@code
 * http}), its credentials sent as {@code Proxy-Authorization} to the proxy only; a SOCKS5 proxy is
 * reached by {@link Socks5SocketFactory}. Either way OkHttp's connect phase spans the connection to
 * the proxy and the set-up of the way through it, and the TLS phase is the handshake with the
 * server itself.
 */
final class ProxyRoute {
  private ProxyRoute() {}

  static void apply(OkHttpClient.Builder builder, HttpProxy proxy, Dns dns) {
    switch (proxy.kind()) {
      case HTTP -> {
        builder.proxy(
            new Proxy(
                Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
        String user = proxy.username();
        if (user != null) {
          String credentials = Credentials.basic(user, password(proxy), StandardCharsets.UTF_8);
          builder.proxyAuthenticator(
              (route, response) ->
                  // Asked again after sending them: they were refused, so give up.
                  response.request().header("Proxy-Authorization") != null
                      ? null
                      : response
                          .request()
                          .newBuilder()
                          .header("Proxy-Authorization", credentials)
                          .build());
        }
      }
      case SOCKS5 ->
          builder.proxy(Proxy.NO_PROXY).socketFactory(new Socks5SocketFactory(proxy, dns::lookup));
    }
  }

  private static String password(HttpProxy proxy) {
    String password = proxy.password();
    return password == null ? "" : password;
  }

  /** What a plain {@code http://} answer of 407 from an HTTP proxy means. */
  static Failure refused(HttpProxy proxy) {
    return new Failure(
        Reason.CONNECT,
        "proxy "
            + proxy.describe()
            + (proxy.username() == null
                ? " requires credentials (407 Proxy Authentication Required)"
                : " refused the credentials (407 Proxy Authentication Required)"));
  }

  /**
   * A failure that names the proxy when it, not the server, is what failed; {@code plain} as it is
   * otherwise.
   */
  static Failure describe(IOException e, HttpProxy proxy, Failure plain) {
    ProxyException refused = proxyException(e);
    if (refused != null) {
      return new Failure(Reason.CONNECT, String.valueOf(refused.getMessage()));
    }
    String message = String.valueOf(e.getMessage());
    String text = message.toLowerCase(Locale.ROOT);
    if (text.contains("failed to authenticate with proxy")) {
      return refused(proxy);
    }
    if (text.contains("unexpected response code for connect")) {
      return new Failure(
          Reason.CONNECT,
          "proxy "
              + proxy.describe()
              + " did not open a tunnel: "
              + message.replace("Unexpected response code for CONNECT", "it answered"));
    }
    if (plain.reason() == Reason.CONNECT || plain.reason() == Reason.DNS) {
      return new Failure(plain.reason(), "via proxy " + proxy.describe() + ": " + plain.message());
    }
    return plain;
  }

  private static @Nullable ProxyException proxyException(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProxyException p) {
        return p;
      }
      for (Throwable s : t.getSuppressed()) {
        if (s instanceof ProxyException p) {
          return p;
        }
      }
    }
    return null;
  }
}
