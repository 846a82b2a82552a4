package dev.tickr.config;

import dev.tickr.config.ConnectivitySpec.Canary;
import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import dev.tickr.time.Durations;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code connectivity:}: {@code targets} (each {@code host:port}, {@code tcp://host:port} or
 * an {@code http(s)://} URL), {@code interval} and {@code timeout}.
 */
final class ConnectivityReader {
  private final Problems problems;
  private final Read read;

  ConnectivityReader(Problems problems) {
    this.problems = problems;
    this.read = new Read(problems);
  }

  /** The guard's settings, {@link ConnectivitySpec#OFF} when absent, null after a problem. */
  @Nullable ConnectivitySpec read(@Nullable Node node) {
    if (node == null) {
      return ConnectivitySpec.OFF;
    }
    Mapping mapping =
        read.mapping(node, "connectivity", "a mapping with targets, interval and timeout");
    if (mapping == null) {
      return null;
    }
    int before = problems.count();
    Fields fields = Fields.of(mapping);
    fields.rejectUnknown(Keys.CONNECTIVITY, problems);
    List<Canary> canaries = new ArrayList<>();
    Node targets = fields.get("targets");
    if (targets == null) {
      read.problem(
          mapping.at(),
          "connectivity has no \"targets\" (canaries like 192.0.2.1:53 or https://example.com/)");
    } else {
      List<Scalar> items = read.strings(targets, "targets");
      if (items != null && items.isEmpty()) {
        read.problem(targets.at(), "targets must name at least one canary");
      }
      for (Scalar s : items == null ? List.<Scalar>of() : items) {
        Canary t = canary(s);
        if (t != null) {
          canaries.add(t);
        }
      }
    }
    Duration interval = ConnectivitySpec.DEFAULT_INTERVAL;
    Node intervalNode = fields.get("interval");
    if (intervalNode != null) {
      interval = read.duration(intervalNode, "interval", ConnectivitySpec.MIN_INTERVAL);
    }
    Duration timeout = ConnectivitySpec.DEFAULT_TIMEOUT;
    Node timeoutNode = fields.get("timeout");
    if (timeoutNode != null) {
      timeout = read.duration(timeoutNode, "timeout", ConnectivitySpec.MIN_TIMEOUT);
    }
    if (interval != null && timeout != null && timeout.compareTo(interval) >= 0) {
      Node at = timeoutNode != null ? timeoutNode : intervalNode;
      read.problem(
          at == null ? mapping.at() : at.at(),
          "timeout ("
              + Durations.format(timeout)
              + ") must be shorter than interval ("
              + Durations.format(interval)
              + ")");
    }
    if (problems.count() > before || interval == null || timeout == null) {
      return null;
    }
    return new ConnectivitySpec(canaries, interval, timeout);
  }

  private @Nullable Canary canary(Scalar s) {
    String text = s.text().strip();
    String lower = text.toLowerCase(Locale.ROOT);
    try {
      if (lower.startsWith("http://") || lower.startsWith("https://")) {
        URI uri = read.uri(s, "target");
        // Any answer says the link works: a redirect is not followed, and little of a body read.
        return uri == null || uri.getHost() == null || uri.getHost().isEmpty()
            ? null
            : new Canary.Http(uri);
      }
      String hostPort = lower.startsWith("tcp://") ? text.substring("tcp://".length()) : text;
      if (hostPort.endsWith("/")) {
        hostPort = hostPort.substring(0, hostPort.length() - 1);
      }
      int colon = hostPort.lastIndexOf(':');
      String host = colon < 0 ? "" : hostPort.substring(0, colon);
      String port = colon < 0 ? "" : hostPort.substring(colon + 1);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      } else if (host.indexOf(':') >= 0) {
        host = ""; // an IPv6 address needs brackets
      }
      if ((Read.isHostName(host) || Read.isIpv6(host))
          && port.matches("\\d{1,5}")
          && Integer.parseInt(port) >= 1
          && Integer.parseInt(port) <= 65535) {
        return new Canary.Tcp(host, Integer.parseInt(port));
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    read.problem(
        s.at(),
        "target must be HOST:PORT like 192.0.2.1:53, tcp://HOST:PORT or an http(s):// URL, got "
            + Node.describe(s));
    return null;
  }
}
