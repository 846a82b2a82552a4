package dev.tickr.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.check.DnsTarget;
import dev.tickr.testing.BuiltInTypes;
import dev.tickr.time.Durations;
import dev.tickr.types.FlowType;
import dev.tickr.types.HeartbeatType;
import dev.tickr.types.HttpType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/tickr.schema.json} (what editors complete and check) and {@code
 * docs/configuration.md} (what people read) name exactly the keys the loader reads.
 */
class SchemaTest {
  private static final Path SCHEMA = Path.of("docs/tickr.schema.json");
  private static final Path REFERENCE = Path.of("docs/configuration.md");

  private final JsonNode schema = parse();

  private static JsonNode parse() {
    try {
      return new ObjectMapper().readTree(Files.readString(SCHEMA));
    } catch (IOException e) {
      throw new AssertionError("docs/tickr.schema.json must be JSON", e);
    }
  }

  @Test
  void is_a_draft_2020_12_schema() {
    assertThat(schema.path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @Test
  void is_the_schema_the_monitor_types_make() throws IOException {
    ObjectNode made = ConfigSchema.of(BuiltInTypes.types());
    if (!made.equals(schema)) {
      Path fresh = Path.of("target/tickr.schema.json");
      Files.writeString(fresh, ConfigSchema.text(made));
      throw new AssertionError(
          "docs/tickr.schema.json is not what the monitor types make: cp " + fresh + " " + SCHEMA);
    }
    assertThat(Files.readString(SCHEMA)).isEqualTo(ConfigSchema.text(made));
  }

  /** Every key the loader reads, by its path in the file. */
  static Map<String, Set<String>> loaderKeys() {
    Types types = BuiltInTypes.types();
    Map<String, Set<String>> inLoader = new TreeMap<>();
    Keys.BY_PATH.forEach((path, keys) -> inLoader.put(path, new TreeSet<>(keys)));
    inLoader.put("/monitors/*", new TreeSet<>(types.monitorKeys()));
    inLoader.put("/defaults", new TreeSet<>(types.defaultsKeys()));
    inLoader.put("/monitors/*/steps/*", new TreeSet<>(FlowType.STEP_KEYS));
    inLoader.put("/monitors/*/steps/*/poll", new TreeSet<>(FlowType.POLL_KEYS));
    for (String at : List.of("/monitors/*/auth", "/defaults/auth", "/monitors/*/steps/*/auth")) {
      HttpType.AUTH_KEYS.forEach((path, keys) -> inLoader.put(at + path, new TreeSet<>(keys)));
    }
    return inLoader;
  }

  @Test
  void names_exactly_the_keys_the_loader_reads_at_every_path() {
    Map<String, Set<String>> inSchema = new TreeMap<>();
    walk(schema, "", inSchema);

    assertThat(inSchema).isEqualTo(loaderKeys());
  }

  @Test
  void lists_the_same_choices_as_the_loader() {
    JsonNode monitor = schema.at("/$defs/monitor/properties");

    assertThat(strings(monitor.at("/type/enum"))).isEqualTo(BuiltInTypes.types().names());
    assertThat(strings(monitor.at("/query-type/enum"))).isEqualTo(DnsTarget.QUERY_TYPES);
    assertThat(strings(schema.at("/$defs/channel/properties/type/enum")))
        .isEqualTo(ChannelSpec.TYPES);
    assertThat(strings(monitor.at("/conditions/default"))).containsExactly("[STATUS] < 400");
  }

  @Test
  void states_the_loaders_defaults() {
    JsonNode monitor = schema.at("/$defs/monitor/properties");

    assertThat(duration(monitor.at("/interval/default"))).isEqualTo(MonitorReader.DEFAULT_INTERVAL);
    assertThat(duration(monitor.at("/timeout/default")))
        .isEqualTo(MonitorReader.MAX_DEFAULT_TIMEOUT);
    assertThat(duration(monitor.at("/grace/default"))).isEqualTo(HeartbeatType.DEFAULT_GRACE);
    assertThat(monitor.at("/failure-threshold/default").asInt())
        .isEqualTo(MonitorReader.DEFAULT_FAILURE_THRESHOLD);
    assertThat(monitor.at("/success-threshold/default").asInt())
        .isEqualTo(MonitorReader.DEFAULT_SUCCESS_THRESHOLD);
    assertThat(monitor.at("/type/default").asText()).isEqualTo("http");
    assertThat(monitor.at("/method/default").asText()).isEqualTo("GET");
    assertThat(monitor.at("/query-type/default").asText()).isEqualTo("A");
    assertThat(monitor.at("/paused/default").asBoolean(true)).isFalse();
    assertThat(monitor.at("/degraded/default").isBoolean()).isTrue();
    assertThat(monitor.at("/degraded/default").asBoolean())
        .isEqualTo(MonitorReader.DEFAULT_DEGRADED);
    assertThat(duration(schema.at("/$defs/storage/properties/raw-retention/default")))
        .isEqualTo(StorageSpec.DEFAULT_RAW_RETENTION);
    assertThat(duration(schema.at("/$defs/storage/properties/rollup-retention/default")))
        .isEqualTo(StorageSpec.DEFAULT_ROLLUP_RETENTION);
    assertThat(schema.at("/$defs/server/properties/listen/default").asText())
        .isEqualTo(ServerSpec.DEFAULT.listen());
    assertThat(duration(schema.at("/$defs/connectivity/properties/interval/default")))
        .isEqualTo(ConnectivitySpec.DEFAULT_INTERVAL);
    assertThat(duration(schema.at("/$defs/connectivity/properties/timeout/default")))
        .isEqualTo(ConnectivitySpec.DEFAULT_TIMEOUT);
    JsonNode channel = schema.at("/$defs/channel/properties");
    assertThat(strings(channel.at("/events/default")))
        .containsExactlyInAnyOrderElementsOf(
            ChannelPolicy.DEFAULT_EVENTS.stream().map(ChannelPolicy.Event::code).toList());
    assertThat(strings(channel.at("/events/items/enum"))).isEqualTo(ChannelPolicy.Event.codes());
    assertThat(duration(channel.at("/retry-for/default")))
        .isEqualTo(ChannelPolicy.DEFAULT_RETRY_FOR);
    assertThat(schema.at("/$defs/flapping/properties/changes/default").asInt())
        .isEqualTo(Flapping.DEFAULT_CHANGES);
    assertThat(duration(schema.at("/$defs/flapping/properties/within/default")))
        .isEqualTo(Flapping.DEFAULT_WITHIN);
    assertThat(schema.at("/$defs/flapping/properties/hold-down/default").asText())
        .isEqualTo(Flapping.HoldDown.DEFAULT.text());
  }

  @Test
  void the_duration_pattern_accepts_what_the_loader_accepts() {
    Pattern pattern = Pattern.compile(schema.at("/$defs/duration/pattern").asText());

    for (String d : List.of("500ms", "30s", "1h30m", "7d", "1.5s", "${INTERVAL}")) {
      assertThat(pattern.matcher(d).find()).as(d).isTrue();
    }
    assertThat(pattern.matcher("30").find()).isFalse();
    assertThat(pattern.matcher("soon").find()).isFalse();
  }

  @Test
  void the_reference_describes_every_key() throws IOException {
    String reference = Files.readString(REFERENCE);
    Set<String> keys =
        loaderKeys().values().stream().flatMap(Set::stream).collect(Collectors.toSet());

    List<String> missing = new ArrayList<>();
    for (String key : keys) {
      if (!reference.contains("`" + key + "`")) {
        missing.add(key);
      }
    }
    assertThat(missing).as("keys docs/configuration.md does not mention as `key`").isEmpty();
  }

  /** Collects the property names of every object schema by its path, following {@code $ref}. */
  private void walk(JsonNode node, String path, Map<String, Set<String>> found) {
    JsonNode resolved = resolve(node);
    JsonNode properties = resolved.path("properties");
    if (properties.isObject()) {
      Set<String> keys = found.computeIfAbsent(path, p -> new TreeSet<>());
      properties
          .properties()
          .forEach(
              e -> {
                keys.add(e.getKey());
                walk(e.getValue(), path + "/" + e.getKey(), found);
              });
    }
    if (resolved.has("items")) {
      walk(resolved.get("items"), path + "/*", found);
    }
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      resolved.path(combinator).forEach(sub -> walk(sub, path, found));
    }
    // A channel type's own settings (the "then" of each type) belong to the alerting code, which
    // holds them to its notifiers' keys (dev.tickr.alert.channel.ChannelSchemaTest).
    for (String branch : path.equals("/channels/*") ? List.<String>of() : List.of("then", "else")) {
      if (resolved.has(branch)) {
        walk(resolved.get(branch), path, found);
      }
    }
  }

  private JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    while (current.has("$ref")) {
      String ref = current.get("$ref").asText();
      assertThat(ref).startsWith("#/");
      current = schema.at(ref.substring(1));
      assertThat(current.isMissingNode()).as("$ref %s resolves", ref).isFalse();
    }
    return current;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Duration duration(JsonNode node) {
    return Durations.parse(node.asText());
  }
}
