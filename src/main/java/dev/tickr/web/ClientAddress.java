package dev.tickr.web;

import dev.tickr.config.TrustedProxies;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Who sent a request, and whether it came over HTTPS, behind reverse proxies: the headers a proxy
 * adds ({@code Forwarded}, else {@code X-Forwarded-For} and {@code X-Forwarded-Proto}) are believed
 * only when the connection comes from one of {@code server.trusted-proxies}. The client is then the
 * nearest address in the chain that is not a trusted proxy (read from the right: a client can put
 * anything on the left). Without trusted proxies, or from any other address, it is the connection's
 * own address and its own scheme.
 */
final class ClientAddress {
  private final Supplier<TrustedProxies> proxies;

  /**
   * @param proxies the current {@code server.trusted-proxies}, read at each request
   */
  ClientAddress(Supplier<TrustedProxies> proxies) {
    this.proxies = proxies;
  }

  /** The client's address, as text. */
  String ip(Context ctx) {
    String remote = ctx.req().getRemoteAddr();
    TrustedProxies trusted = proxies.get();
    if (!trusted(trusted, remote)) {
      return remote;
    }
    List<String> chain = forwardedFor(ctx);
    for (int i = chain.size() - 1; i >= 0; i--) {
      String hop = chain.get(i);
      if (!trusted(trusted, hop)) {
        return hop;
      }
    }
    return chain.isEmpty() ? remote : chain.get(0);
  }

  /** Whether the request came over HTTPS: directly, or by a trusted proxy's word. */
  boolean https(Context ctx) {
    if (ctx.scheme().equalsIgnoreCase("https")) {
      return true;
    }
    if (!trusted(proxies.get(), ctx.req().getRemoteAddr())) {
      return false;
    }
    String proto = null;
    for (String element : values(ctx, "Forwarded")) {
      String p = parameter(element, "proto");
      if (p != null) {
        proto = p; // the last one: the proxy next to Tickr
      }
    }
    if (proto == null) {
      List<String> protos = values(ctx, "X-Forwarded-Proto");
      proto = protos.isEmpty() ? null : protos.get(protos.size() - 1);
    }
    return proto != null && proto.strip().toLowerCase(Locale.ROOT).equals("https");
  }

  /** The addresses the proxies say the request came through, leftmost first. */
  private static List<String> forwardedFor(Context ctx) {
    List<String> out = new ArrayList<>();
    List<String> forwarded = values(ctx, "Forwarded");
    if (!forwarded.isEmpty()) {
      for (String element : forwarded) {
        String f = parameter(element, "for");
        if (f != null) {
          out.add(node(f));
        }
      }
      return out;
    }
    for (String hop : values(ctx, "X-Forwarded-For")) {
      out.add(node(hop));
    }
    return out;
  }

  /** Every comma-separated item of every header of that name, in order. */
  private static List<String> values(Context ctx, String header) {
    List<String> out = new ArrayList<>();
    Enumeration<String> all = ctx.req().getHeaders(header);
    while (all != null && all.hasMoreElements()) {
      for (String item : all.nextElement().split(",")) {
        if (!item.isBlank()) {
          out.add(item.strip());
        }
      }
    }
    return out;
  }

  /** A parameter of one {@code Forwarded} element ({@code for=1.2.3.4;proto=https}). */
  private static @Nullable String parameter(String element, String name) {
    for (String pair : element.split(";")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).strip().equalsIgnoreCase(name)) {
        String v = pair.substring(eq + 1).strip();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
            ? v.substring(1, v.length() - 1)
            : v;
      }
    }
    return null;
  }

  /** An address without its port or IPv6 brackets: {@code [::1]:80} is {@code ::1}. */
  private static String node(String value) {
    String v = value.strip();
    if (v.startsWith("[")) {
      int end = v.indexOf(']');
      return end > 0 ? v.substring(1, end) : v;
    }
    int colon = v.indexOf(':');
    return colon > 0 && v.indexOf(':', colon + 1) < 0 ? v.substring(0, colon) : v;
  }

  private static boolean trusted(TrustedProxies proxies, String address) {
    if (proxies.ranges().isEmpty()) {
      return false;
    }
    InetAddress a = TrustedProxies.literal(address);
    return a != null && proxies.trusts(a);
  }
}
