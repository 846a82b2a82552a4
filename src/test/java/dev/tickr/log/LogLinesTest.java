package dev.tickr.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;

class LogLinesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final LogLines lines =
      new LogLines(
          Clock.fixed(Instant.parse("2026-12-07T23:08:23.123Z"), ZoneOffset.UTC), () -> stream);

  private String written() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void text_lines_read_as_before_time_level_short_logger_and_message() {
    Logger log = lines.getLogger("dev.tickr.daemon.StateLog");
    log.info("monitor={} {} -> {} since={}", "api", "PENDING", "UP", "2026-12-07T23:08:00Z");
    assertThat(written())
        .isEqualTo(
            "2026-12-07T23:08:23.123Z INFO StateLog - monitor=api PENDING -> UP"
                + " since=2026-12-07T23:08:00Z"
                + System.lineSeparator());
  }

  @Test
  void json_lines_carry_time_level_logger_message_and_each_key_value_pair_as_a_field()
      throws Exception {
    lines.configure(LogFormat.JSON, Level.INFO);
    Logger log = lines.getLogger("dev.tickr.daemon.StateLog");
    log.warn(
        "monitor={} DOWN since={} reason={} incident={} detail=\"{}\"",
        "pay \"api\"",
        "2026-12-07T23:08:00Z",
        "http-status",
        42L,
        "HTTP 503\nService Unavailable");
    lines.getLogger("dev.tickr.cli.RunCommand").info("started monitors={} inMs={}", 10_000, 812L);
    lines.getLogger("dev.tickr.web.LoginRoutes").info("login refused busy=true client={}", "::1");

    String[] all = written().split(System.lineSeparator());
    assertThat(all).hasSize(3);
    JsonNode down = JSON.readTree(all[0]);
    assertThat(down.path("time").asText()).isEqualTo("2026-12-07T23:08:23.123Z");
    assertThat(down.path("level").asText()).isEqualTo("WARN");
    assertThat(down.path("logger").asText()).isEqualTo("dev.tickr.daemon.StateLog");
    assertThat(down.path("message").asText())
        .isEqualTo(
            "monitor=pay \"api\" DOWN since=2026-12-07T23:08:00Z reason=http-status incident=42"
                + " detail=\"HTTP 503\nService Unavailable\"");
    assertThat(down.path("monitor").asText()).isEqualTo("pay \"api\"");
    assertThat(down.path("reason").asText()).isEqualTo("http-status");
    assertThat(down.path("incident").isNumber()).isTrue();
    assertThat(down.path("incident").asLong()).isEqualTo(42);
    assertThat(down.path("detail").asText()).isEqualTo("HTTP 503\nService Unavailable");
    JsonNode started = JSON.readTree(all[1]);
    assertThat(started.path("monitors").asInt()).isEqualTo(10_000);
    assertThat(started.path("inMs").asLong()).isEqualTo(812);
    JsonNode login = JSON.readTree(all[2]);
    assertThat(login.path("busy").asText()).isEqualTo("true");
    assertThat(login.path("client").asText()).isEqualTo("::1");
  }

  @Test
  void a_pattern_cannot_overwrite_the_lines_own_fields_and_a_stack_trace_is_one_field()
      throws Exception {
    lines.configure(LogFormat.JSON, Level.INFO);
    lines
        .getLogger("dev.tickr.x.Y")
        .error(
            "level={} message={} monitor={}",
            "fake",
            "fake",
            "m",
            new IllegalStateException("boom"));
    String[] all = written().split(System.lineSeparator());
    assertThat(all).hasSize(1);
    JsonNode line = JSON.readTree(all[0]);
    assertThat(line.path("level").asText()).isEqualTo("ERROR");
    assertThat(line.path("message").asText()).isEqualTo("level=fake message=fake monitor=m");
    assertThat(line.path("monitor").asText()).isEqualTo("m");
    assertThat(line.path("exception").asText())
        .startsWith("java.lang.IllegalStateException: boom")
        .contains("LogLinesTest");
  }

  @Test
  void the_level_applies_to_tickrs_loggers_and_libraries_speak_from_warn_on() {
    Logger own = lines.getLogger("dev.tickr.a.B");
    Logger jetty = lines.getLogger("org.eclipse.jetty.server.Server");
    assertThat(own.isDebugEnabled()).isFalse();
    assertThat(own.isInfoEnabled()).isTrue();
    lines.configure(LogFormat.TEXT, Level.DEBUG);
    assertThat(own.isDebugEnabled()).isTrue();
    assertThat(jetty.isInfoEnabled()).isFalse();
    assertThat(jetty.isWarnEnabled()).isTrue();
    lines.configure(LogFormat.TEXT, Level.ERROR);
    own.warn("not written");
    jetty.warn("not written");
    own.error("written");
    assertThat(written()).doesNotContain("not written").contains("ERROR B - written");
  }
}
