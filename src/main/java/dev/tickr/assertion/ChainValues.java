package dev.tickr.assertion;

import dev.tickr.check.Hop;
import dev.tickr.check.Observation;
import dev.tickr.check.Redaction;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The values of a redirect chain: {@code [URL]} (the landing URL, its {@code .host}, {@code .path}
 * and {@code .query.NAME}), {@code [REDIRECTS]} and {@code [HOP].N.status|url|host|via}. Hops count
 * from 1, the first request; the last hop is the landing page; {@code -1} is the last.
 */
final class ChainValues {
  static final List<String> HOP_FIELDS = List.of("status", "url", "host", "via");

  private ChainValues() {}

  /** Why {@code part} (after {@code [URL].} or {@code [HOP].}) is not one, or null when it is. */
  static @Nullable String problem(boolean url, String part) {
    if (url) {
      boolean ok =
          part.isEmpty()
              || part.equals("host")
              || part.equals("path")
              || (part.startsWith("query.") && part.length() > "query.".length());
      return ok ? null : "[URL] takes .host, .path or .query.NAME, got [URL]." + part;
    }
    int dot = part.indexOf('.');
    String n = dot < 0 ? part : part.substring(0, dot);
    String field = dot < 0 ? "" : part.substring(dot + 1);
    if (n.matches("-?[1-9][0-9]{0,2}") && HOP_FIELDS.contains(field)) {
      return null;
    }
    return "[HOP] needs a hop number and a field, e.g. [HOP].1.status or [HOP].-1.host (fields: "
        + String.join(", ", HOP_FIELDS)
        + ")";
  }

  /** {@code part}: empty for the whole URL, {@code host}, {@code path} or {@code query.NAME}. */
  static Value url(Observation o, String part) {
    URI url = o.url();
    if (part.isEmpty()) {
      return new Value.Text(Redaction.url(url));
    }
    if (part.equals("host")) {
      String host = url.getHost();
      return host == null ? new Value.Missing("no host in " + Redaction.url(url)) : text(host);
    }
    if (part.equals("path")) {
      String path = url.getRawPath();
      return text(path == null || path.isEmpty() ? "/" : path);
    }
    String name = part.substring("query.".length());
    String value = query(url, name);
    if (value != null && !value.isEmpty()) {
      return Redaction.isSecretName(name) ? new Value.Secret(value) : new Value.Text(value);
    }
    String where = value == null ? "no " + name : name + " is empty";
    return new Value.Missing(where + " on the landing URL" + dropped(o, name));
  }

  static Value redirects(Observation o) {
    return Value.Num.of(o.redirects().size());
  }

  /** {@code spec}: {@code N.field}, e.g. {@code 1.status}. */
  static Value hop(Observation o, String spec) {
    int dot = spec.indexOf('.');
    int n = Integer.parseInt(spec.substring(0, dot));
    String field = spec.substring(dot + 1);
    List<URI> urls = o.redirects();
    int count = urls.size() + 1;
    int index = n < 0 ? count + n : n - 1;
    if (index < 0 || index >= count) {
      return new Value.Missing("no hop " + n + " (the chain has " + count + ")");
    }
    boolean landing = index == urls.size();
    URI url = landing ? o.url() : urls.get(index);
    Hop hop = !landing && index < o.hops().size() ? o.hops().get(index) : null;
    return switch (field) {
      case "status" -> {
        Integer status = landing ? o.status() : hop == null ? null : hop.status();
        yield status == null
            ? new Value.Missing("no status at hop " + n)
            : Value.Num.of(status.intValue());
      }
      case "url" -> text(Redaction.url(url));
      case "host" -> text(url.getHost() == null ? "" : url.getHost());
      case "via" -> text(landing ? "none" : hop == null ? "location" : hop.via().word());
      default -> throw new IllegalStateException("a hop field: " + field);
    };
  }

  /** {@code : dropped at hop 3 (https://shop.example.com/)} when an earlier hop had it. */
  private static String dropped(Observation o, String name) {
    List<URI> urls = o.redirects();
    for (int i = urls.size() - 1; i >= 0; i--) {
      String value = query(urls.get(i), name);
      if (value != null && !value.isEmpty()) {
        URI lost = i + 1 < urls.size() ? urls.get(i + 1) : o.url();
        return ": dropped at hop " + (i + 2) + " (" + Redaction.url(lost) + ")";
      }
    }
    return " (" + Redaction.url(o.url()) + ")";
  }

  /** The first value of query parameter {@code name}, decoded; null when absent. */
  static @Nullable String query(URI url, String name) {
    String query = url.getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (key.equals(name)) {
        return eq < 0 ? "" : decode(pair.substring(eq + 1));
      }
    }
    return null;
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return raw;
    }
  }

  private static Value text(String text) {
    return new Value.Text(text);
  }
}
