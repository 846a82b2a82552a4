package dev.tickr.ui;

import static dev.tickr.ui.FormValues.lines;
import static dev.tickr.ui.FormValues.strings;
import static dev.tickr.ui.FormValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.ChannelSpec;
import dev.tickr.config.Presets;
import dev.tickr.web.Html;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The monitor form's HTML, filled with a monitor document (an API monitor as answers show it,
 * secrets masked): name, platform preset ({@link PresetFields}) and type, each type's fields
 * ({@link MonitorTypeFields}), schedule and conditions, alerting, secrets, and the actions. Its
 * script ({@code form.js}) does the rest.
 */
final class MonitorForm {
  private MonitorForm() {}

  /**
   * Writes the form.
   *
   * @param editing the name of the API monitor edited, or null for a new one
   * @param channels the alert channels a monitor may choose
   */
  static void write(
      StringBuilder h,
      ObjectNode m,
      @Nullable String editing,
      List<ChannelSpec> channels,
      Presets presets) {
    String preset = text(m, "preset", "");
    // A preset monitor is an http monitor whose request the preset writes.
    String type = preset.isEmpty() ? text(m, "type", "http") : "http";
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
    PresetFields.choice(h, presets, preset);
    h.append("<div data-no-preset").append(preset.isEmpty() ? "" : " hidden").append('>');
    Forms.select(h, "type", "Type", MonitorTypeFields.TYPES, type, "");
    h.append("</div></div></fieldset>");

    PresetFields.write(h, m, presets, preset);
    h.append("<div data-no-preset").append(preset.isEmpty() ? "" : " hidden").append('>');
    MonitorTypeFields.write(h, m, type);
    h.append("</div>");
    probing(h, m, type, !preset.isEmpty());
    alerting(h, m, channels);
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

  /** What every probed type (all but heartbeat) has: interval, timeout, conditions. */
  private static void probing(StringBuilder h, ObjectNode m, String type, boolean preset) {
    MonitorTypeFields.fieldset(
        h, "probe-fields", "http tcp tls dns", type, "Schedule and conditions");
    h.append("<p class=\"hint\" data-with-preset")
        .append(preset ? "" : " hidden")
        .append(">Empty fields keep the platform's interval, timeout and conditions. Conditions")
        .append(" written here replace the platform's.</p>");
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

  private static void alerting(StringBuilder h, ObjectNode m, List<ChannelSpec> channels) {
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
}
