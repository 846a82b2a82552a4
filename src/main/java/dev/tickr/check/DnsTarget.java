package dev.tickr.check;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A DNS query for {@code host}, taken as a fully qualified name (no search domains).
 *
 * @param queryType one of {@link #QUERY_TYPES}, in any case
 * @param nameserver {@code host[:port]} (IPv6 as {@code [addr]:port}) to ask, port 53 by default;
 *     {@code null} asks the nameservers the system is configured with
 */
public record DnsTarget(String host, String queryType, @Nullable String nameserver)
    implements Target {

  public static final List<String> QUERY_TYPES = List.of("A", "AAAA", "CNAME", "MX", "TXT", "NS");
  public static final int DEFAULT_DNS_PORT = 53;

  public DnsTarget {
    host = Endpoints.host(host);
    queryType = queryType.strip().toUpperCase(Locale.ROOT);
    if (!QUERY_TYPES.contains(queryType)) {
      throw new IllegalArgumentException(
          "query type must be one of " + String.join(", ", QUERY_TYPES) + ", got " + queryType);
    }
    if (nameserver != null) {
      nameserver = nameserver.strip();
      Endpoints.checkPort(nameserverPort(nameserver));
      if (nameserverHost(nameserver).isEmpty()) {
        throw new IllegalArgumentException("nameserver has no host: " + nameserver);
      }
    }
  }

  /** An {@code A} query to the system's nameservers. */
  public static DnsTarget a(String host) {
    return new DnsTarget(host, "A", null);
  }

  /** {@code dns://host?type=A}, with {@code &server=host:port} when a nameserver is chosen. */
  public URI url() {
    String server = nameserver == null ? "" : "&server=" + nameserver;
    return URI.create("dns://" + host + "?type=" + queryType + server);
  }

  /** The nameserver's host without brackets, or {@code null} for the system's. */
  public @Nullable String nameserverHost() {
    return nameserver == null ? null : nameserverHost(nameserver);
  }

  /** The nameserver's port, {@value #DEFAULT_DNS_PORT} unless given. */
  public int nameserverPort() {
    return nameserver == null ? DEFAULT_DNS_PORT : nameserverPort(nameserver);
  }

  @Override
  public String describe() {
    return url().toString();
  }

  private static String nameserverHost(String ns) {
    if (ns.startsWith("[")) {
      int close = ns.indexOf(']');
      return close < 0 ? "" : ns.substring(1, close);
    }
    int colon = ns.indexOf(':');
    boolean hostPort = colon >= 0 && colon == ns.lastIndexOf(':');
    return hostPort ? ns.substring(0, colon) : ns;
  }

  private static int nameserverPort(String ns) {
    int colon = ns.lastIndexOf(':');
    boolean hasPort =
        ns.startsWith("[") ? colon > ns.indexOf(']') : colon >= 0 && colon == ns.indexOf(':');
    if (!hasPort) {
      return DEFAULT_DNS_PORT;
    }
    try {
      return Integer.parseInt(ns.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("nameserver port is not a number: " + ns, e);
    }
  }
}
