package dev.tickr.alert.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.alert.Alert;
import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Notification;
import dev.tickr.alert.Notifier;
import dev.tickr.check.Reason;
import dev.tickr.config.ChannelSpec;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.ConfigLoader;
import dev.tickr.config.Problem;
import dev.tickr.testing.BuiltInTypes;
import dev.tickr.testing.MutableClock;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the channel tests share: channels written as YAML and read by the real loader (so problems
 * carry real {@code file:line:col}), a hand-moved clock, and alerts about made-up monitors.
 */
final class Channels {
  static final Instant NOW = Instant.parse("2026-03-01T10:20:00Z");
  static final Instant STARTED = Instant.parse("2026-03-01T10:15:00Z");
  static final Instant ENDED = Instant.parse("2026-03-01T10:19:30Z");
  static final String DASHBOARD = "https://tickr.example.com";

  /** Short timeouts keep the failure tests fast. */
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  static final Map<String, String> ENVIRONMENT =
      Map.of(
          "BOT_TOKEN", "123456:bot-token-secret",
          "ROUTING_KEY", "routing-key-secret",
          "SMTP_PASSWORD", "smtp-password-secret");

  private static final ObjectMapper JSON = new ObjectMapper();

  final MutableClock clock = new MutableClock(NOW);
  final Notifiers.Context context = Notifiers.Context.create(clock, "Tickr/test");

  /** The channels of {@code channels:} YAML (list items, unindented), their settings unchecked. */
  static List<ChannelSpec> specs(String channelsYaml) {
    try {
      return BuiltInTypes.loader(ENVIRONMENT).parse("tickr.yml", yaml(channelsYaml)).channels();
    } catch (ConfigException e) {
      throw new AssertionError("the config should load:\n" + e.getMessage(), e);
    }
  }

  /** The one notifier of {@code channelsYaml}, which must have no problem. */
  Notifier notifier(String channelsYaml) {
    List<ChannelSpec> specs = specs(channelsYaml);
    Notifiers.Built built = Notifiers.build(specs, context);
    assertThat(built.problems()).isEmpty();
    return built.notifiers().values().iterator().next();
  }

  /** Every problem the loader reports for {@code channelsYaml}, as FILE:LINE:COL: message. */
  static List<String> problems(String channelsYaml) {
    try {
      Config config = loader().parse("tickr.yml", yaml(channelsYaml));
      throw new AssertionError("expected problems, the config loaded: " + config.channels());
    } catch (ConfigException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
  }

  static ConfigLoader loader() {
    return BuiltInTypes.loader(ENVIRONMENT).checkingChannels(Notifiers::validate);
  }

  private static String yaml(String channelsYaml) {
    return "channels:\n"
        + channelsYaml.lines().map(line -> "  " + line).collect(Collectors.joining("\n"))
        + "\n";
  }

  /** An alert about {@code monitor}, incident 42, failing since {@link #STARTED}. */
  static Alert alert(AlertEvent event, String monitor) {
    return new Alert(
        event,
        monitor,
        List.of("affiliate"),
        42,
        STARTED,
        event == AlertEvent.UP ? ENDED : null,
        Reason.HTTP_STATUS,
        "[STATUS] == 200 (actual 500)",
        500,
        "{\"error\":\"upstream timeout\"}",
        null,
        "tickr-" + monitor + "-42");
  }

  static Notification notification(AlertEvent event, String... monitors) {
    List<Alert> alerts = Arrays.stream(monitors).map(m -> alert(event, m)).toList();
    return new Notification("n-" + event.wire() + "-1", event, alerts, DASHBOARD);
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }
}
