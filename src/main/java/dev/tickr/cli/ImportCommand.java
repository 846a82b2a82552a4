package dev.tickr.cli;

import dev.tickr.Tickr;
import dev.tickr.config.Key;
import dev.tickr.importer.GatusImport;
import dev.tickr.importer.HealthchecksImport;
import dev.tickr.importer.ImportException;
import dev.tickr.importer.Imported;
import dev.tickr.importer.UptimeKumaImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tickr import gatus|uptime-kuma|healthchecks FILE}: another monitor's setup as a Tickr
 * config on stdout (or {@code -o FILE}), and on stderr each thing that was not carried over.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Turn a Gatus, Uptime Kuma or Healthchecks setup into a Tickr config.",
    footer = {
      "",
      "SOURCE is gatus (its config.yaml), uptime-kuma (its JSON backup or its kuma.db) or",
      "healthchecks (the JSON of GET /api/v3/checks/).",
      "Exit codes: 0 everything carried over, 1 some things not (each listed on stderr),",
      "2 the file cannot be read as that source."
    })
final class ImportCommand implements Callable<Integer> {
  private final Tickr tickr;

  @Spec picocli.CommandLine.Model.@Nullable CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "SOURCE",
      description = "gatus, uptime-kuma or healthchecks.")
  String source = "";

  @Parameters(index = "1", paramLabel = "FILE", description = "The file to import.")
  Path file = Path.of("");

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the Tickr config to FILE instead of stdout.")
  @Nullable Path output;

  ImportCommand(Tickr tickr) {
    this.tickr = tickr;
  }

  @Override
  public Integer call() throws IOException {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Imported imported;
    try {
      imported =
          switch (source) {
            case "gatus" -> new GatusImport(httpKeys()).read(file);
            case "uptime-kuma" -> new UptimeKumaImport(httpKeys()).read(file);
            case "healthchecks" -> new HealthchecksImport().read(file);
            default ->
                throw new UsageException(
                    "unknown source \"" + source + "\" (gatus, uptime-kuma, healthchecks)");
          };
    } catch (ImportException e) {
      err.println("import: " + e.getMessage());
      err.flush();
      return 2;
    }
    if (output == null) {
      out.print(imported.yaml());
      out.flush();
    } else {
      Files.writeString(output, imported.yaml(), StandardCharsets.UTF_8);
    }
    for (String line : imported.notCarried()) {
      err.println("not carried over: " + line);
    }
    err.printf(
        "%s: %d monitors, %d channels imported; %d thing%s not carried over%n",
        file,
        imported.monitors(),
        imported.channels(),
        imported.notCarried().size(),
        imported.notCarried().size() == 1 ? "" : "s");
    err.flush();
    return imported.complete() ? 0 : 1;
  }

  /** The keys this Tickr's http monitors take, so options it lacks are reported, not written. */
  private Set<String> httpKeys() {
    return tickr.types().definitions().find("http").stream()
        .flatMap(t -> t.keys().stream())
        .map(Key::name)
        .collect(Collectors.toSet());
  }
}
