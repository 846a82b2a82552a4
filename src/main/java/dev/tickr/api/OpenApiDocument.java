package dev.tickr.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.ConfigSchema;
import dev.tickr.config.MonitorSchema;
import dev.tickr.config.Types;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI document served at {@code /api/v1/openapi.json}: everything but the monitor types
 * from {@code api/openapi.json}, each type's keys in {@code MonitorSettings} from its keys.
 */
public final class OpenApiDocument {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TEMPLATE = "/api/openapi.json";

  private OpenApiDocument() {}

  public static ObjectNode of(Types types) {
    ObjectNode doc = template();
    MonitorSchema schema = new MonitorSchema(types, MonitorSchema.Dialect.OPENAPI);
    ObjectNode settings =
        (ObjectNode) doc.path("components").path("schemas").path("MonitorSettings");
    ObjectNode properties = schema.properties((ObjectNode) settings.path("properties"));
    settings.set("properties", properties);
    if (!schema.requirements().isEmpty()) {
      settings.set("allOf", schema.requirements());
    }
    OpenApiPresets.describe(settings, properties, types.presets());
    return doc;
  }

  /** The document as text. */
  public static String text(Types types) {
    return ConfigSchema.text(of(types));
  }

  private static ObjectNode template() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException(TEMPLATE + " is missing from the jar");
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
