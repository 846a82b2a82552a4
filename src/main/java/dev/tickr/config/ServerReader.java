package dev.tickr.config;

import dev.tickr.config.Node.Mapping;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads {@code server:}. */
final class ServerReader {
  private final Problems problems;
  private final Read read;

  ServerReader(Problems problems) {
    this.problems = problems;
    this.read = new Read(problems);
  }

  /** The server settings, or {@code null} after a problem. */
  @Nullable ServerSpec read(@Nullable Node node) {
    Mapping mapping = node == null ? null : read.mapping(node, "server", "a mapping");
    if (mapping == null) {
      return null;
    }
    int before = problems.count();
    Fields fields = Fields.of(mapping);
    fields.rejectUnknown(Keys.SERVER, problems);
    ServerSpec listen = ServerSpec.DEFAULT;
    Node listenNode = fields.get("listen");
    if (listenNode != null) {
      listen = listen(listenNode);
    }
    URI publicUrl = null;
    Node urlNode = fields.get("public-url");
    if (urlNode != null) {
      publicUrl = publicUrl(urlNode);
    }
    String metricsToken = null;
    Node tokenNode = fields.get("metrics-token");
    if (tokenNode != null) {
      metricsToken = metricsToken(tokenNode);
    }
    TrustedProxies proxies = TrustedProxies.NONE;
    Node proxiesNode = fields.get("trusted-proxies");
    if (proxiesNode != null) {
      proxies = trustedProxies(proxiesNode);
    }
    if (listen == null || problems.count() > before) {
      return null;
    }
    return new ServerSpec(listen.host(), listen.port(), publicUrl, metricsToken, proxies);
  }

  private TrustedProxies trustedProxies(Node node) {
    List<Node.Scalar> items = read.strings(node, "trusted-proxies");
    if (items == null) {
      return TrustedProxies.NONE;
    }
    List<TrustedProxies.Cidr> out = new ArrayList<>();
    for (Node.Scalar item : items) {
      try {
        out.add(TrustedProxies.Cidr.parse(item.text()));
      } catch (IllegalArgumentException e) {
        read.problem(
            item.at(), "trusted-proxies: " + e.getMessage() + ", got " + Node.describe(item));
      }
    }
    return new TrustedProxies(out);
  }

  private @Nullable ServerSpec listen(Node node) {
    String text = read.text(node, "listen");
    if (text == null) {
      return null;
    }
    String s = text.strip();
    String host;
    String port;
    if (s.startsWith("[") && s.contains("]:")) {
      host = s.substring(1, s.indexOf("]:"));
      port = s.substring(s.indexOf("]:") + 2);
    } else {
      int colon = s.lastIndexOf(':');
      host = colon < 0 ? "" : s.substring(0, colon);
      port = colon < 0 ? "" : s.substring(colon + 1);
    }
    boolean ok =
        !host.isEmpty()
            && !host.contains("/")
            && !host.contains(" ")
            && (host.indexOf(':') < 0 || s.startsWith("["))
            && port.matches("\\d{1,5}")
            && Integer.parseInt(port) <= 65535;
    if (!ok) {
      read.problem(
          node.at(),
          "listen must be HOST:PORT like 127.0.0.1:8080 or [::1]:8080, got " + Node.describe(node));
      return null;
    }
    return new ServerSpec(host, Integer.parseInt(port), null);
  }

  private @Nullable String metricsToken(Node node) {
    String text = read.text(node, "metrics-token");
    if (text == null) {
      return null;
    }
    String token = text.strip();
    if (token.length() < 16 || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      // the value is secret: the message never repeats it
      read.problem(
          node.at(),
          "metrics-token must be at least 16 printable characters without spaces, e.g."
              + " ${TICKR_METRICS_TOKEN}");
      return null;
    }
    return token;
  }

  private @Nullable URI publicUrl(Node node) {
    String text = read.text(node, "public-url");
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && !uri.getHost().isEmpty()) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    read.problem(
        node.at(),
        "public-url must be an http:// or https:// URL like https://status.example.com, got "
            + Node.describe(node));
    return null;
  }
}
