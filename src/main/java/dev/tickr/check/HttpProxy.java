package dev.tickr.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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

  /**
   * A proxy written {@code http://[user:password@]host:port} or {@code socks5://…}; user and
   * password percent-decoded.
   *
   * @throws IllegalArgumentException saying what is wrong, never quoting the password
   */
  public static HttpProxy parse(String text) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "must be a URL like http://host:3128 or socks5://user:password@host:1080");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    Kind kind =
        switch (scheme) {
          case "http" -> Kind.HTTP;
          case "socks5" -> Kind.SOCKS5;
          case "https" ->
              throw new IllegalArgumentException(
                  "https:// proxies are not supported; use http:// (https targets still go"
                      + " through an encrypted CONNECT tunnel) or socks5://");
          case "socks5h", "socks4", "socks" ->
              throw new IllegalArgumentException(
                  scheme + ":// is not supported; use socks5:// (Tickr resolves the host name)");
          default ->
              throw new IllegalArgumentException(
                  "must start with http:// or socks5://, like http://host:3128");
        };
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("has no valid host, like http://10.0.0.1:3128");
    }
    if (uri.getPort() < 1) {
      throw new IllegalArgumentException(
          "needs a port, like " + scheme + "://" + host + (kind == Kind.HTTP ? ":3128" : ":1080"));
    }
    String path = uri.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/"))
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("must be only scheme, credentials, host and port");
    }
    String user = null;
    String password = null;
    String info = uri.getRawUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? null : decode(info.substring(colon + 1));
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new HttpProxy(kind, host, uri.getPort(), user, password);
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("has a badly percent-encoded user or password");
    }
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
