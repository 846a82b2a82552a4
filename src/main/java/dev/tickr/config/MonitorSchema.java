package dev.tickr.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The JSON Schema of what the monitor types add to a monitor, made from their {@link Key}s: the
 * {@code type} choice, each type's keys, and which keys each type requires. The config's JSON
 * Schema ({@code docs/tickr.schema.json}) and the OpenAPI document both take it, each with its own
 * way of naming shared definitions.
 */
public final class MonitorSchema {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Where the shared definitions live, and whether secret values come back masked. */
  public enum Dialect {
    /** {@code #/$defs/duration}: the config file's schema. */
    CONFIG,
    /** {@code #/components/schemas/Duration}: the API's, where a secret reads {@code ***}. */
    OPENAPI
  }

  private final Types types;
  private final Dialect dialect;

  public MonitorSchema(Types types, Dialect dialect) {
    this.types = types;
    this.dialect = dialect;
  }

  /** The {@code type} key: one of the registered names, the first by default. */
  public ObjectNode typeProperty() {
    ObjectNode type = NODES.objectNode();
    ArrayNode names = type.putArray("enum");
    types.names().forEach(names::add);
    type.put("default", types.fallback().name());
    List<String> each = new ArrayList<>();
    for (TypeDefinition t : types.all()) {
      each.add(t.name() + " (" + t.summary() + ")");
    }
    String list =
        each.size() == 1
            ? each.get(0)
            : String.join(", ", each.subList(0, each.size() - 1))
                + " or "
                + each.get(each.size() - 1);
    type.put("description", "What is probed: " + list + ".");
    return type;
  }

  /**
   * The properties of a monitor: {@code name} first, then {@code type} and each type's keys, then
   * the other keys every monitor has ({@code common}, as a document writes them).
   */
  public ObjectNode properties(ObjectNode common) {
    ObjectNode out = NODES.objectNode();
    JsonNode name = common.get("name");
    if (name != null) {
      out.set("name", name);
    }
    out.set("type", typeProperty());
    keyProperties().forEach(out::set);
    common.properties().forEach(e -> out.set(e.getKey(), e.getValue()));
    return out;
  }

  /** Each key some type declares, by name, in the order the types declare them. */
  public Map<String, ObjectNode> keyProperties() {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<TypeDefinition>> e : types.declaredKeys().entrySet()) {
      out.put(e.getKey(), property(e.getKey(), e.getValue()));
    }
    return out;
  }

  /** One rule per type that requires keys: {@code if type is T then required [...]}. */
  public ArrayNode requirements() {
    ArrayNode rules = NODES.arrayNode();
    for (TypeDefinition t : types.all()) {
      List<String> required =
          t.keys().stream().filter(Key::required).map(Key::name).collect(Collectors.toList());
      String own = t.requires();
      if (required.isEmpty() && own == null) {
        continue;
      }
      ObjectNode rule = rules.addObject();
      ObjectNode when = rule.putObject("if");
      if (!t.name().equals(types.fallback().name())) {
        when.putArray("required").add("type");
      }
      when.putObject("properties").putObject("type").put("const", t.name());
      if (own != null) {
        rule.set("then", parse(own));
      } else {
        ArrayNode then = rule.putObject("then").putArray("required");
        required.forEach(then::add);
      }
    }
    return rules;
  }

  private ObjectNode property(String name, List<TypeDefinition> declaring) {
    Map<String, List<String>> byDescription = new LinkedHashMap<>();
    Key first = null;
    for (TypeDefinition t : declaring) {
      for (Key k : t.keys()) {
        if (k.name().equals(name)) {
          first = first == null ? k : first;
          String label =
              t.name()
                  + (k.required() ? " (required)" : "")
                  + (k.defaultValue() != null && declaring.size() > 1
                      ? " (default " + k.defaultValue() + ")"
                      : "");
          byDescription.computeIfAbsent(k.description(), x -> new ArrayList<>()).add(label);
        }
      }
    }
    if (first == null) {
      throw new IllegalStateException("no type declares " + name);
    }
    ObjectNode out = valueSchema(first);
    if (first.defaultValue() != null && declaring.size() == 1) {
      out.set("default", JSON.valueToTree(first.defaultValue()));
    }
    out.put(
        "description",
        byDescription.entrySet().stream()
            .map(e -> String.join(", ", e.getValue()) + ": " + e.getKey())
            .collect(Collectors.joining(" ")));
    if (!first.examples().isEmpty()) {
      ArrayNode examples = out.putArray("examples");
      first.examples().forEach(examples::add);
    }
    return out;
  }

  private ObjectNode valueSchema(Key key) {
    ObjectNode base = key.schema() != null ? parse(key.schema()) : kindSchema(key);
    base = (ObjectNode) rewriteRefs(base, this::ref);
    if (dialect == Dialect.OPENAPI && key.secret()) {
      ObjectNode masked = NODES.objectNode();
      ArrayNode any = masked.putArray("anyOf");
      any.add(base);
      any.addObject().put("$ref", ref("#/$defs/variable"));
      any.addObject().put("const", "***");
      return masked;
    }
    return base;
  }

  private ObjectNode kindSchema(Key key) {
    ObjectNode s = NODES.objectNode();
    switch (key.kind()) {
      case TEXT, TEXT_BLOCK, URL, HOST -> s.put("type", "string");
      case BOOLEAN -> s.put("type", "boolean");
      case DURATION -> s.put("$ref", "#/$defs/duration");
      case CHOICE -> {
        ArrayNode values = s.putArray("enum");
        key.choices().forEach(values::add);
      }
      case MAP -> s.put("type", "object").putObject("additionalProperties").put("type", "string");
      case OBJECT -> s.put("type", "object");
      case PORT, INTEGER -> {
        ArrayNode any = s.putArray("anyOf");
        ObjectNode n = any.addObject().put("type", "integer");
        if (key.kind() == Key.Kind.PORT) {
          n.put("minimum", 1).put("maximum", 65535);
        }
        any.addObject().put("$ref", "#/$defs/variable");
      }
    }
    return s;
  }

  /** {@code #/$defs/name} in the dialect's spelling. */
  private String ref(String ref) {
    if (dialect == Dialect.CONFIG || !ref.startsWith("#/$defs/")) {
      return ref;
    }
    String name = ref.substring("#/$defs/".length());
    return "#/components/schemas/" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static JsonNode rewriteRefs(JsonNode node, UnaryOperator<String> rewrite) {
    if (node instanceof ObjectNode o) {
      Iterator<Map.Entry<String, JsonNode>> fields = o.properties().iterator();
      List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
      fields.forEachRemaining(all::add);
      for (Map.Entry<String, JsonNode> e : all) {
        if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
          o.put("$ref", rewrite.apply(e.getValue().asText()));
        } else {
          o.set(e.getKey(), rewriteRefs(e.getValue(), rewrite));
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        a.set(i, rewriteRefs(a.get(i), rewrite));
      }
    }
    return node;
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalArgumentException("a key's schema is not a JSON object: " + json, e);
    }
  }
}
