package dev.tickr.alert.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tickr.config.ChannelSpec;
import dev.tickr.config.ConfigLoader;
import dev.tickr.testing.BuiltInTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code docs/channels.md} stays true: each channel type has its section naming every setting the
 * notifier reads, and each {@code # tickr.yml} example loads with its channel settings checked. The
 * repository's other configs ({@code examples/tickr.yml}, the README) pass the same checks.
 */
class ChannelsDocTest {
  private static final Path DOC = Path.of("docs/channels.md");
  private static final List<String> COMMON = List.of("title", "message", "timeout");

  /** What the examples' {@code ${NAME}}s read. */
  private static final Map<String, String> ENVIRONMENT =
      Map.ofEntries(
          Map.entry("WEBHOOK_SECRET", "whsec-docs"),
          Map.entry("RECEIVER_API_KEY", "receiver-key"),
          Map.entry("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T0/B0/x"),
          Map.entry("DISCORD_WEBHOOK_URL", "https://discord.com/api/webhooks/1/x"),
          Map.entry("TEAMS_WEBHOOK_URL", "https://example.webhook.office.com/x"),
          Map.entry("GOOGLE_CHAT_WEBHOOK_URL", "https://chat.googleapis.com/v1/spaces/A/messages"),
          Map.entry("MATTERMOST_WEBHOOK_URL", "https://chat.example.com/hooks/x"),
          Map.entry("PAGERDUTY_ROUTING_KEY", "R0UT1NG"),
          Map.entry("OPSGENIE_API_KEY", "genie-key"),
          Map.entry("SMTP_PASSWORD", "smtp-pw"),
          Map.entry("TELEGRAM_BOT_TOKEN", "123:abc"),
          Map.entry("NTFY_TOKEN", "tk_docs"),
          Map.entry("PUSHOVER_TOKEN", "app-token"),
          Map.entry("PUSHOVER_USER", "user-key"),
          Map.entry("IMPACT_SID", "IRtestSid123"),
          Map.entry("IMPACT_TOKEN", "impact-test-token"),
          Map.entry("TUNE_NETWORK_TOKEN", "tune-test-token"),
          Map.entry("API_KEY", "api-test-key"),
          Map.entry("POSTBACK_SECRET", "postback-test-secret"),
          Map.entry("PING_TOKEN", "ping-test-token"));

  private static final ConfigLoader LOADER =
      BuiltInTypes.loader(ENVIRONMENT).checkingChannels(Notifiers::validate);

  static Stream<String> examples() throws IOException {
    List<String> blocks = new ArrayList<>();
    List<String> lines = Files.readAllLines(DOC);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).equals("```yaml") && lines.get(i + 1).equals("# tickr.yml")) {
        StringBuilder block = new StringBuilder();
        for (i++; !lines.get(i).startsWith("```"); i++) {
          block.append(lines.get(i)).append('\n');
        }
        blocks.add(block.toString());
      }
    }
    return blocks.stream();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void each_example_loads_with_its_channels_checked(String yaml) {
    assertThatCode(() -> LOADER.parse("tickr.yml", yaml)).doesNotThrowAnyException();
  }

  @Test
  void every_channel_type_has_an_example() throws IOException {
    List<String> typesInExamples =
        examples()
            .flatMap(
                yaml -> {
                  try {
                    return LOADER.parse("tickr.yml", yaml).channels().stream();
                  } catch (dev.tickr.config.ConfigException e) {
                    throw new AssertionError(e);
                  }
                })
            .map(ChannelSpec::type)
            .distinct()
            .toList();
    assertThat(typesInExamples).containsExactlyInAnyOrderElementsOf(ChannelSpec.TYPES);
  }

  @Test
  void each_types_section_names_every_setting() throws IOException {
    String doc = Files.readString(DOC);
    List<String> missing = new ArrayList<>();
    Notifiers.TYPES.forEach(
        (type, t) -> {
          int start = doc.indexOf("\n## `" + type + "`\n");
          assertThat(start).as("a section for %s", type).isPositive();
          int end = doc.indexOf("\n## ", start + 1);
          String section = doc.substring(start, end < 0 ? doc.length() : end);
          for (String key : t.settings()) {
            if (!COMMON.contains(key) && !section.contains("`" + key + "`")) {
              missing.add(type + "." + key);
            }
          }
        });
    assertThat(missing).as("settings docs/channels.md does not describe").isEmpty();
    COMMON.forEach(key -> assertThat(doc).contains("| `" + key + "` |"));
  }

  @Test
  void the_example_config_and_the_readme_pass_the_channel_checks() throws Exception {
    assertThat(LOADER.load(Path.of("examples/tickr.yml")).channels()).isNotEmpty();
    assertThat(Files.readString(Path.of("README.md"))).contains("(docs/channels.md)");
  }
}
