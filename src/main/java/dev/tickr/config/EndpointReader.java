package dev.tickr.config;

import dev.tickr.config.Node.Entry;
import dev.tickr.config.Node.Scalar;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads what a monitor probes, one method per {@link MonitorType}. */
final class EndpointReader {
  static final int DEFAULT_TLS_PORT = 443;
  static final Duration MIN_PERIOD = Duration.ofSeconds(1);
  static final Duration DEFAULT_GRACE = Duration.ofMinutes(1);

  /** 22 URL-safe characters carry at least 128 bits when random. */
  static final int MIN_TOKEN_LENGTH = 22;

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+");
  static final List<String> QUERY_TYPES = List.of("A", "AAAA", "CNAME", "MX", "TXT", "NS");

  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[\\w.]+)?");

  private final Read read;
  private final HttpReader http;

  EndpointReader(Read read) {
    this.read = read;
    this.http = new HttpReader(read);
  }

  /**
   * @param label how problems name the monitor, e.g. {@code http monitor "api"}
   */
  @Nullable Endpoint read(MonitorType type, Fields fields, String label) {
    return switch (type) {
      case HTTP -> http.read(fields, label);
      case TCP -> tcp(fields, label);
      case TLS -> tls(fields, label);
      case DNS -> dns(fields, label);
      case HEARTBEAT -> heartbeat(fields, label);
    };
  }

  private Endpoint.@Nullable Tcp tcp(Fields fields, String label) {
    Node url = fields.get("url");
    Node host = fields.get("host");
    Node port = fields.get("port");
    if (url != null) {
      if (host != null || port != null) {
        Entry extra = fields.entry(host != null ? "host" : "port");
        read.problem(
            extra == null ? fields.at() : extra.key().at(),
            "use either url or host and port, not both");
        return null;
      }
      return tcpUrl(url);
    }
    if (host == null || port == null) {
      read.problem(
          fields.at(), label + " needs \"host\" and \"port\", or \"url: tcp://host:port\"");
    }
    String h = host == null ? null : host(host, "host");
    Integer p = port == null ? null : read.integer(port, "port", 1, 65535);
    return h == null || p == null ? null : new Endpoint.Tcp(h, p);
  }

  private Endpoint.@Nullable Tcp tcpUrl(Node node) {
    Scalar s = read.scalar(node, "url", "a URL like tcp://db.example.com:5432");
    if (s == null) {
      return null;
    }
    URI uri = read.uri(s, "url");
    if (uri == null) {
      return null;
    }
    String path = uri.getRawPath();
    if (!"tcp".equalsIgnoreCase(uri.getScheme())
        || uri.getHost() == null
        || uri.getPort() < 1
        || uri.getPort() > 65535
        || (path != null && !path.isEmpty() && !path.equals("/"))
        || uri.getRawQuery() != null) {
      read.problem(
          s.at(), "url must look like tcp://host:port for tcp monitors, got " + Node.describe(s));
      return null;
    }
    return new Endpoint.Tcp(unbracket(uri.getHost()), uri.getPort());
  }

  private Endpoint.@Nullable Tls tls(Fields fields, String label) {
    Node host = fields.get("host");
    if (host == null) {
      read.problem(fields.at(), label + " has no \"host\"");
    }
    Node port = fields.get("port");
    String h = host == null ? null : host(host, "host");
    Integer p =
        port == null ? Integer.valueOf(DEFAULT_TLS_PORT) : read.integer(port, "port", 1, 65535);
    return h == null || p == null ? null : new Endpoint.Tls(h, p);
  }

  private Endpoint.@Nullable Dns dns(Fields fields, String label) {
    Node host = fields.get("host");
    if (host == null) {
      read.problem(fields.at(), label + " has no \"host\" (the name to resolve)");
    }
    String h = host == null ? null : host(host, "host");
    String queryType = "A";
    Node typeNode = fields.get("query-type");
    if (typeNode != null) {
      String t = read.text(typeNode, "query-type");
      queryType = t == null ? null : t.strip().toUpperCase(Locale.ROOT);
      if (queryType != null && !QUERY_TYPES.contains(queryType)) {
        read.problem(
            typeNode.at(),
            "query-type must be one of "
                + String.join(", ", QUERY_TYPES)
                + ", got "
                + Node.describe(typeNode)
                + Suggestions.didYouMean(queryType, QUERY_TYPES));
        queryType = null;
      }
    }
    Node nsNode = fields.get("nameserver");
    String nameserver = nsNode == null ? null : nameserver(nsNode);
    if (h == null || queryType == null || (nsNode != null && nameserver == null)) {
      return null;
    }
    return new Endpoint.Dns(h, queryType, nameserver);
  }

  private Endpoint.@Nullable Heartbeat heartbeat(Fields fields, String label) {
    Node periodNode = fields.get("period");
    if (periodNode == null) {
      read.problem(fields.at(), label + " has no \"period\" (how often pings are due, e.g. 1d)");
    }
    Duration period = periodNode == null ? null : read.duration(periodNode, "period", MIN_PERIOD);
    Node graceNode = fields.get("grace");
    Duration grace = graceNode == null ? DEFAULT_GRACE : read.duration(graceNode, "grace");
    if (grace != null && grace.isNegative() && graceNode != null) {
      read.problem(graceNode.at(), "grace must not be negative, got " + Node.describe(graceNode));
      grace = null;
    }
    Node tokenNode = fields.get("token");
    String token = tokenNode == null ? null : token(tokenNode);
    return period == null || grace == null || (tokenNode != null && token == null)
        ? null
        : new Endpoint.Heartbeat(period, grace, token);
  }

  /** A ping URL's secret: long enough not to be guessed, and safe in a URL path. */
  private @Nullable String token(Node node) {
    String text = read.nonEmptyText(node, "token");
    if (text == null) {
      return null;
    }
    if (text.length() < MIN_TOKEN_LENGTH || !TOKEN.matcher(text).matches()) {
      // The value is a secret: never repeated in the message.
      read.problem(
          node.at(),
          "token must be at least "
              + MIN_TOKEN_LENGTH
              + " characters of A-Z, a-z, 0-9, \"-\" and \"_\" (got "
              + text.length()
              + " characters)");
      return null;
    }
    return text;
  }

  /** A host name or IP address, without a scheme, path or port. */
  private @Nullable String host(Node node, String what) {
    String text = read.nonEmptyText(node, what);
    if (text == null) {
      return null;
    }
    String host = text.strip();
    if (host.contains("://")) {
      read.problem(
          node.at(),
          what + " must be a host name or IP address, not a URL, got " + Node.describe(node));
      return null;
    }
    String bare = unbracket(host);
    if (IPV6.matcher(bare).matches() && bare.indexOf(':') != bare.lastIndexOf(':')) {
      return bare;
    }
    if (host.matches("[^:\\[\\]]+:\\d+")) {
      read.problem(
          node.at(), what + " must not include the port (use port:), got " + Node.describe(node));
      return null;
    }
    if (!HOST_NAME.matcher(host).matches()) {
      read.problem(
          node.at(), what + " must be a host name or IP address, got " + Node.describe(node));
      return null;
    }
    return host;
  }

  /** {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6 address. */
  private @Nullable String nameserver(Node node) {
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
    boolean hostOk =
        HOST_NAME.matcher(host).matches()
            || (IPV6.matcher(host).matches() && host.indexOf(':') != host.lastIndexOf(':'));
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

  private static String unbracket(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
