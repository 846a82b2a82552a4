package dev.tickr.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.time.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** {@code tickr import gatus FILE}: a Gatus config's endpoints, alerts and maintenance. */
public final class GatusImport {
  private static final Pattern HOST_PORT =
      Pattern.compile("(?:tcp|tls)://(\\[[^\\]]+\\]|[^:/]+):([0-9]+)/?");
  private static final Pattern ENV =
      Pattern.compile("\\$(\\$|\\{[A-Za-z_][A-Za-z0-9_]*\\}|[A-Za-z_][A-Za-z0-9_]*)");
  private static final Set<String> DNS_TYPES = Set.of("A", "AAAA", "CNAME", "MX", "TXT", "NS");
  private static final Set<String> IGNORED =
      Set.of(
          "endpoints",
          "external-endpoints",
          "alerting",
          "maintenance",
          "metrics",
          "storage",
          "web",
          "ui",
          "security",
          "concurrency",
          "disable-monitoring-lock",
          "skip-invalid-config-update",
          "connectivity");

  private final Set<String> httpKeys;

  /**
   * @param httpKeys the keys Tickr's http monitors take; a Gatus client option whose key Tickr
   *     lacks is reported instead of written
   */
  public GatusImport(Set<String> httpKeys) {
    this.httpKeys = Set.copyOf(httpKeys);
  }

  public Imported read(Path file) throws ImportException {
    Map<String, Object> config;
    try {
      Object root =
          new Load(LoadSettings.builder().setLabel(file.toString()).build())
              .loadFromString(Files.readString(file));
      config = Values.map(root);
    } catch (IOException | YamlEngineException e) {
      throw new ImportException(file + ": not readable as YAML: " + e.getMessage(), e);
    }
    if (!config.containsKey("endpoints") && !config.containsKey("external-endpoints")) {
      throw new ImportException(file + ": not a Gatus config (it has no endpoints)");
    }
    Draft out = new Draft();
    GatusAlerts alerts = new GatusAlerts(Values.map(config.get("alerting")), out);
    List<Object> endpoints = Values.list(config.get("endpoints"));
    for (int i = 0; i < endpoints.size(); i++) {
      endpoint(Values.map(endpoints.get(i)), i, alerts, out);
    }
    List<Object> external = Values.list(config.get("external-endpoints"));
    for (int i = 0; i < external.size(); i++) {
      external(Values.map(external.get(i)), i, alerts, out);
    }
    alerts.channels();
    Map<String, Object> window = window(Values.map(config.get("maintenance")), "gatus maintenance");
    if (window != null) {
      out.maintenance(window);
    }
    config.keySet().stream()
        .filter(k -> !IGNORED.contains(k))
        .forEach(k -> out.lost(k, "Tickr has no equal of Gatus's " + k));
    return out.finish("Imported from the Gatus config " + file.getFileName() + " by tickr import");
  }

