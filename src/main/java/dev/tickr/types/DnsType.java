package dev.tickr.types;

import dev.tickr.check.Deadline;
import dev.tickr.check.DnsTarget;
import dev.tickr.check.Observation;
import dev.tickr.check.dns.DnsCheck;
import dev.tickr.config.Fields;
import dev.tickr.config.Fingerprint;
import dev.tickr.config.Key;
import dev.tickr.config.Node;
import dev.tickr.config.Read;
import dev.tickr.config.Suggestions;
import dev.tickr.config.TypeSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The {@code dns} monitor type: a query for a name, its answers judged by conditions. */
public final class DnsType implements MonitorType {
  private static final List<Key> KEYS =
      List.of(
          Key.of("host", Key.Kind.HOST, "the name to resolve, without scheme or port.")
              .ownOnly()
              .needed(),
          Key.choice("query-type", DnsTarget.QUERY_TYPES, "the record type to ask for (any case).")
              .withDefault("A"),
          Key.of(
                  "nameserver",
                  Key.Kind.TEXT,
                  "the server to ask, HOST or HOST:PORT ([v6]:PORT); the system resolver when"
                      + " absent.")
              .withExamples("1.1.1.1", "10.0.0.2:53"));

  private final DnsCheck check;

  public DnsType(DnsCheck check) {
    this.check = check;
  }

  /** A DNS query for {@code host}, of {@code queryType}, to the system resolver or a nameserver. */
  public record Settings(
      String host, String queryType, @Nullable String nameserver, DnsTarget target)
      implements TypeSettings {
    public Settings(String host, String queryType, @Nullable String nameserver) {
      this(host, queryType, nameserver, new DnsTarget(host, queryType, nameserver));
    }

    @Override
    public String describe() {
      return queryType + " " + host + (nameserver == null ? "" : " @" + nameserver);
    }

    @Override
    public void fingerprint(Fingerprint f) {
      f.add(host).add(queryType).add(Objects.toString(nameserver, "-"));
    }

    @Override
    public Map<String, Object> document() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("host", host);
      out.put("query-type", queryType);
      if (nameserver != null) {
        out.put("nameserver", nameserver);
      }
      return out;
    }
  }

  @Override
  public String name() {
    return "dns";
  }

  @Override
  public String summary() {
    return "a query";
  }

  @Override
  public List<Key> keys() {
    return KEYS;
  }

  @Override
  public String hint(String key) {
    return key.equals("url") ? " (use host)" : "";
  }

  @Override
  public Observation observe(TypeSettings settings, Deadline deadline) {
    return check.observe(((Settings) settings).target(), deadline);
  }

  @Override
  public @Nullable TypeSettings read(Fields fields, Read read, String label) {
    Node host = fields.get("host");
    if (host == null) {
      read.problem(fields.at(), label + " has no \"host\" (the name to resolve)");
    }
    String h = host == null ? null : read.host(host, "host");
    String queryType = "A";
    Node typeNode = fields.get("query-type");
    if (typeNode != null) {
      String t = read.text(typeNode, "query-type");
      queryType = t == null ? null : t.strip().toUpperCase(Locale.ROOT);
      if (queryType != null && !DnsTarget.QUERY_TYPES.contains(queryType)) {
        read.problem(
            typeNode.at(),
            "query-type must be one of "
                + String.join(", ", DnsTarget.QUERY_TYPES)
                + ", got "
                + Node.describe(typeNode)
                + Suggestions.didYouMean(queryType, DnsTarget.QUERY_TYPES));
        queryType = null;
      }
    }
    Node nsNode = fields.get("nameserver");
    String nameserver = nsNode == null ? null : nameserver(nsNode, read);
    if (h == null || queryType == null || (nsNode != null && nameserver == null)) {
      return null;
    }
    return new Settings(h, queryType, nameserver);
  }

  /** {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6 address. */
  private static @Nullable String nameserver(Node node, Read read) {
    String text = read.nonEmptyText(node, "nameserver");
    if (text == null) {
      return null;
    }
    String ns = text.strip();
    String host = ns;
    String port = null;
    if (ns.startsWith("[")) {
      int close = ns.indexOf(']');
      host = close < 0 ? "" : ns.substring(1, close);
      String rest = close < 0 ? "" : ns.substring(close + 1);
      port = rest.startsWith(":") ? rest.substring(1) : rest.isEmpty() ? null : "";
    } else if (ns.indexOf(':') == ns.lastIndexOf(':') && ns.indexOf(':') >= 0) {
      host = ns.substring(0, ns.indexOf(':'));
      port = ns.substring(ns.indexOf(':') + 1);
    }
    boolean hostOk = Read.isHostName(host) || Read.isIpv6(host);
    boolean portOk = port == null || isPort(port);
    if (!hostOk || !portOk) {
      read.problem(
          node.at(),
          "nameserver must be HOST or HOST:PORT like 1.1.1.1 or 10.0.0.2:53, got "
              + Node.describe(node));
      return null;
    }
    return ns;
  }

  private static boolean isPort(String text) {
    return text.matches("\\d{1,5}")
        && Integer.parseInt(text) >= 1
        && Integer.parseInt(text) <= 65535;
  }
}
