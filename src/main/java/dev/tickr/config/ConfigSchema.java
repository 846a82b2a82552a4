package dev.tickr.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Schema of {@code tickr.yml} ({@code docs/tickr.schema.json}, what editors complete and
 * check): everything but the monitor types from a resource, each type's keys from its {@link Key}s.
 */
public final class ConfigSchema {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TEMPLATE = "/config/tickr.schema.json";

  private ConfigSchema() {}

  /** The schema for these monitor types, as a JSON tree. */
  public static ObjectNode of(Types types) {
    ObjectNode doc = template();
    MonitorSchema schema = new MonitorSchema(types, MonitorSchema.Dialect.CONFIG);
    ObjectNode monitor = (ObjectNode) doc.path("$defs").path("monitor");
    monitor.set("properties", schema.properties((ObjectNode) monitor.path("properties")));
    if (!schema.requirements().isEmpty()) {
      monitor.set("allOf", schema.requirements());
    }
    ObjectNode defaults = (ObjectNode) doc.path("$defs").path("defaults");
    defaults.put(
        "description",
        "Monitor keys applied to every monitor before its own (all but "
            + and(List.copyOf(types.ownOnlyKeys()))
            + "). Keys a type does not use are ignored for it; conditions apply only to types"
            + " with default conditions ("
            + and(
                types.all().stream()
                    .filter(t -> !t.defaultConditions().isEmpty())
                    .map(TypeDefinition::name)
                    .toList())
            + "); headers merge by name; lists are replaced.");
    ObjectNode properties = defaults.putObject("properties");
    for (String key : types.defaultsKeys()) {
      properties.putObject(key).put("$ref", "#/$defs/monitor/properties/" + key);
    }
    return doc;
  }

  /** The schema as text, indented by two spaces, as {@code docs/tickr.schema.json} is written. */
  public static String text(JsonNode document) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return JSON.writer(printer).writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always writes", e);
    }
  }

  private static String and(List<String> items) {
    List<String> all = new ArrayList<>(items);
    if (all.size() < 2) {
      return String.join("", all);
    }
    String last = all.remove(all.size() - 1);
    return String.join(", ", all) + " and " + last;
  }

  private static ObjectNode template() {
    try (InputStream in = ConfigSchema.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException(TEMPLATE + " is missing from the jar");
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
