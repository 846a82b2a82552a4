package dev.tickr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The edge packages depend one way (DESIGN.md, "the flow of data"): the API and the dashboard read
 * the documents and the daemon's narrow view, and neither knows the other or the command line.
 */
class PackageDirectionTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/tickr");
  private static final Pattern IMPORT =
      Pattern.compile("(?m)^import (?:static )?dev\\.tickr\\.(\\w+)\\.");

  @ParameterizedTest(name = "{0} imports nothing from {1}")
  @CsvSource({
    "api, ui",
    "api, cli",
    "ui, api",
    "ui, cli",
    "documents, api",
    "documents, ui",
    "documents, cli",
    "report, api",
    "report, ui",
    "report, cli",
    "web, api",
    "web, ui"
  })
  void a_package_does_not_import_one_downstream_of_it(String from, String forbidden)
      throws IOException {
    List<String> offenders;
    try (Stream<Path> files = Files.walk(SOURCES.resolve(from))) {
      offenders =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> imports(p).contains(forbidden))
              .map(p -> SOURCES.relativize(p).toString())
              .toList();
    }
    assertThat(offenders).as("files in %s importing %s", from, forbidden).isEmpty();
  }

  private static List<String> imports(Path file) {
    try {
      Matcher m = IMPORT.matcher(Files.readString(file));
      return m.results().map(r -> r.group(1)).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
