package dev.tickr.ui;

import static dev.tickr.ui.FormValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The http fieldset's connection options: redirects, certificates, body cap, proxy and client
 * certificate, in a closed {@code <details>} (open when one is set). Secrets (a proxy's password,
 * the client key) show as {@code ***}; sent back so, they keep the stored value.
 */
final class HttpOptionFields {
  private static final Map<String, String> YES_NO = pair("true", "Yes", "false", "No");
  private static final Map<String, String> NO_YES = pair("false", "No", "true", "Yes");

  private static Map<String, String> pair(String a, String aText, String b, String bText) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(a, aText);
    out.put(b, bText);
    return out;
  }

  private HttpOptionFields() {}

  static void write(StringBuilder h, ObjectNode m) {
    boolean set = false;
    for (String key :
        new String[] {
          "follow-redirects",
          "follow-refresh",
          "insecure",
          "ca-cert",
          "max-body",
          "proxy",
          "client-cert",
          "client-key"
        }) {
      set |= m.has(key);
    }
    h.append("<details id=\"http-options\"").append(set ? " open" : "").append(">");
    h.append("<summary>Connection options</summary>");
    Forms.select(
        h,
        "follow-redirects",
        "Follow redirects",
        YES_NO,
        bool(m.get("follow-redirects"), "true"),
        "");
    Forms.select(
        h,
        "follow-refresh",
        "Follow refreshes",
        NO_YES,
        bool(m.get("follow-refresh"), "false"),
        "A <code>Refresh</code> header or HTML meta refresh, as tracking links use.");
    Forms.select(
        h,
        "insecure",
        "Accept any certificate",
        NO_YES,
        bool(m.get("insecure"), "false"),
        "The expiry is still reported.");
    Forms.input(
        h,
        "max-body",
        "Read at most",
        "text",
        text(m, "max-body", ""),
        "Of the body, e.g. <code>512KiB</code>; default <code>1MiB</code>.",
        "placeholder=\"1MiB\"");
    Forms.input(
        h,
        "proxy",
        "Proxy",
        "text",
        text(m, "proxy", ""),
        "<code>http://[user:password@]host:port</code> or <code>socks5://…</code>;"
            + " <code>***</code> keeps the stored one.",
        "autocomplete=\"off\" placeholder=\"http://10.0.0.5:3128\"");
    Forms.textarea(
        h, "ca-cert", "CA certificates", text(m, "ca-cert", ""), 3, "PEM text or a file's path.");
    Forms.textarea(
        h,
        "client-cert",
        "Client certificate",
        text(m, "client-cert", ""),
        3,
        "For mutual TLS: PEM text or a file's path.");
    Forms.textarea(
        h,
        "client-key",
        "Client key",
        text(m, "client-key", ""),
        3,
        "PKCS#8 PEM or a file's path; <code>***</code> keeps the stored one.",
        "autocomplete=\"off\"");
    h.append("</details>");
  }

  private static String bool(@Nullable JsonNode value, String otherwise) {
    return value != null && value.isBoolean() ? String.valueOf(value.asBoolean()) : otherwise;
  }
}
