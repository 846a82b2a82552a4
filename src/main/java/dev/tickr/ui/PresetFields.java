package dev.tickr.ui;

import static dev.tickr.ui.FormValues.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.Preset;
import dev.tickr.config.Presets;
import dev.tickr.web.Html;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The monitor form's platform presets: the "Platform" choice, and for each preset a fieldset with
 * its endpoints and its keys (a secret one as a password, a required one marked, a default as the
 * placeholder, allowed values as a choice), shown when that platform is chosen. The fields a preset
 * supplies (type, the HTTP request) carry {@code data-no-preset} and are hidden then; {@code
 * form.js} shows and hides them and sends {@code preset}, {@code endpoint} and the keys.
 */
final class PresetFields {
  private PresetFields() {}

  /** The "Platform" choice: none, or one of the presets, by title. */
  static void choice(StringBuilder h, Presets presets, String chosen) {
    if (presets.all().isEmpty()) {
      return;
    }
    Map<String, String> options = new LinkedHashMap<>();
    options.put("", "None: write the request yourself");
    for (Preset p : presets.all()) {
      options.put(p.name(), p.title());
    }
    Forms.select(
        h,
        "preset",
        "Platform",
        options,
        chosen,
        "A platform's API, set up by its preset (URL, authentication, conditions, quota): choose"
            + " it, then fill in its keys.");
  }

  /** One fieldset per preset, filled from {@code m} for the preset it names. */
  static void write(StringBuilder h, ObjectNode m, Presets presets, String chosen) {
    for (Preset p : presets.all()) {
      fieldset(h, p, p.name().equals(chosen) ? m : null);
    }
  }

  private static void fieldset(
      StringBuilder h, Preset p, @org.jspecify.annotations.Nullable ObjectNode m) {
    String id = "preset-" + p.name();
    h.append("<fieldset id=\"")
        .append(id)
        .append("\" data-preset=\"")
        .append(Html.escape(p.name()))
        .append("\" data-keys=\"")
        .append(Html.escape(String.join(" ", keys(p))))
        .append('"')
        .append(m == null ? " hidden" : "")
        .append("><legend>")
        .append(Html.escape(p.title()))
        .append("</legend><p class=\"hint\">")
        .append(Html.escape(p.summary()))
        .append(". Empty fields take the preset's defaults.</p>");
    if (p.endpoints().size() > 1) {
      Map<String, String> endpoints = new LinkedHashMap<>();
      p.endpoints()
          .values()
          .forEach(e -> endpoints.put(e.name(), e.name() + ": " + e.description()));
      Forms.select(
          h,
          id + "-" + Preset.ENDPOINT,
          "Endpoint",
          endpoints,
          text(m, Preset.ENDPOINT, p.defaultEndpoint().name()),
          "What the monitor calls.");
    }
    for (Preset.PresetKey k : p.keys()) {
      key(h, id + "-" + k.name(), k, text(m, k.name(), ""));
    }
    h.append("</fieldset>");
  }

  private static java.util.List<String> keys(Preset p) {
    return p.keys().stream().map(Preset.PresetKey::name).toList();
  }

  private static void key(StringBuilder h, String id, Preset.PresetKey k, String value) {
    String label = k.name() + (k.required() ? " (required)" : "");
    StringBuilder hint = new StringBuilder(Html.escape(capital(k.description()))).append('.');
    if (k.patternText() != null) {
      hint.append(" ").append(Html.escape(capital(k.patternText()))).append('.');
    }
    if (k.fallback() != null) {
      hint.append(" Default <code>").append(Html.escape(k.fallback())).append("</code>.");
    }
    if (k.secret()) {
      hint.append(" Stored encrypted, never shown: <code>***</code> keeps the stored one.");
    }
    String required = k.required() ? "required aria-required=\"true\"" : "";
    if (!k.values().isEmpty()) {
      Map<String, String> options = new LinkedHashMap<>();
      options.put("", k.fallback() != null ? "Default: " + k.fallback() : "None");
      k.values().forEach(v -> options.put(v, v));
      Forms.select(h, id, label, options, value, hint.toString());
      return;
    }
    String attributes =
        (required
                + (k.fallback() == null ? "" : " placeholder=\"" + Html.escape(k.fallback()) + "\"")
                + (k.secret() ? " autocomplete=\"new-password\"" : " autocomplete=\"off\""))
            .strip();
    Forms.input(h, id, label, k.secret() ? "password" : "text", value, hint.toString(), attributes);
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
