package dev.tickr.types;

import dev.tickr.config.Fingerprint;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the settings of the types that connect to {@code host:port} say the same way. */
final class HostPort {
  private HostPort() {}

  /** {@code host:port}, an IPv6 address in brackets. */
  static String describe(String host, int port) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  static void fingerprint(Fingerprint f, String host, int port) {
    f.add(host).add(port);
  }

  /** {@code host} and {@code port}, as the API shows them. */
  static Map<String, Object> document(String host, int port) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("host", host);
    out.put("port", port);
    return out;
  }
}