  private void endpoint(Map<String, Object> e, int index, GatusAlerts alerts, Draft out) {
    String name = Values.text(e.get("name"));
    String group = Values.text(e.get("group"));
    String where = "endpoints[" + index + "] " + (group == null ? "" : group + "/") + name;
    String url = Values.text(e.get("url"));
    if (name == null || url == null) {
      out.lost(where, "no name or url (Gatus rejects it too)");
      return;
    }
    url = env(url);
    boolean dns = e.containsKey("dns");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "");
    String scheme = scheme(url);
    boolean made =
        dns
            ? dns(Values.map(e.get("dns")), url, m, where, out)
            : switch (scheme) {
              case "http", "https" -> http(e, name, group, url, m, where, out);
              case "tcp", "tls" -> hostPort(e, scheme, url, m, where, out);
              default -> {
                out.lost(
                    where,
                    "left out: Tickr has no "
                        + (scheme.isEmpty() ? "such" : scheme + "://")
                        + " check");
                yield false;
              }
            };
    if (!made) {
      return;
    }
    m.put("name", out.monitorName(name));
    common(e, group, dns, m, where, out);
    alerts.apply(where, Values.list(e.get("alerts")), m);
    List<Object> windows = Values.list(e.get("maintenance-windows"));
    for (int i = 0; i < windows.size(); i++) {
      Map<String, Object> w =
          window(Values.map(windows.get(i)), m.get("name") + " maintenance " + (i + 1));
      if (w != null) {
        w.put("monitors", List.of(m.get("name")));
        out.maintenance(w);
      }
    }
    out.monitor(m);
  }

  /**
   * The URL's scheme; a URL that starts with a variable is taken as http(s), the only kind Tickr
   * can check with a variable there.
   */
  private static String scheme(String url) {
    if (url.startsWith("${")) {
      return "http";
    }
    return url.contains("://") ? url.substring(0, url.indexOf("://")).toLowerCase(Locale.ROOT) : "";
  }

  private void common(
      Map<String, Object> e,
      @Nullable String group,
      boolean dns,
      Map<String, Object> m,
      String where,
      Draft out) {
    String interval = Values.text(e.get("interval"));
    if (interval != null) {
      m.put("interval", interval);
    }
    String timeout = Values.text(Values.map(e.get("client")).get("timeout"));
    if (timeout != null) {
      Duration every = Durations.parse(interval == null ? "60s" : interval);
      if (Durations.parse(timeout).compareTo(every) > 0) {
        out.lost(
            where,
            "client.timeout "
                + timeout
                + " is longer than the interval: Tickr's"
                + " timeout is at most the interval, so it is "
                + Durations.format(every));
        timeout = Durations.format(every);
      }
      m.put("timeout", timeout);
    }
    List<String> conditions = new ArrayList<>();
    for (Object item : Values.list(e.get("conditions"))) {
      String condition = env(String.valueOf(item));
      GatusConditions.Result r = GatusConditions.translate(condition, dns);
      if (r.condition() != null) {
        if (!conditions.contains(r.condition())) {
          conditions.add(r.condition());
        }
      } else {
        out.lost(where, "condition \"" + condition + "\" left out: " + r.whyNot());
      }
    }
    m.put("conditions", conditions);
    if (group != null) {
      m.put("tags", List.of(group));
    }
    if (e.containsKey("enabled") && !Values.yes(e.get("enabled"))) {
      m.put("paused", true);
    }
    if (!Values.map(e.get("extra-labels")).isEmpty()) {
      out.lost(where, "extra-labels are not carried over (Tickr's metrics label by monitor)");
    }
  }

  private boolean http(
      Map<String, Object> e,
      String name,
      @Nullable String group,
      String url,
      Map<String, Object> m,
      String where,
      Draft out) {
    m.put("url", url);
    String body = Values.text(e.get("body"));
    String method = Values.text(e.get("method"));
    if (method != null || body != null) {
      m.put("method", method == null ? "GET" : method.toUpperCase(Locale.ROOT));
    }
    Map<String, Object> headers = new LinkedHashMap<>();
    Values.map(e.get("headers")).forEach((k, v) -> headers.put(k, env(String.valueOf(v))));
    if (!headers.isEmpty()) {
      m.put("headers", headers);
    }
    if (body != null) {
      body =
          env(body)
              .replace("[ENDPOINT_NAME]", name)
              .replace("[ENDPOINT_GROUP]", group == null ? "" : group)
              .replace("[ENDPOINT_URL]", url);
      if (body.contains("[LOCAL_ADDRESS]") || body.contains("[RANDOM_STRING_")) {
        out.lost(where, "[LOCAL_ADDRESS] and [RANDOM_STRING_N] in the body are sent as written");
      }
      if (Values.yes(e.get("graphql"))) {
        try {
          body = new ObjectMapper().writeValueAsString(Map.of("query", body));
        } catch (JsonProcessingException ex) {
          throw new IllegalStateException(ex);
        }
      }
      m.put("body", body);
    }
    client(Values.map(e.get("client")), m, where, out);
    return true;
  }

  private void client(Map<String, Object> c, Map<String, Object> m, String where, Draft out) {
    option(m, "insecure", Values.yes(c.get("insecure")) ? true : null, where, out);
    option(m, "follow-redirects", Values.yes(c.get("ignore-redirect")) ? false : null, where, out);
    option(m, "proxy", Values.text(c.get("proxy-url")), where, out);
    Map<String, Object> tls = Values.map(c.get("tls"));
    option(m, "client-cert", Values.text(tls.get("certificate-file")), where, out);
    option(m, "client-key", Values.text(tls.get("private-key-file")), where, out);
    for (String key : List.of("oauth2", "identity-aware-proxy", "dns-resolver", "tunnel")) {
      if (c.containsKey(key)) {
        out.lost(where, "client." + key + " is not carried over: Tickr has no equal yet");
      }
    }
    if (Values.yes(c.get("store-cookies"))) {
      out.lost(where, "client.store-cookies: Tickr keeps no cookies between checks");
    }
  }

  private void option(
      Map<String, Object> m, String key, @Nullable Object value, String where, Draft out) {
    if (value == null) {
      return;
    }
    if (httpKeys.contains(key)) {
      m.put(key, value instanceof String s ? env(s) : value);
    } else {
      out.lost(where, key + " is not carried over: this Tickr has no such http key");
    }
  }

  private static boolean hostPort(
      Map<String, Object> e,
      String scheme,
      String url,
      Map<String, Object> m,
      String where,
      Draft out) {
    Matcher hp = HOST_PORT.matcher(url);
    if (!hp.matches()) {
      out.lost(where, "left out: " + url + " is not " + scheme + "://HOST:PORT");
      return false;
    }
    m.put("type", scheme);
    if (scheme.equals("tcp")) {
      m.put("url", url);
    } else {
      m.put("host", hp.group(1).replaceAll("^\\[|\\]$", ""));
      m.put("port", Integer.parseInt(hp.group(2)));
    }
    if (Values.text(e.get("body")) != null) {
      out.lost(where, "the body is not sent: Tickr's " + scheme + " check sends nothing");
    }
    if (Values.yes(Values.map(e.get("client")).get("insecure"))) {
      out.lost(
          where, "client.insecure is not carried over: Tickr's tls check verifies the certificate");
    }
    return true;
  }

  private static boolean dns(
      Map<String, Object> d, String server, Map<String, Object> m, String where, Draft out) {
    String type = String.valueOf(d.getOrDefault("query-type", "A")).toUpperCase(Locale.ROOT);
    String name = Values.text(d.get("query-name"));
    if (name == null || !DNS_TYPES.contains(type)) {
      out.lost(
          where, "left out: Tickr's dns check asks A, AAAA, CNAME, MX, TXT or NS, not " + type);
      return false;
    }
    m.put("type", "dns");
    m.put("host", env(name.endsWith(".") ? name.substring(0, name.length() - 1) : name));
    m.put("query-type", type);
    m.put("nameserver", server);
    return true;
  }

  private void external(Map<String, Object> e, int index, GatusAlerts alerts, Draft out) {
    String name = Values.text(e.get("name"));
    String where = "external-endpoints[" + index + "] " + name;
    String period = Values.text(Values.map(e.get("heartbeat")).get("interval"));
    if (name == null || period == null) {
      out.lost(
          where,
          "left out: without heartbeat.interval Gatus never finds it missing; a Tickr"
              + " heartbeat needs a period");
      return;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", out.monitorName(name));
    m.put("type", "heartbeat");
    m.put("period", period);
    m.put("grace", "0s");
    String token = Values.text(e.get("token"));
    if (token != null && env(token).matches("[A-Za-z0-9_-]{22,}|\\$\\{[A-Za-z0-9_]+\\}")) {
      m.put("token", env(token));
    } else {
      out.lost(
          where,
          "its token is not a Tickr ping token (22 or more of A-Z a-z 0-9 - _): Tickr"
              + " makes one");
    }
    out.lost(
        where,
        "pushes must go to /ping/<token> (failures to /ping/<token>/fail) instead of"
            + " Gatus's /api/v1/endpoints/<key>/external");
    String group = Values.text(e.get("group"));
    if (group != null) {
      m.put("tags", List.of(group));
    }
    alerts.apply(where, Values.list(e.get("alerts")), m);
    out.monitor(m);
  }

  private static @Nullable Map<String, Object> window(Map<String, Object> w, String name) {
    String start = Values.text(w.get("start"));
    if (start == null || (w.containsKey("enabled") && !Values.yes(w.get("enabled")))) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    List<Object> days = Values.list(w.get("every"));
    out.put(
        "every",
        days.isEmpty()
            ? "day"
            : days.stream().map(d -> String.valueOf(d).toLowerCase(Locale.ROOT)).toList());
    out.put("from", start.length() == 4 ? "0" + start : start);
    out.put("duration", String.valueOf(w.getOrDefault("duration", "1h")));
    out.put("timezone", String.valueOf(w.getOrDefault("timezone", "UTC")));
    return out;
  }

  /**
   * Gatus's variables as Tickr writes them: {@code $NAME} and {@code ${NAME}} read the environment,
   * {@code $$} is a dollar sign.
   */
  static String env(String text) {
    Matcher m = ENV.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String token = m.group(1);
      String replacement;
      if (token.equals("$")) {
        boolean brace = m.end() < text.length() && text.charAt(m.end()) == '{';
        replacement = brace ? "$$" : "$";
      } else {
        replacement =
            "${" + (token.startsWith("{") ? token.substring(1, token.length() - 1) : token) + "}";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
