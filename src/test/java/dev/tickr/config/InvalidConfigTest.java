package dev.tickr.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One file per invalid config in {@code src/test/resources/config/invalid/}; its sibling {@code
 * .expected} lists every problem, exactly as {@code tickr validate} prints them.
 */
class InvalidConfigTest {

  static Stream<Path> invalidConfigs() {
    return Fixtures.yamlFiles("invalid").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidConfigs")
  void reports_every_problem_with_its_place(Path file) {
    String name = file.getFileName().toString();
    Path expectedFile = file.resolveSibling(name.replaceFirst("\\.yml$", ".expected"));
    List<String> expected =
        Fixtures.read(expectedFile).lines().filter(line -> !line.isBlank()).toList();

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> Fixtures.LOADER.parse(name, Fixtures.read(file)));

    assertThat(e).as("%s must be rejected", name).isNotNull();
    assertThat(e.problems()).map(Problem::toString).containsExactlyElementsOf(expected);
    assertThat(e.getMessage()).isEqualTo(String.join("\n", expected));
  }
}
