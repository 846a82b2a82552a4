package dev.tickr.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.MonitorSpec;
import dev.tickr.web.Html;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the edit page shows of a monitor of the config file instead of the form: its settings
 * (secrets masked), and where to change them.
 */
final class ReadOnlyMonitor {
  private ReadOnlyMonitor() {}

  /**
   * @param settings the monitor as the API shows it, secrets masked
   * @param file the config file, when Tickr runs with one
   */
  static String html(MonitorSpec spec, ObjectNode settings, Optional<Path> file) {
    StringBuilder h = new StringBuilder(4096);
    h.append("<h1><code>").append(Html.escape(spec.name())).append("</code></h1>");
    h.append("<p class=\"note\" id=\"read-only\">This monitor is defined in the config file");
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
}
