package dev.tickr.config;

import dev.tickr.testing.BuiltInTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The environment and files the config tests share. */
final class Fixtures {
  static final Path ROOT = Path.of("src/test/resources/config");

  /** What {@code ${NAME}} reads in every test; the real environment never leaks in. */
  static final Map<String, String> ENVIRONMENT =
      Map.ofEntries(
          Map.entry("IMPACT_SID", "IRtestSid1230000000000000000000000"),
          Map.entry("IMPACT_TOKEN", "impact-test-token"),
          Map.entry("CJ_PUBLISHER_ID", "1234567"),
          Map.entry("AWIN_PUBLISHER_ID", "123456"),
          Map.entry("RAKUTEN_SID", "3456789"),
          Map.entry("TUNE_NETWORK_ID", "demo"),
          Map.entry("SHAREASALE_AFFILIATE_ID", "123456"),
          Map.entry("TUNE_NETWORK_TOKEN", "tune-test-token"),
          Map.entry("POSTBACK_SECRET", "postback-test-secret"),
          Map.entry("WEBHOOK_SECRET", "webhook-test-secret"),
          Map.entry("PING_TOKEN", "ping-test-token"),
          Map.entry("TICKR_METRICS_TOKEN", "metrics-test-token-0123456789"),
          Map.entry("IMPORT_PING_TOKEN", "import-ping-test-token-0123"),
          Map.entry("API_HOST", "api.example.com"),
          Map.entry("API_KEY", "api-test-key"),
          Map.entry("PORT", "8443"),
          Map.entry("PAGERDUTY_ROUTING_KEY", "R0UT1NGKEY0123456789abcdefABCDEF"),
          Map.entry("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T000/B000/XXXX"),
          Map.entry("SMTP_PASSWORD", "smtp-test-password"));

  static final ConfigLoader LOADER = BuiltInTypes.loader(ENVIRONMENT);

  private Fixtures() {}

  /** The {@code .yml} files of a fixture directory, by name. */
  static List<Path> yamlFiles(String directory) {
    try (Stream<Path> files = Files.list(ROOT.resolve(directory))) {
      return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Config parse(String yaml) throws ConfigException {
    return LOADER.parse("tickr.yml", yaml);
  }

  /** The problems of a config that must not load, one string per problem. */
  static List<String> problems(String yaml) {
    try {
      LOADER.parse("tickr.yml", yaml);
    } catch (ConfigException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("expected the config to be rejected:\n" + yaml);
  }

  /** The one monitor a config holds. */
  static MonitorSpec only(String yaml) throws ConfigException {
    Config config = parse(yaml);
    org.assertj.core.api.Assertions.assertThat(config.monitors()).hasSize(1);
    return config.monitors().get(0);
  }

  /** An {@code http} monitor's target. */
  static dev.tickr.check.HttpTarget http(MonitorSpec spec) {
    org.assertj.core.api.Assertions.assertThat(spec.settings())
        .isInstanceOf(dev.tickr.types.HttpType.Settings.class);
    return ((dev.tickr.types.HttpType.Settings) spec.settings()).target();
  }
}
