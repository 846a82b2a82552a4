package dev.tickr.config;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in {@code src/test/resources/config/valid/} loads without a problem. */
class ValidConfigTest {

  static Stream<Path> validConfigs() {
    return Fixtures.yamlFiles("valid").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validConfigs")
  void loads_without_a_problem(Path file) {
    assertThatCode(() -> Fixtures.LOADER.load(file)).doesNotThrowAnyException();
  }
}
