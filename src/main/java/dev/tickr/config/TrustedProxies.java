package dev.tickr.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code server.trusted-proxies}: the addresses (CIDRs) of the reverse proxies whose {@code
 * X-Forwarded-For}, {@code Forwarded} and {@code X-Forwarded-Proto} are believed. Empty by default:
 * then no such header is believed, from anyone.
 */
public record TrustedProxies(List<Cidr> ranges) {
  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  private static final Pattern V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  public TrustedProxies {
    ranges = List.copyOf(ranges);
  }

  /** An IPv4 or IPv6 address literal, or null when {@code text} is not one; never a DNS lookup. */
  public static @Nullable InetAddress literal(String text) {
    if (!V4.matcher(text).matches() && !V6.matcher(text).matches()) {
      return null;
    }
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** Whether {@code address} is one of the trusted proxies. */
  public boolean trusts(InetAddress address) {
    for (Cidr r : ranges) {
      if (r.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /** One range: {@code 10.0.0.0/8}, {@code 127.0.0.1} (one address), {@code fd00::/8}. */
  public record Cidr(InetAddress base, int prefix, String text) {
    public boolean contains(InetAddress address) {
      byte[] network = base.getAddress();
      byte[] a = address.getAddress();
      if (a.length != network.length) {
        if (a.length == 16 && network.length == 4 && mappedV4(a)) {
          a = java.util.Arrays.copyOfRange(a, 12, 16);
        } else {
          return false;
        }
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (a[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (a[full] & mask) == (network[full] & mask);
    }

    private static boolean mappedV4(byte[] a) {
      for (int i = 0; i < 10; i++) {
        if (a[i] != 0) {
          return false;
        }
      }
      return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    }

    /**
     * Reads {@code ADDRESS[/PREFIX]}; an address literal only, never a host name (no DNS).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Cidr parse(String text) {
      String t = text.strip();
      int slash = t.indexOf('/');
      String host = slash < 0 ? t : t.substring(0, slash);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      InetAddress address = literal(host);
      if (address == null) {
        throw new IllegalArgumentException(
            "each item must be an address or CIDR like 10.0.0.0/8, 127.0.0.1 or fd00::/8");
      }
      byte[] bytes = address.getAddress();
      int max = bytes.length * 8;
      int prefix = max;
      if (slash >= 0) {
        String p = t.substring(slash + 1);
        if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > max) {
          throw new IllegalArgumentException(
              "the prefix length after / must be 0 to " + max + " for an address like " + host);
        }
        prefix = Integer.parseInt(p);
      }
      return new Cidr(address, prefix, t);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
