package dev.tickr.importer;

import static dev.tickr.importer.KumaData.get;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code tickr import uptime-kuma FILE}: Uptime Kuma's monitors, notifications and (from {@code
 * kuma.db}) status pages. Kuma's retries become the failure threshold; its accepted status codes,
 * keyword and JSON query become conditions.
 */
public final class UptimeKumaImport {
  private static final Set<String> DNS_TYPES = Set.of("A", "AAAA", "CNAME", "MX", "TXT", "NS");
  private static final Pattern SIMPLE_PATH =
      Pattern.compile("\\$?\\.?[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*|\\[[0-9]+\\])*");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22,}");

  private final Set<String> httpKeys;

  /**
   * @param httpKeys the keys Tickr's http monitors take; a Kuma option whose key Tickr lacks is
   *     reported instead of written
   */
  public UptimeKumaImport(Set<String> httpKeys) {
    this.httpKeys = Set.copyOf(httpKeys);
  }

  public Imported read(Path file) throws ImportException {
    KumaData data = KumaData.read(file);
    Draft out = new Draft();
    Map<Long, String> channels = KumaChannels.add(data.notifications(), out);
    Map<Long, String> groups = new LinkedHashMap<>();
    Map<Long, String> names = new LinkedHashMap<>();
    for (Map<String, Object> m : data.monitors()) {
      if ("group".equals(get(m, "type"))) {
        groups.put(id(m), String.valueOf(get(m, "name")));
      }
    }
    for (Map<String, Object> m : data.monitors()) {
      String name = monitor(m, data, channels, groups, out);
      if (name != null) {
        names.put(id(m), name);
      }
    }
    for (Map<String, Object> page : data.statusPages()) {
      KumaStatusPages.add(page, names, out);
    }
    return out.finish(
        "Imported from the Uptime Kuma data in " + file.getFileName() + " by tickr import");
  }

  private static long id(Map<String, Object> m) {
    return (long) Values.number(m.get("id"), -1);
  }

  private @Nullable String monitor(
      Map<String, Object> k,
      KumaData data,
      Map<Long, String> channels,
      Map<Long, String> groups,
      Draft out) {
    String type = String.valueOf(get(k, "type"));
    String name = String.valueOf(get(k, "name"));
    String where = "monitor \"" + name + "\"";
    if (type.equals("group")) {
      out.lost(
          where,
          "a group: its members carry its name as a tag; the group's own state and"
              + " notifications are not carried over");
      return null;
    }
    if (Values.yes(get(k, "upsideDown"))) {
      out.lost(where, "left out: upside-down mode (up when the check fails) has no equal in Tickr");
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "");
    boolean made =
        switch (type) {
          case "http", "keyword", "json-query" -> http(k, type, data, m, where, out);
          case "port" -> {
            m.put("type", "tcp");
            m.put("host", Draft.literal(String.valueOf(get(k, "hostname"))));
            m.put("port", (int) Values.number(get(k, "port"), 0));
            yield true;
          }
          case "dns" -> dns(k, m, where, out);
          case "push" -> push(k, m, where, out);
          default -> {
            out.lost(
                where,
                "left out: Tickr has no "
                    + type
                    + " check"
                    + (type.equals("ping")
                        ? " (no ICMP; a tcp monitor on a port the host serves is the nearest)"
                        : ""));
            yield false;
          }
        };
    if (!made) {
      return null;
    }
    m.put("name", out.monitorName(name));
    common(k, m, channels, groups, where, out);
    out.monitor(m);
    return (String) m.get("name");
  }

  private static void common(
      Map<String, Object> k,
      Map<String, Object> m,
      Map<Long, String> channels,
      Map<Long, String> groups,
      String where,
      Draft out) {
    long interval = (long) Values.number(get(k, "interval"), 60);
    int retries = (int) Values.number(get(k, "maxretries"), 0);
    if (!"heartbeat".equals(m.get("type"))) {
      m.put("interval", Draft.seconds(interval));
      double timeout = Values.number(get(k, "timeout"), 0);
      long millis = Math.round((timeout > 0 ? timeout : interval * 0.8) * 1000);
      m.put("timeout", Draft.seconds(Math.min(millis, interval * 1000) / 1000));
      long retryEvery = (long) Values.number(get(k, "retryInterval"), (double) interval);
      if (retries > 0 && retryEvery != interval && retryEvery > 0) {
        out.lost(
            where,
            "retries every "
                + retryEvery
                + "s are not carried over: Tickr probes"
                + " every "
                + interval
                + "s and counts "
                + (retries + 1)
                + " failures in a row");
      }
    }
    // a push monitor's retries are in its grace already
    m.put("failure-threshold", "heartbeat".equals(m.get("type")) ? 1 : retries + 1);
    List<String> alerts = new ArrayList<>();
    for (Object id : Values.list(k.get("notifications"))) {
      String channel = channels.get(((Number) id).longValue());
      if (channel != null && !alerts.contains(channel)) {
        alerts.add(channel);
      }
    }
    if (!alerts.isEmpty()) {
      m.put("alerts", alerts);
    }
    List<String> tags = new ArrayList<>();
    Object parent = get(k, "parent");
    if (parent != null && groups.containsKey((long) Values.number(parent, -1))) {
      tags.add(groups.get((long) Values.number(parent, -1)));
    }
    Values.list(k.get("tagList")).forEach(t -> tags.add(String.valueOf(t)));
    if (!tags.isEmpty()) {
      m.put("tags", tags);
    }
    if (get(k, "active") != null && !Values.yes(get(k, "active"))) {
      m.put("paused", true);
    }
    if (Values.text(get(k, "description")) != null) {
      out.lost(where, "its description is not carried over: Tickr monitors have none");
    }
    if (Values.number(get(k, "resendInterval"), 0) > 0) {
      out.lost(
          where,
          "resend every "
              + Values.text(get(k, "resendInterval"))
              + " checks: Tickr"
              + " repeats per channel (its renotify), so it is not set");
    }
  }

  private boolean http(
      Map<String, Object> k,
      String type,
      KumaData data,
      Map<String, Object> m,
      String where,
      Draft out) {
    m.put("url", Draft.literal(String.valueOf(get(k, "url"))));
    String method = Values.text(get(k, "method"));
    if (method != null && !method.equalsIgnoreCase("GET")) {
      m.put("method", method.toUpperCase(Locale.ROOT));
    }
    Map<String, Object> headers = headers(Values.text(get(k, "headers")), where, out);
    String body = Values.text(get(k, "body"));
    if ("xml".equals(get(k, "httpBodyEncoding")) && body != null) {
      headers.putIfAbsent("Content-Type", "text/xml; charset=utf-8");
    }
    if (!headers.isEmpty()) {
      m.put("headers", headers);
    }
    if (body != null) {
      m.put("body", Draft.literal(body));
    }
    auth(k, m, where, out);
    options(k, data, m, where, out);
    m.put("conditions", conditions(k, type, where, out));
    return true;
  }

  private static Map<String, Object> headers(@Nullable String json, String where, Draft out) {
    Map<String, Object> headers = new LinkedHashMap<>();
    if (json == null || json.isBlank()) {
      return headers;
    }
    try {
      Map<String, Object> parsed =
          new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() {});
      if (parsed != null) {
        parsed.forEach((n, v) -> headers.put(n, Draft.literal(String.valueOf(v))));
      }
    } catch (IOException e) {
      out.lost(where, "its headers are not a JSON object, so they are not carried over");
    }
    return headers;
  }

  private static void auth(Map<String, Object> k, Map<String, Object> m, String where, Draft out) {
    String method = Values.text(get(k, "authMethod"));
    String user = Values.text(get(k, "basic_auth_user"));
    if ((method == null || method.equals("basic")) && user != null) {
      Map<String, Object> basic = new LinkedHashMap<>();
      basic.put("username", Draft.literal(user));
      basic.put("password", Draft.literal(String.valueOf(get(k, "basic_auth_pass"))));
      m.put("auth", Map.of("basic", basic));
    } else if (method != null && !method.equals("basic") && !method.equals("null")) {
      out.lost(where, method + " authentication is not carried over: Tickr has no equal yet");
    }
    if (Values.text(get(k, "tlsCert")) != null) {
      out.lost(
          where,
          "its client certificate is not carried over: Tickr reads client-cert and"
              + " client-key from files; save them and add the keys");
    }
  }

  private void options(
      Map<String, Object> k, KumaData data, Map<String, Object> m, String where, Draft out) {
    if (Values.yes(get(k, "ignoreTls"))) {
      option(m, "insecure", true, where, out);
    }
    int redirects = (int) Values.number(get(k, "maxredirects"), 10);
    if (redirects == 0) {
      option(m, "follow-redirects", false, where, out);
    } else if (redirects != 10) {
      out.lost(where, "at most " + redirects + " redirects: Tickr follows up to 10");
    }
    Object proxyId = get(k, "proxyId");
    Map<String, Object> proxy =
        proxyId == null ? null : data.proxies().get((long) Values.number(proxyId, -1));
    if (proxy != null) {
      String protocol = String.valueOf(proxy.get("protocol"));
      String scheme = protocol.startsWith("socks5") ? "socks5" : protocol;
      String login =
          Values.yes(proxy.get("auth"))
              ? proxy.get("username") + ":" + proxy.get("password") + "@"
              : "";
      if (scheme.equals("http") || scheme.equals("socks5")) {
        option(
            m,
            "proxy",
            scheme + "://" + login + proxy.get("host") + ":" + proxy.get("port"),
            where,
            out);
      } else {
        out.lost(
            where,
            "its " + protocol + " proxy is not carried over: Tickr takes http:// and socks5://");
      }
    }
  }

  private void option(Map<String, Object> m, String key, Object value, String where, Draft out) {
    if (httpKeys.contains(key)) {
      m.put(key, value instanceof String s ? Draft.literal(s) : value);
    } else {
      out.lost(where, key + " is not carried over: this Tickr has no such http key");
    }
  }

  private static List<String> conditions(
      Map<String, Object> k, String type, String where, Draft out) {
    List<String> conditions =
        new ArrayList<>(KumaStatusCodes.conditions(KumaStatusCodes.accepted(k), where, out));
    if (type.equals("keyword")) {
      String keyword = String.valueOf(get(k, "keyword"));
      String op = Values.yes(get(k, "invertKeyword")) ? "!=" : "==";
      if (keyword.contains("*") || keyword.contains("?") || keyword.contains("\"")) {
        out.lost(
            where,
            "keyword \""
                + keyword
                + "\" is not carried over: * ? and \" have a"
                + " meaning in Tickr's pat()");
      } else {
        conditions.add(
            "[BODY] " + op + " pat(\"*" + Draft.literal(keyword).replace("\\", "\\\\") + "*\")");
      }
    }
    if (type.equals("json-query")) {
      String path = String.valueOf(get(k, "jsonPath")).strip();
      String expected = String.valueOf(get(k, "expectedValue"));
      // Kuma 2 has an operator; 1.x compares the result's text with ==
      String op = String.valueOf(Objects.requireNonNullElse(get(k, "jsonPathOperator"), "=="));
      if (!op.equals("==") && !op.equals("!=")) {
        out.lost(
            where,
            "JSON query operator "
                + op
                + " is not carried over: only == and !="
                + " compare text the same way in Tickr");
      } else if (SIMPLE_PATH.matcher(path).matches()) {
        String tail = path.replaceFirst("^\\$?\\.?", "");
        conditions.add(
            "[BODY]"
                + (tail.startsWith("[") ? "" : ".")
                + tail
                + " "
                + op
                + " \""
                + Draft.literal(expected).replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"");
      } else {
        out.lost(
            where,
            "JSON query \""
                + path
                + "\" is not carried over: only a plain path"
                + " (a.b[0].c) has an equal in Tickr's conditions");
      }
    }
    return conditions;
  }

  private static boolean dns(
      Map<String, Object> k, Map<String, Object> m, String where, Draft out) {
    String type = String.valueOf(get(k, "dns_resolve_type")).toUpperCase(Locale.ROOT);
    if (!DNS_TYPES.contains(type)) {
      out.lost(
          where, "left out: Tickr's dns check asks A, AAAA, CNAME, MX, TXT or NS, not " + type);
      return false;
    }
    m.put("type", "dns");
    m.put("host", Draft.literal(String.valueOf(get(k, "hostname"))));
    m.put("query-type", type);
    String server = Values.text(get(k, "dns_resolve_server"));
    if (server != null) {
      String[] servers = server.split("\\s*,\\s*");
      int port = (int) Values.number(get(k, "port"), 53);
      m.put("nameserver", port == 53 ? servers[0] : servers[0] + ":" + port);
      if (servers.length > 1) {
        out.lost(where, "only the first of its resolvers (" + servers[0] + ") is asked");
      }
    }
    m.put("conditions", List.of("len([BODY]) > 0"));
    return true;
  }

  private static boolean push(
      Map<String, Object> k, Map<String, Object> m, String where, Draft out) {
    long interval = (long) Values.number(get(k, "interval"), 60);
    long retries = (long) Values.number(get(k, "maxretries"), 0);
    long retryEvery = (long) Values.number(get(k, "retryInterval"), (double) interval);
    m.put("type", "heartbeat");
    m.put("period", Draft.seconds(interval));
    m.put("grace", Draft.seconds(retries * retryEvery));
    String token = Values.text(get(k, "pushToken"));
    if (token != null && TOKEN.matcher(token).matches()) {
      m.put("token", token);
    } else {
      out.lost(
          where, "its push token is shorter than Tickr's 22 characters: Tickr makes a new one");
    }
    out.lost(
        where,
        "pushes must go to /ping/<token> (a failure to /ping/<token>/fail) instead of"
            + " /api/push/<token>?status=…");
    return true;
  }
}
