package dev.tickr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tickr.Tickr;
import dev.tickr.auth.SecretBox;
import dev.tickr.store.ApiDocument;
import dev.tickr.store.SqliteStore;
import dev.tickr.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tickr export [--data DIR] [-o FILE]}: the monitors, maintenance windows and status pages
 * made through the API as a Tickr YAML. A secret is never written: each becomes {@code ${NAME}}
 * (named after its monitor and key), listed in a comment, to be set in the environment.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Write the monitors, windows and status pages made through the API as YAML.")
final class ExportCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Tickr tickr;

  @Spec picocli.CommandLine.Model.@Nullable CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data directory (default $TICKR_DATA, else ./tickr-data).")
  Path data = Path.of("tickr-data");

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  @Nullable Path output;

  ExportCommand(Tickr tickr) {
    this.tickr = tickr;
  }

  @Override
  public Integer call() throws IOException {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    PrintWriter err = spec.commandLine().getErr();
    List<String> variables = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    try (SqliteStore store = SqliteStore.openReadOnly(data)) {
      section(body, "monitors", store.apiMonitors(), variables);
      section(body, "maintenance", store.apiMaintenance(), variables);
      section(body, "status-pages", store.apiStatusPages(), variables);
    } catch (StoreException e) {
      err.println("tickr export: " + e.getMessage());
      return 1;
    }
    StringBuilder yaml = new StringBuilder();
    yaml.append("# Made by tickr export from ")
        .append(data)
        .append(" at ")
        .append(tickr.clock().instant())
        .append(": what was made through the API and the dashboard.\n");
    if (!variables.isEmpty()) {
      yaml.append("# Secrets are not exported: each is written ${NAME}; set these before use:\n");
      for (String v : variables) {
        yaml.append("#   ").append(v).append('\n');
      }
    }
    yaml.append(body.isEmpty() ? "monitors: []\n" : body);
    if (output == null) {
      spec.commandLine().getOut().print(yaml);
      spec.commandLine().getOut().flush();
    } else {
      Files.writeString(output, yaml, StandardCharsets.UTF_8);
    }
    return 0;
  }

  /** One top-level list, each document as a JSON flow mapping (which is YAML). */
  private static void section(
      StringBuilder out, String key, List<ApiDocument> documents, List<String> variables)
      throws IOException {
    if (documents.isEmpty()) {
      return;
    }
    out.append(key).append(":\n");
    for (ApiDocument d : documents) {
      JsonNode node = JSON.readTree(d.document());
      JsonNode masked = mask(node, prefix(d.name()), variables);
      out.append("  - ").append(JSON.writeValueAsString(masked)).append('\n');
    }
  }

  /** The node with each sealed value replaced by {@code ${PREFIX_PATH}}. */
  private static JsonNode mask(JsonNode node, String path, List<String> variables) {
    boolean sealedObject =
        node instanceof ObjectNode o && o.size() == 1 && o.path("sealed").isTextual();
    if (sealedObject || (node.isTextual() && SecretBox.isSealed(node.asText()))) {
      String name = path;
      int n = 2;
      while (variables.contains(name)) {
        name = path + "_" + n++;
      }
      variables.add(name);
      return TextNode.valueOf("${" + name + "}");
    }
    if (node instanceof ObjectNode object) {
      ObjectNode copy = JSON.createObjectNode();
      for (Map.Entry<String, JsonNode> f : object.properties()) {
        copy.set(f.getKey(), mask(f.getValue(), path + "_" + prefix(f.getKey()), variables));
      }
      return copy;
    }
    if (node.isArray()) {
      var copy = JSON.createArrayNode();
      for (int i = 0; i < node.size(); i++) {
        copy.add(mask(node.get(i), path + "_" + i, variables));
      }
      return copy;
    }
    return node;
  }

  private static String prefix(String name) {
    return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
  }
}
