package dev.tickr.check;

import org.jspecify.annotations.Nullable;

/**
 * A proxy that an HTTP check goes out through: an HTTP proxy (CONNECT for https) or SOCKS5, with
 * optional credentials.
 *
 * @param password secret; never shown by {@link #toString()}
 */
public record HttpProxy(
    Kind kind, String host, int port, @Nullable String username, @Nullable String password) {

  /** The proxy protocol. */
  public enum Kind {
    HTTP,
    SOCKS5
  }

  /** The proxy as a URL without its password, e.g. {@code socks5://user@10.0.0.1:1080}. */
  public String describe() {
    String scheme = kind == Kind.HTTP ? "http" : "socks5";
    String user = username == null ? "" : username + "@";
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return scheme + "://" + user + h + ":" + port;
  }

  @Override
  public String toString() {
    return describe();
  }
}
