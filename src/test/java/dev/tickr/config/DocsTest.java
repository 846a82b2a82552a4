package dev.tickr.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tickr.testing.BuiltInTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every config people may copy is loaded, so none goes stale: {@code examples/tickr.yml}, the ready
 * files of {@code examples/affiliate/} (one per platform preset, and more), and each fenced {@code
 * yaml} block whose first line is {@code # tickr.yml} in the docs. A block whose first line is
 * {@code # tickr.yml (invalid)} must be rejected with exactly the problems in the {@code text}
 * block right after it. In {@code docs/configuration.md} every {@code yaml} block must be one of
 * the two.
 */
class DocsTest {
  static final String VALID = "# tickr.yml";
  static final String INVALID = "# tickr.yml (invalid)";

  private static final Path REFERENCE = Path.of("docs/configuration.md");
  private static final Path README = Path.of("README.md");
  private static final Path ALERTING = Path.of("docs/alerting.md");
  private static final Path AFFILIATE = Path.of("examples/affiliate");

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  /** Documented configs are checked like {@code tickr validate} does, channel settings included. */
  private static final ConfigLoader DOCS_LOADER =
      BuiltInTypes.loader(Fixtures.ENVIRONMENT)
          .checkingChannels(dev.tickr.alert.channel.Notifiers::validate);

  /** One fenced block of a Markdown file. */
  record Block(Path file, int line, String language, String text) {
    String firstLine() {
      return text.lines().findFirst().orElse("");
    }

    @Override
    public String toString() {
      return file + ":" + line;
    }
  }

  static List<Block> blocks(Path file) {
    List<Block> blocks = new ArrayList<>();
    List<String> lines = Fixtures.read(file).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.startsWith("```") || line.length() == 3) {
        continue;
      }
      String language = line.substring(3).strip();
      StringBuilder text = new StringBuilder();
      int start = i + 1;
      for (i = start; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
        text.append(lines.get(i)).append('\n');
      }
      blocks.add(new Block(file, start + 1, language, text.toString()));
    }
    return blocks;
  }

  /** The README and every page under {@code docs/}. */
  static List<Path> documents() {
    List<Path> files = new ArrayList<>(List.of(README));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(files).contains(REFERENCE, ALERTING);
    return files;
  }

  static Stream<Arguments> configBlocks() {
    return documents().stream()
        .flatMap(f -> blocks(f).stream())
        .filter(b -> b.language().equals("yaml") && b.firstLine().equals(VALID))
        .map(Arguments::of);
  }

  static Stream<Arguments> invalidConfigBlocks() {
    List<Arguments> out = new ArrayList<>();
    for (Path file : documents()) {
      if (!Files.exists(file)) {
        continue;
      }
      List<Block> blocks = blocks(file);
      for (int i = 0; i < blocks.size(); i++) {
        Block b = blocks.get(i);
        if (b.language().equals("yaml") && b.firstLine().equals(INVALID)) {
          assertThat(i + 1).as("%s is followed by its problems", b).isLessThan(blocks.size());
          out.add(Arguments.of(b, blocks.get(i + 1)));
        }
      }
    }
    return out.stream();
  }

  @Test
  void the_example_loads() throws ConfigException {
    Config config = Fixtures.LOADER.load(Path.of("examples/tickr.yml"));

    assertThat(config.monitors())
        .extracting(m -> m.type().name())
        .containsAll(BuiltInTypes.types().names());
    assertThat(config.channels()).isNotEmpty();
    assertThat(config.statusPages()).isNotEmpty();
  }

  static Stream<Arguments> affiliateExamples() {
    try (Stream<Path> files = Files.list(AFFILIATE)) {
      return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList().stream()
          .map(Arguments::of);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ready files of {@code examples/affiliate/}, each with its variables set. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("affiliateExamples")
  void each_affiliate_example_loads(Path file) throws ConfigException {
    String text = Fixtures.read(file);

    Config config = loaderFor(text).parse(file.toString(), text);

    assertThat(config.monitors()).as("the monitors of %s", file).isNotEmpty();
  }

  @Test
  void every_preset_has_a_ready_example() {
    for (String preset : BuiltInTypes.types().presets().names()) {
      Path file = AFFILIATE.resolve(preset + ".yml");
      assertThat(file).as("the example of preset %s", preset).exists();
      assertThat(Fixtures.read(file)).contains("preset: " + preset + "\n");
    }
    assertThat(AFFILIATE.resolve("in-house-tracker.yml")).exists();
  }

  /**
   * {@link #DOCS_LOADER}, or for a block that refers to variables the fixtures do not set, one with
   * a value for each: a URL for a name ending in {@code URL}, else a token.
   */
  private static ConfigLoader loaderFor(Block block) {
    return loaderFor(block.text());
  }

  private static ConfigLoader loaderFor(String text) {
    Map<String, String> environment = new HashMap<>(Fixtures.ENVIRONMENT);
    Matcher m = VARIABLE.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      environment.putIfAbsent(
          name, name.endsWith("URL") ? "https://hooks.example.test/" + name : "token-" + name);
    }
    return environment.size() == Fixtures.ENVIRONMENT.size()
        ? DOCS_LOADER
        : BuiltInTypes.loader(environment)
            .checkingChannels(dev.tickr.alert.channel.Notifiers::validate);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configBlocks")
  void each_config_in_the_docs_loads(Block block) {
    assertThatCode(() -> loaderFor(block).parse("tickr.yml", block.text()))
        .as("the config at %s", block)
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidConfigBlocks")
  void each_invalid_config_in_the_docs_gives_the_problems_shown(Block config, Block output) {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> Fixtures.LOADER.parse("tickr.yml", config.text()));

    assertThat(e).as("the config at %s must be rejected", config).isNotNull();
    assertThat(e.getMessage()).isEqualTo(output.text().strip());
  }

  @Test
  void every_yaml_block_of_the_reference_is_a_config_the_tests_load() {
    assertThat(blocks(REFERENCE))
        .filteredOn(b -> b.language().equals("yaml"))
        .isNotEmpty()
        .allSatisfy(b -> assertThat(b.firstLine()).as("first line of %s", b).isIn(VALID, INVALID));
  }
}
