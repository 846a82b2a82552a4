package dev.tickr.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.Preset;
import dev.tickr.config.Presets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the OpenAPI document says of preset monitors: {@code preset} (one of the catalog's names),
 * {@code endpoint}, and for each preset a rule {@code if preset is P then its keys are properties},
 * so that a monitor object holds the keys of the preset it names and no other preset's; what a type
 * requires of a monitor ({@code url}) is not required of a preset monitor, whose preset supplies
 * it.
 */
final class OpenApiPresets {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private OpenApiPresets() {}

  /** Describes {@code preset} and {@code endpoint} in {@code properties}, and adds the rules. */
  static void describe(ObjectNode settings, ObjectNode properties, Presets catalog) {
    List<String> names = new ArrayList<>();
    catalog.all().forEach(p -> names.add(p.name() + " (" + p.title() + ")"));
    ObjectNode preset = properties.putObject("preset");
    preset.put("type", "string");
    if (!names.isEmpty()) {
      ArrayNode known = preset.putArray("enum");
      catalog.names().forEach(known::add);
    }
    preset.put(
        "description",
        "A platform preset: the monitor calls that platform's API as the preset says (url, auth,"
            + " headers, conditions, reasons, quota), with the preset's own keys given beside it"
            + " (each preset's are listed in allOf; see docs/presets.md and `tickr presets NAME`)."
            + " Any other key overrides the preset's; headers merge by name. A preset's secret keys"
            + " are sealed and masked like every secret: `***` in answers, and `***` sent back"
            + " keeps the stored value while preset names the same platform and its URLs stay on"
            + " the same origin. An API monitor's answer shows the keys as sent; a config-file"
            + " monitor's shows them with their defaults, then the settings they expand to."
            + (names.isEmpty() ? " None exist." : " One of: " + String.join(", ", names) + "."));
    properties
        .putObject(Preset.ENDPOINT)
        .put("type", "string")
        .put(
            "description",
            "A preset monitor: which of the preset's endpoints it calls; the preset's first when"
                + " not given.");
    ArrayNode rules = settings.withArray("allOf");
    // What a type requires (http: url) a preset supplies.
    for (com.fasterxml.jackson.databind.JsonNode r : rules) {
      if (r.path("if").isObject()) {
        ((ObjectNode) r.path("if")).putObject("not").putArray("required").add("preset");
      }
    }
    for (Preset p : catalog.all()) {
      rules.add(rule(p));
    }
  }

  private static ObjectNode rule(Preset p) {
    ObjectNode rule = NODES.objectNode();
    ObjectNode when = rule.putObject("if");
    when.putArray("required").add("preset");
    when.putObject("properties").putObject("preset").put("const", p.name());
    ObjectNode then = rule.putObject("then");
    then.put("description", p.title() + ": " + p.summary());
    ObjectNode keys = then.putObject("properties");
    ArrayNode endpoints = keys.putObject(Preset.ENDPOINT).putArray("enum");
    p.endpoints().keySet().forEach(endpoints::add);
    for (Preset.PresetKey k : p.keys()) {
      ObjectNode key = keys.putObject(k.name());
      key.put("type", "string");
      StringBuilder d = new StringBuilder(k.description());
      if (k.required()) {
        d.append(". Required");
      }
      if (k.fallback() != null) {
        d.append(". Default ").append(k.fallback());
      }
      if (!k.values().isEmpty()) {
        d.append(". One of ").append(String.join(", ", k.values()));
      }
      if (k.patternText() != null) {
        d.append(". ").append(k.patternText());
      }
      if (k.secret()) {
        d.append(". Secret: `***` in answers");
      }
      key.put("description", d.append('.').toString());
      if (k.fallback() != null) {
        key.put("default", k.fallback());
      }
    }
    List<String> required = new ArrayList<>();
    p.keys().stream().filter(Preset.PresetKey::required).forEach(k -> required.add(k.name()));
    if (!required.isEmpty()) {
      ArrayNode r = then.putArray("required");
      required.forEach(r::add);
    }
    return rule;
  }
}
