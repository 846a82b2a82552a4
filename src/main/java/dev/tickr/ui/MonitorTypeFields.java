package dev.tickr.ui;

import static dev.tickr.ui.FormValues.headers;
import static dev.tickr.ui.FormValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monitor form's fields of each monitor type, one method a type. Every field is in the page
 * once; an element carries {@code data-types}, the types it belongs to, and is hidden for the
 * others ({@code form.js} shows and hides them when the type changes). {@code tcp}, {@code tls} and
 * {@code dns} share the endpoint fieldset and its host; {@code tcp} and {@code tls} also share the
 * port.
 */
final class MonitorTypeFields {
  /** The monitor types the form offers, in the order shown. */
  static final Map<String, String> TYPES =
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
          "Heartbeat (a job pings Tickr)",
          "flow",
          "Flow (several requests; steps edited in YAML or the API)");

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
          "A header of its own",
          "oauth2",
          "OAuth2 client credentials",
          "signature",
          "A request signature (JSON)");

  private static final Map<String, String> QUERY_TYPES =
      options("A", "A", "AAAA", "AAAA", "CNAME", "CNAME", "MX", "MX", "TXT", "TXT", "NS", "NS");

  private MonitorTypeFields() {}

  /** Every type's fields, filled with {@code m}; those of {@code type} shown. */
  static void write(StringBuilder h, ObjectNode m, String type) {
    http(h, m, type);
    endpoint(h, m, type);
    heartbeat(h, m, type);
    flow(h, m, type);
  }

  /**
   * A flow's steps, shown read-only: editing ordered steps with their own requests, conditions and
   * extracted values is for YAML or the API. The form sends them back as they were.
   */
  private static void flow(StringBuilder h, ObjectNode m, String type) {
    fieldset(h, "flow-fields", "flow", type, "Flow");
    var steps = m.get("steps");
    Forms.textarea(
        h,
        "steps",
        "Steps (read-only)",
        steps == null ? "" : steps.toPrettyString(),
        12,
        "A flow's steps are edited in YAML or through the API; see docs/flows.md.",
        "readonly");
    h.append("</fieldset>");
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
    String scheme = FormValues.authScheme(auth);
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
    h.append("</div>");
    OAuth2Fields.write(h, a, !scheme.equals("oauth2"));
    h.append("<div class=\"row\" data-auth=\"signature\"")
        .append(hidden(!scheme.equals("signature")))
        .append('>');
    Forms.textarea(
        h,
        "auth-signature",
        "Signature scheme",
        a.path("signature").isObject() ? a.path("signature").toPrettyString() : "",
        8,
        "JSON with the keys of docs/signing.md; <code>***</code> keeps a stored key or secret.");
    h.append("</div>");
    HttpOptionFields.write(h, m);
    h.append("</fieldset>");
  }

  /** The fieldset of the types that reach a host: its host, then each type's own fields. */
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
    tcpAndTls(h, m, type);
    dns(h, m, type);
    h.append("</div></fieldset>");
  }

  /** {@code tcp} and {@code tls}: the port (their host is the endpoint's). */
  private static void tcpAndTls(StringBuilder h, ObjectNode m, String type) {
    h.append("<div data-types=\"tcp tls\"")
        .append(hidden(!type.equals("tcp") && !type.equals("tls")));
    h.append('>');
    Forms.input(
        h,
        "port",
        "Port",
        "number",
        text(m, "port", ""),
        "1 to 65535; 443 for TLS when empty.",
        "min=\"1\" max=\"65535\" inputmode=\"numeric\"");
    h.append("</div>");
  }

  /** {@code dns}: the record type and the name server (its host is the endpoint's). */
  private static void dns(StringBuilder h, ObjectNode m, String type) {
    h.append("<div data-types=\"dns\"").append(hidden(!type.equals("dns"))).append('>');
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
    h.append("</div>");
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

  /** Opens a fieldset of the given types ({@code types} space-separated), hidden for the others. */
  static void fieldset(StringBuilder h, String id, String types, String type, String legend) {
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

  private static Map<String, String> options(String... pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return out;
  }
}
