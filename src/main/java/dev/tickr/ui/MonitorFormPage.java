package dev.tickr.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.ChannelSpec;
import dev.tickr.config.Config;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.Problem;
import dev.tickr.daemon.DaemonControl;
import dev.tickr.documents.ApiMonitors;
import dev.tickr.documents.MonitorJson;
import dev.tickr.web.Html;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The monitor forms: {@code /monitors/new} and {@code /monitors/{name}/edit}. The page renders the
 * fields with the monitor's settings (secrets masked as the API answers them); its script ({@code
 * form.js}) builds the API's monitor object from them, saves it with {@code POST /api/v1/monitors}
 * or {@code PUT /api/v1/monitors/{name}}, tries it with {@code POST /api/v1/monitors/test} ("Test
 * now"), and puts each problem the API names by JSON Pointer next to its field. A monitor of the
 * config file is shown read-only: it is changed in the file. Only admins get the forms.
 */
final class MonitorFormPage {
  /** The monitor types the form offers, in the order shown. */
  private static final Map<String, String> TYPES =
      options(
          "http",
          "HTTP",
          "tcp",
          "TCP",
          "dns",
          "DNS",
          "tls",
          "TLS certificate",
          "heartbeat",
          "Heartbeat (a job pings Tickr)");

  private static final Map<String, String> METHODS =
      options(
          "GET", "GET", "POST", "POST", "PUT", "PUT", "PATCH", "PATCH", "DELETE", "DELETE", "HEAD",
          "HEAD", "OPTIONS", "OPTIONS");

  private static final Map<String, String> AUTH =
      options(
          "none",
          "None",
          "basic",
          "Basic (user and password)",
          "bearer",
          "Bearer token",
          "header",
          "A header of its own");

  private static final Map<String, String> QUERY_TYPES =
      options("A", "A", "AAAA", "AAAA", "CNAME", "CNAME", "MX", "MX", "TXT", "TXT", "NS", "NS");

  private final DaemonControl daemon;
  private final ApiMonitors api;

  MonitorFormPage(DaemonControl daemon, ApiMonitors api) {
    this.daemon = daemon;
    this.api = api;
  }

  void install(JavalinConfig config) {
    config.routes.get("/monitors/new", this::create);
    config.routes.get("/monitors/{name}/edit", this::edit);
  }

  private void create(Context ctx) {
    if (!Layout.canWrite(ctx)) {
      Forms.forbidden(
          ctx, "New monitor", Layout.Nav.NEW_MONITOR, "Only admins can create monitors.");
      return;
    }
    StringBuilder main = new StringBuilder(16_384);
    main.append("<h1>New monitor</h1>");
    form(main, JsonNodeFactory.instance.objectNode(), null);
    Layout.render(ctx, "New monitor", Layout.Nav.NEW_MONITOR, main.toString(), "form.js");
  }

  private void edit(Context ctx) {
    String name = ctx.pathParam("name");
    String title = "Edit " + name;
    if (!Layout.canWrite(ctx)) {
      Forms.forbidden(ctx, title, Layout.Nav.NONE, "Only admins can change monitors.");
      return;
    }
    Config running = daemon.config();
    Optional<MonitorSpec> fromFile = daemon.fileConfig().monitor(name);
    if (fromFile.isPresent()) {
      Layout.render(ctx, name, Layout.Nav.NONE, readOnly(fromFile.get(), running));
      return;
    }
    Optional<ObjectNode> stored = api.masked(name);
    if (stored.isEmpty()) {
      Forms.notFound(ctx, title, Layout.Nav.NONE, "There is no monitor named \"" + name + "\".");
      return;
    }
    StringBuilder main = new StringBuilder(16_384);
    main.append("<h1>Edit <code>").append(Html.escape(name)).append("</code></h1>");
    List<Problem> problems = api.problems(name);
    if (!problems.isEmpty()) {
      main.append("<div class=\"note problem\" id=\"stored-problems\"><p>This monitor does not ")
          .append("run as stored:</p><ul>");
      for (Problem p : problems) {
        main.append("<li><code>")
            .append(Html.escape(p.file()))
            .append("</code> ")
            .append(Html.escape(p.message()))
            .append("</li>");
      }
      main.append("</ul></div>");
    }
    form(main, stored.get(), name);
    Layout.render(ctx, title, Layout.Nav.NONE, main.toString(), "form.js");
  }

  /** A monitor of the config file: its settings, and where to change them. */
  private String readOnly(MonitorSpec spec, Config running) {
    ObjectNode settings = MonitorJson.of(spec, running.secretValues().values());
    StringBuilder h = new StringBuilder(4096);
    h.append("<h1><code>").append(Html.escape(spec.name())).append("</code></h1>");
    h.append("<p class=\"note\" id=\"read-only\">This monitor is defined in the config file");
    Optional<Path> file = daemon.configFile();
    if (file.isPresent()) {
      h.append(" <code>").append(Html.escape(file.get().toString())).append("</code>");
    }
    if (spec.line() > 0) {
      h.append(", line ").append(spec.line());
    }
    h.append(". It cannot be changed here: change it in the file, which Tickr reads again when it")
        .append(" changes. Secret values are masked.</p>");
    h.append("<dl id=\"monitor-settings\" class=\"settings\">");
    for (Map.Entry<String, JsonNode> e : settings.properties()) {
      h.append("<dt>").append(Html.escape(e.getKey())).append("</dt><dd>");
      value(h, e.getValue());
      h.append("</dd>");
    }
    h.append("</dl><p><a href=\"/monitors/")
        .append(Html.urlPart(spec.name()))
        .append("\">Back to the monitor</a></p>");
    return h.toString();
  }

  private static void value(StringBuilder h, JsonNode v) {
    if (v.isArray()) {
      if (v.isEmpty()) {
        h.append("<span class=\"muted\">none</span>");
        return;
      }
      h.append("<ul>");
      v.forEach(
          item -> h.append("<li><code>").append(Html.escape(text(item))).append("</code></li>"));
      h.append("</ul>");
    } else if (v.isObject()) {
      if (v.isEmpty()) {
        h.append("<span class=\"muted\">none</span>");
        return;
      }
      h.append("<dl>");
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        h.append("<dt>").append(Html.escape(e.getKey())).append("</dt><dd><code>");
        h.append(Html.escape(text(e.getValue()))).append("</code></dd>");
      }
      h.append("</dl>");
    } else {
      h.append("<code>").append(Html.escape(text(v))).append("</code>");
    }
  }

  private static String text(JsonNode v) {
    return v.isValueNode() ? v.asText() : v.toString();
  }

  /**
   * The form, filled with {@code m} (an API monitor as answers show it, secrets masked).
   *
   * @param editing the name of the API monitor edited, or null for a new one
   */
  private void form(StringBuilder h, ObjectNode m, @Nullable String editing) {
    String type = text(m, "type", "http");
    Forms.problems(h, "form-problems");
    h.append("<noscript><p class=\"note\">This form needs JavaScript. Without it, use the REST")
        .append(" API: <code>POST /api/v1/monitors</code>.</p></noscript>");
    h.append("<form id=\"monitor-form\" novalidate data-original=\"")
        .append(Html.escape(m.toString()))
        .append('"');
    if (editing != null) {
      h.append(" data-editing=\"").append(Html.escape(editing)).append('"');
    }
    h.append('>');

    h.append("<fieldset id=\"basics\"><legend>Monitor</legend><div class=\"row\">");
    Forms.input(
        h,
        "name",
        "Name",
        "text",
        text(m, "name", ""),
        editing == null
            ? "Unique; used in the URL and in alerts."
            : "A monitor cannot be renamed: create a new one instead.",
        editing == null ? "required autocomplete=\"off\"" : "readonly");
    Forms.select(h, "type", "Type", TYPES, type, "");
    h.append("</div></fieldset>");

    http(h, m, type);
    endpoint(h, m, type);
    heartbeat(h, m, type);
    probing(h, m, type);
    alerting(h, m);
    secrets(h, m);

    h.append("<div class=\"actions\">")
        .append("<button type=\"button\" id=\"test-now\"")
        .append(type.equals("heartbeat") ? " disabled" : "")
        .append(">Test now</button>")
        .append("<button type=\"submit\" id=\"save\" class=\"primary\">")
        .append(editing == null ? "Create monitor" : "Save changes")
        .append("</button><a class=\"button\" id=\"cancel\" href=\"")
        .append(editing == null ? "/" : "/monitors/" + Html.urlPart(editing))
        .append("\">Cancel</a></div>")
        .append("<p class=\"hint\">Test now probes the target once with these settings and")
        .append(" saves nothing.</p></form>");
    h.append("<section id=\"test-result\" class=\"card\" aria-live=\"polite\" hidden>")
        .append("</section>");
  }

  private static void http(StringBuilder h, ObjectNode m, String type) {
    fieldset(h, "http-fields", "http", type, "HTTP request");
    Forms.input(
        h,
        "url",
        "URL",
        "url",
        text(m, "url", ""),
        "http:// or https://; <code>${NAME}</code> reads a secret below.",
        "placeholder=\"https://api.example.com/health\" autocomplete=\"off\"");
    Forms.select(h, "method", "Method", METHODS, text(m, "method", "GET"), "");
    Forms.textarea(
        h,
        "headers",
        "Headers",
        headers(m.get("headers")),
        3,
        "One <code>Name: value</code> a line. A secret value shows as <code>***</code>; sent"
            + " back so, it keeps the stored one.");
    Forms.textarea(h, "body", "Body", text(m, "body", ""), 3, "Sent as it is; optional.");
    JsonNode auth = m.get("auth");
    String scheme = "none";
    if (auth != null && auth.isObject() && auth.size() == 1) {
      scheme = auth.fieldNames().next();
    }
    Forms.select(h, "auth", "Authentication", AUTH, scheme, "");
    JsonNode a = auth == null ? JsonNodeFactory.instance.objectNode() : auth;
    h.append("<div class=\"row\" data-auth=\"basic\"").append(hidden(!scheme.equals("basic")));
    h.append('>');
    Forms.input(h, "auth-username", "User", "text", text(a.path("basic"), "username", ""), "", "");
    Forms.input(
        h,
        "auth-password",
        "Password",
        "password",
        text(a.path("basic"), "password", ""),
        "<code>***</code> keeps the stored one.",
        "autocomplete=\"new-password\"");
    h.append("</div><div class=\"row\" data-auth=\"bearer\"")
        .append(hidden(!scheme.equals("bearer")))
        .append('>');
    Forms.input(
        h,
        "auth-token",
        "Token",
        "password",
        a.path("bearer").isTextual() ? a.path("bearer").asText() : "",
        "Sent as <code>Authorization: Bearer …</code>; <code>***</code> keeps the stored one.",
        "autocomplete=\"new-password\"");
    h.append("</div><div class=\"row\" data-auth=\"header\"")
        .append(hidden(!scheme.equals("header")))
        .append('>');
    Forms.input(
        h,
        "auth-header-name",
        "Header name",
        "text",
        text(a.path("header"), "name", ""),
        "",
        "placeholder=\"X-Api-Key\"");
    Forms.input(
        h,
        "auth-header-value",
        "Header value",
        "password",
        text(a.path("header"), "value", ""),
        "<code>***</code> keeps the stored one.",
        "autocomplete=\"new-password\"");
    h.append("</div></fieldset>");
  }

  private static void endpoint(StringBuilder h, ObjectNode m, String type) {
    fieldset(h, "endpoint-fields", "tcp tls dns", type, "Endpoint");
    h.append("<div class=\"row\">");
    Forms.input(
        h,
        "host",
        "Host",
        "text",
        text(m, "host", ""),
        "A name or an address.",
        "placeholder=\"db.example.com\"");
    h.append("<div data-types=\"tcp tls\"").append(hidden(!Set.of("tcp", "tls").contains(type)));
    h.append('>');
    Forms.input(
        h,
        "port",
        "Port",
        "number",
        text(m, "port", ""),
        "1 to 65535; 443 for TLS when empty.",
        "min=\"1\" max=\"65535\" inputmode=\"numeric\"");
    h.append("</div><div data-types=\"dns\"").append(hidden(!type.equals("dns"))).append('>');
    Forms.select(h, "query-type", "Record type", QUERY_TYPES, text(m, "query-type", "A"), "");
    h.append("</div><div data-types=\"dns\"").append(hidden(!type.equals("dns"))).append('>');
    Forms.input(
        h,
        "nameserver",
        "Name server",
        "text",
        text(m, "nameserver", ""),
        "Optional, e.g. 1.1.1.1 or [2606:4700::1111]:53; the system's when empty.",
        "");
    h.append("</div></div></fieldset>");
  }

  private static void heartbeat(StringBuilder h, ObjectNode m, String type) {
    fieldset(h, "heartbeat-fields", "heartbeat", type, "Heartbeat");
    h.append("<div class=\"row\">");
    Forms.input(
        h,
        "period",
        "Period",
        "text",
        text(m, "period", ""),
        "How often the job runs, e.g. <code>1d</code>.",
        "placeholder=\"1h\"");
    Forms.input(
        h,
        "grace",
        "Grace",
        "text",
        text(m, "grace", ""),
        "How late a ping may be; default <code>1m</code>.",
        "placeholder=\"1m\"");
    h.append("</div></fieldset>");
  }

  private static void probing(StringBuilder h, ObjectNode m, String type) {
    fieldset(h, "probe-fields", "http tcp tls dns", type, "Schedule and conditions");
    h.append("<div class=\"row\">");
    Forms.input(
        h,
        "interval",
        "Interval",
        "text",
        text(m, "interval", ""),
        "How often it is probed; default <code>1m</code>, at least <code>1s</code>.",
        "placeholder=\"1m\"");
    Forms.input(
        h,
        "timeout",
        "Timeout",
        "text",
        text(m, "timeout", ""),
        "The limit of one probe; default the interval, at most <code>10s</code>.",
        "placeholder=\"10s\"");
    h.append("</div>");
    Forms.textarea(
        h,
        "conditions",
        "Conditions",
        lines(m.get("conditions")),
        4,
        "One a line, as in tickr.yml, e.g. <code>[STATUS] == 200</code>,"
            + " <code>[BODY].ok == true</code>, <code>[RESPONSE_TIME] &lt; 800</code>,"
            + " <code>[CERTIFICATE_EXPIRATION] &gt; 14d</code>. Default <code>[STATUS] &lt;"
            + " 400</code>.",
        "placeholder=\"[STATUS] == 200\"");
    h.append("</fieldset>");
  }

  private void alerting(StringBuilder h, ObjectNode m) {
    h.append("<fieldset id=\"alerting\"><legend>Alerting</legend><div class=\"row\">");
    Forms.input(
        h,
        "failure-threshold",
        "Failures before DOWN",
        "number",
        text(m, "failure-threshold", ""),
        "Failed checks in a row; default 2 (1 for heartbeats).",
        "min=\"1\" inputmode=\"numeric\" placeholder=\"2\"");
    Forms.input(
        h,
        "success-threshold",
        "Successes before UP",
        "number",
        text(m, "success-threshold", ""),
        "Passed checks in a row; default 1.",
        "min=\"1\" inputmode=\"numeric\" placeholder=\"1\"");
    h.append("</div>");
    Forms.input(
        h,
        "tags",
        "Tags",
        "text",
        String.join(", ", strings(m.get("tags"))),
        "Comma-separated, e.g. <code>affiliate, payouts</code>.",
        "autocomplete=\"off\"");
    List<ChannelSpec> channels = daemon.config().channels();
    Set<String> chosen = new HashSet<>(strings(m.get("alerts")));
    h.append("<fieldset id=\"alerts\" aria-describedby=\"alerts-error\"><legend>Alert channels")
        .append("</legend>");
    if (channels.isEmpty()) {
      h.append("<p class=\"muted\">No channels are configured: they are defined in tickr.yml.</p>");
    }
    for (ChannelSpec c : channels) {
      String id = "alerts-" + Forms.slug(c.name());
      h.append("<div><input type=\"checkbox\" id=\"")
          .append(id)
          .append("\" value=\"")
          .append(Html.escape(c.name()))
          .append('"')
          .append(chosen.contains(c.name()) ? " checked" : "")
          .append("> <label for=\"")
          .append(id)
          .append("\">")
          .append(Html.escape(c.name()))
          .append(" <small>(")
          .append(Html.escape(c.type()))
          .append(")</small></label></div>");
    }
    Forms.error(h, "alerts");
    h.append("</fieldset></fieldset>");
  }

  private static void secrets(StringBuilder h, ObjectNode m) {
    h.append("<fieldset id=\"secrets\" aria-describedby=\"secrets-hint secrets-error\">")
        .append("<legend>Secrets</legend><p class=\"hint\" id=\"secrets-hint\">Values the")
        .append(" settings refer to as <code>${NAME}</code>. They are stored encrypted and never")
        .append(" shown again: a stored value shows as <code>***</code>, which keeps it.</p>")
        .append("<div id=\"secret-rows\">");
    JsonNode secrets = m.get("secrets");
    int i = 0;
    if (secrets != null && secrets.isObject()) {
      for (Map.Entry<String, JsonNode> e : secrets.properties()) {
        secretRow(h, i++, e.getKey(), e.getValue().asText());
      }
    }
    h.append("</div>");
    Forms.error(h, "secrets");
    h.append("<button type=\"button\" id=\"add-secret\">Add a secret</button>")
        .append("<template id=\"secret-template\">");
    secretRow(h, -1, "", "");
    h.append("</template></fieldset>");
  }

  /** One secret's row; index -1 is the template the script numbers. */
  private static void secretRow(StringBuilder h, int index, String name, String value) {
    String n = index < 0 ? "N" : Integer.toString(index);
    h.append("<div class=\"row secret\">");
    Forms.input(
        h,
        "secret-name-" + n,
        "Name",
        "text",
        name,
        "",
        "class=\"secret-name\" autocomplete=\"off\" pattern=\"[A-Za-z_][A-Za-z0-9_]*\"");
    Forms.input(
        h,
        "secret-value-" + n,
        "Value",
        "password",
        value,
        "",
        "class=\"secret-value\" autocomplete=\"new-password\"");
    h.append("<button type=\"button\" class=\"remove-secret\">Remove</button></div>");
  }

  private static void fieldset(
      StringBuilder h, String id, String types, String type, String legend) {
    h.append("<fieldset id=\"")
        .append(id)
        .append("\" data-types=\"")
        .append(types)
        .append('"')
        .append(hidden(!List.of(types.split(" ")).contains(type)))
        .append("><legend>")
        .append(legend)
        .append("</legend>");
  }

  private static String hidden(boolean hidden) {
    return hidden ? " hidden" : "";
  }

  private static String text(@Nullable JsonNode o, String field, String otherwise) {
    if (o == null) {
      return otherwise;
    }
    JsonNode v = o.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? otherwise : v.asText();
  }

  private static List<String> strings(@Nullable JsonNode list) {
    List<String> out = new ArrayList<>();
    if (list != null && list.isArray()) {
      list.forEach(v -> out.add(v.asText()));
    }
    return out;
  }

  private static String lines(@Nullable JsonNode list) {
    return String.join("\n", strings(list));
  }

  private static String headers(@Nullable JsonNode headers) {
    StringBuilder out = new StringBuilder();
    if (headers != null && headers.isObject()) {
      for (Map.Entry<String, JsonNode> e : headers.properties()) {
        out.append(e.getKey()).append(": ").append(e.getValue().asText()).append('\n');
      }
    }
    return out.toString().strip();
  }

  private static Map<String, String> options(String... pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return out;
  }
}
