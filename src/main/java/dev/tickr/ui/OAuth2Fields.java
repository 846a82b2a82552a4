package dev.tickr.ui;

import static dev.tickr.ui.FormValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The monitor form's fields of {@code auth: {oauth2: ...}}, shown when Authentication is OAuth2;
 * {@code form.js} reads them back ({@code params} one {@code name=value} a line).
 */
final class OAuth2Fields {
  private static final Map<String, String> CLIENT_AUTH = new LinkedHashMap<>();

  static {
    CLIENT_AUTH.put("basic", "Authorization: Basic (RFC 6749)");
    CLIENT_AUTH.put("body", "client_id and client_secret in the body");
  }

  private OAuth2Fields() {}

  /**
   * @param auth the monitor's {@code auth} object (secrets masked)
   * @param hidden whether another scheme is chosen
   */
  static void write(StringBuilder h, JsonNode auth, boolean hidden) {
    JsonNode o = auth.path("oauth2");
    h.append("<div class=\"row\" data-auth=\"oauth2\"").append(hidden ? " hidden" : "").append('>');
    Forms.input(
        h,
        "auth-oauth2-token-url",
        "Token URL",
        "url",
        text(o, "token-url", ""),
        "https://; the client secret is sent here.",
        "placeholder=\"https://auth.example.com/oauth/token\" autocomplete=\"off\"");
    Forms.input(h, "auth-oauth2-client-id", "Client id", "text", text(o, "client-id", ""), "", "");
    Forms.input(
        h,
        "auth-oauth2-client-secret",
        "Client secret",
        "password",
        text(o, "client-secret", ""),
        "<code>***</code> keeps the stored one while the token URL stays on the same host.",
        "autocomplete=\"new-password\"");
    Forms.input(h, "auth-oauth2-scope", "Scope", "text", text(o, "scope", ""), "Optional.", "");
    Forms.input(
        h, "auth-oauth2-audience", "Audience", "text", text(o, "audience", ""), "Optional.", "");
    Forms.select(
        h,
        "auth-oauth2-client-auth",
        "Client authentication",
        CLIENT_AUTH,
        text(o, "client-auth", "basic"),
        "");
    Forms.textarea(
        h,
        "auth-oauth2-params",
        "More form fields",
        params(o.get("params")),
        2,
        "One <code>name=value</code> a line; optional.");
    h.append("</div>");
  }

  private static String params(JsonNode params) {
    StringBuilder out = new StringBuilder();
    if (params != null && params.isObject()) {
      params
          .properties()
          .forEach(
              e -> out.append(e.getKey()).append('=').append(e.getValue().asText()).append('\n'));
    }
    return out.toString().strip();
  }
}
