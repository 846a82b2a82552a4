package dev.tickr.affiliate;

import dev.tickr.config.Node;
import dev.tickr.config.Preset;
import dev.tickr.config.Preset.Endpoint;
import dev.tickr.config.Preset.PresetKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A preset told for people, from its definition: what {@code tickr presets [NAME]} prints and the
 * generated sections of {@code docs/presets.md} (the dashboard's form reads the same {@link
 * Preset}). It shows what the definition says, {@code ((key))} placeholders visible, and never a
 * credential: an example writes each secret key as {@code ${NAME}}.
 */
public final class PresetDocs {
  /** The keys an endpoint's view names on lines of their own, in this order. */
  private static final List<String> SHOWN =
      List.of("url", "method", "headers", "auth", "conditions", "reasons", "quota");

  private static final List<String> TIMING = List.of("interval", "timeout");

  private static final String NONE = "none";
  private static final String TICKR_DEFAULT = "Tickr's default";

  private static final Pattern PLAIN =
      Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*}|[A-Za-z0-9_./@+-][^:#\"'\\[\\]{},]*");

  private PresetDocs() {}

  /** The list: name, title, endpoints and summary, one preset a line, under a header. */
  public static String table(List<Preset> presets) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"NAME", "TITLE", "ENDPOINTS", "SUMMARY"});
    for (Preset p : presets) {
      rows.add(
          new String[] {
            p.name(), p.title(), String.join(", ", p.endpoints().keySet()), p.summary()
          });
    }
    int[] widths = new int[3];
    for (String[] row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      for (int i = 0; i < widths.length; i++) {
        out.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
      }
      out.append(row[3]).append('\n');
    }
    return out.toString();
  }

  /** What {@code tickr presets NAME} prints. */
  public static String text(Preset preset) {
    StringBuilder out = new StringBuilder();
    out.append(preset.name()).append(": ").append(preset.title()).append('\n');
    out.append(preset.summary()).append('\n');
    if (!preset.links().isEmpty()) {
      out.append("\nDocumented at:\n");
      preset.links().forEach(l -> out.append("  ").append(l).append('\n'));
    }
    out.append("\nKeys:\n");
    for (KeyLine k : keyLines(preset, v -> v)) {
      out.append("  ").append(k.name()).append(" (").append(k.kind()).append("): ");
      out.append(k.description());
      k.rules().forEach(r -> out.append("; ").append(r));
      out.append('\n');
    }
    out.append("\nEndpoints:\n");
    for (Endpoint e : preset.endpoints().values()) {
      PresetView view = PresetView.of(preset, e);
      out.append("  ").append(e.name()).append(isDefault(preset, e) ? " (the default)" : "");
      out.append(": ").append(e.description()).append('\n');
      for (Map.Entry<String, List<String>> line : lines(view).entrySet()) {
        String label = String.format(Locale.ROOT, "    %-11s ", line.getKey() + ":");
        String indent = " ".repeat(label.length());
        for (int i = 0; i < line.getValue().size(); i++) {
          out.append(i == 0 ? label : indent).append(line.getValue().get(i)).append('\n');
        }
      }
    }
    out.append("\nExample (in tickr.yml; give the secrets through the environment):\n\n");
    out.append(example(preset));
    return out.toString();
  }

  /** The section of {@code docs/presets.md} that tells the preset, from its heading on. */
  public static String markdown(Preset preset) {
    StringBuilder out = new StringBuilder();
    out.append("### `").append(preset.name()).append("`: ").append(preset.title()).append("\n\n");
    out.append(sentence(preset.summary())).append("\n\n");
    if (!preset.links().isEmpty()) {
      out.append("Documented at ");
      List<String> links = new ArrayList<>();
      preset.links().forEach(l -> links.add("<" + l + ">"));
      out.append(String.join(", ", links)).append(".\n\n");
    }
    out.append("| key | | what |\n|---|---|---|\n");
    for (KeyLine k : keyLines(preset, PresetDocs::code)) {
      List<String> what = new ArrayList<>(List.of(cell(k.description())));
      what.addAll(k.rules()); // values already Markdown code, | escaped
      out.append("| `").append(k.name()).append("` | ").append(k.kind()).append(" | ");
      out.append(String.join("; ", what)).append(" |\n");
    }
    for (Endpoint e : preset.endpoints().values()) {
      PresetView view = PresetView.of(preset, e);
      out.append("\n#### `").append(preset.name()).append("` endpoint `").append(e.name());
      out.append(isDefault(preset, e) ? "` (the default)" : "`").append("\n\n");
      out.append(sentence(e.description())).append("\n\n");
      for (Map.Entry<String, List<String>> line : lines(view).entrySet()) {
        List<String> values = new ArrayList<>();
        line.getValue()
            .forEach(v -> values.add(v.equals(NONE) || v.equals(TICKR_DEFAULT) ? v : code(v)));
        out.append("- ").append(line.getKey()).append(": ").append(String.join(", ", values));
        out.append('\n');
      }
    }
    out.append("\nExample:\n\n```yaml\n").append(example(preset)).append("```\n");
    return out.toString();
  }

  /**
   * A {@code monitors:} block to paste: one monitor per endpoint, with the keys a monitor must
   * give; a secret key as {@code ${NAME}}, never a value.
   */
  public static String example(Preset preset) {
    StringBuilder out = new StringBuilder("monitors:\n");
    for (Endpoint e : preset.endpoints().values()) {
      out.append("  - name: ").append(preset.name()).append('-').append(e.name()).append('\n');
      out.append("    preset: ").append(preset.name()).append('\n');
      for (PresetKey k : preset.keys()) {
        if (k.required()) {
          out.append("    ").append(k.name()).append(": ").append(scalar(exampleOf(preset, k)));
          out.append('\n');
        }
      }
      if (preset.endpoints().size() > 1) {
        out.append("    endpoint: ").append(e.name()).append('\n');
      }
    }
    return out.toString();
  }

  /** The key's example, or {@code ${PRESET_KEY}} for a secret key whose example is not one. */
  static String exampleOf(Preset preset, PresetKey key) {
    String example = key.example();
    if (key.secret() && !example.matches("\\$\\{[A-Za-z_][A-Za-z0-9_]*}")) {
      return "${"
          + (preset.name() + "_" + key.name()).toUpperCase(Locale.ROOT).replace('-', '_')
          + "}";
    }
    return example;
  }

  /** One key of a preset for people: kind is {@code required, secret} or {@code default X}. */
  record KeyLine(String name, String kind, String description, List<String> rules) {}

  /**
   * @param value how a value reads inside the words: as it is, or as Markdown code
   */
  static List<KeyLine> keyLines(Preset preset, UnaryOperator<String> value) {
    List<KeyLine> out = new ArrayList<>();
    for (PresetKey k : preset.keys()) {
      List<String> kind = new ArrayList<>();
      kind.add(k.required() ? "required" : "optional");
      if (k.secret()) {
        kind.add("secret");
      }
      String fallback = k.fallback();
      if (fallback != null) {
        kind.add("default " + (k.secret() ? PresetView.HIDDEN : value.apply(fallback)));
      }
      List<String> rules = new ArrayList<>();
      if (!k.values().isEmpty()) {
        rules.add("one of " + String.join(", ", k.values().stream().map(value).toList()));
      }
      Pattern pattern = k.pattern();
      if (pattern != null) {
        String text = k.patternText();
        rules.add((text == null ? "must match " : text + ": ") + value.apply(pattern.pattern()));
      }
      if (k.secret()) {
        rules.add("give it as " + value.apply(exampleOf(preset, k)) + ", from the environment");
      }
      out.add(new KeyLine(k.name(), String.join(", ", kind), k.description(), rules));
    }
    if (preset.endpoints().size() > 1) {
      out.add(
          new KeyLine(
              Preset.ENDPOINT,
              "optional, default " + value.apply(preset.defaultEndpoint().name()),
              "the endpoint to call",
              List.of(
                  "one of "
                      + String.join(
                          ", ", preset.endpoints().keySet().stream().map(value).toList()))));
    }
    return out;
  }

  /** The labelled lines of an endpoint: calls, headers, auth, conditions, reasons, quota... */
  private static Map<String, List<String>> lines(PresetView view) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    out.put("calls", List.of(view.calls()));
    if (!view.headers().isEmpty()) {
      out.put("headers", view.headers());
    }
    Node auth = view.get("auth");
    if (auth != null) {
      out.put("auth", List.of(PresetView.inline("auth", auth)));
    }
    out.put("conditions", orNone(view.conditions()));
    out.put("reasons", orNone(view.reasons()));
    Node quota = view.get("quota");
    out.put("quota", List.of(quota == null ? NONE : PresetView.inline("quota", quota)));
    for (String key : TIMING) {
      out.put(key, List.of(view.text(key, TICKR_DEFAULT)));
    }
    for (Map.Entry<String, Node> e : view.keys().entrySet()) {
      if (!SHOWN.contains(e.getKey()) && !TIMING.contains(e.getKey())) {
        out.put(e.getKey(), List.of(PresetView.inline(e.getKey(), e.getValue())));
      }
    }
    return out;
  }

  private static List<String> orNone(List<String> lines) {
    return lines.isEmpty() ? List.of(NONE) : lines;
  }

  private static boolean isDefault(Preset preset, Endpoint e) {
    return preset.endpoints().size() > 1 && preset.defaultEndpoint().name().equals(e.name());
  }

  /** A value as a YAML scalar: as it is when that reads back the same, else double-quoted. */
  private static String scalar(String text) {
    return PLAIN.matcher(text).matches() && !text.endsWith(" ") ? text : Node.quote(text);
  }

  /** The text as a sentence: a capital first, a full stop last unless it ends in one. */
  private static String sentence(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return t;
    }
    t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
    return t.matches("(?s).*[.!?]\\)?") ? t : t + ".";
  }

  /** Markdown code: in backticks, more of them when the text holds one; {@code |} escaped. */
  private static String code(String text) {
    String fence = text.contains("`") ? "`` " : "`";
    String end = text.contains("`") ? " ``" : "`";
    return fence + text.replace("|", "\\|") + end;
  }

  /** A table cell's text, {@code |} escaped. */
  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
