package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.log.LogFormat;
import dev.tickr.log.Logging;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.event.Level;

/**
 * {@code tickr run --log-format json --log-level debug} against targets that fail and echo the
 * secrets they were sent: every line of the log is one JSON object with the stable fields, the
 * incident's line carries the monitor as a field, and no secret is in any line. Isolated because it
 * reads Tickr's log from {@code System.err}.
 */
@Isolated
class JsonLogEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BEARER = "jl-bearer-token-71";
  private static final String PASSWORD = "jl-basic-password-72";
  private static final String HEADER_SECRET = "jl-header-secret-73";
  private static final String ADMIN_PASSWORD = "jl-admin-password-74";

  @TempDir Path dir;

  @Test
  void every_line_is_json_with_stable_fields_and_no_secret_is_logged() throws Exception {
    try (TestHttpServer target = TestHttpServer.plain()) {
      target.route(
          "/echo",
          r ->
              Reply.status(500)
                  .text("you sent " + r.header("Authorization") + " and " + r.header("X-Api-Key")));
      Path config =
          Files.writeString(
              dir.resolve("tickr.yml"),
              """
              defaults: {interval: 1s, timeout: 1s, failure-threshold: 1}
              monitors:
                - {name: bearer-api, url: "%1$s", auth: {bearer: "%2$s"}}
                - name: basic-api
                  url: "%1$s"
                  auth: {basic: {username: tickr, password: "%3$s"}}
                - {name: header-api, url: "%1$s", auth: {header: {name: X-Api-Key, value: "%4$s"}}}
              """
                  .formatted(target.url("/echo"), BEARER, PASSWORD, HEADER_SECRET));
      CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", ADMIN_PASSWORD));
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      PrintStream err = System.err;
      CliRunner.Run run;
      try (PrintStream tee = new PrintStream(log, true, StandardCharsets.UTF_8)) {
        System.setErr(tee);
        try (RunningDaemon running =
            cli.start(
                config, dir.resolve("data"), "--log-format", "json", "--log-level", "debug")) {
          eventually(
              Duration.ofSeconds(30),
              () -> downLines(log).size() >= 3,
              "a DOWN line for each monitor");
          run = running.stop();
        }
      } finally {
        System.setErr(err);
        Logging.configure(LogFormat.TEXT, Level.INFO);
      }
      assertThat(run.exitCode()).as(run.err()).isZero();
      String text = log.toString(StandardCharsets.UTF_8);
      List<String> lines = text.lines().toList();
      assertThat(lines).isNotEmpty();
      for (String line : lines) {
        JsonNode node = JSON.readTree(line);
        assertThat(node.fieldNames())
            .toIterable()
            .as(line)
            .startsWith("time", "level", "logger", "message");
      }
      assertThat(downLines(log))
          .extracting(n -> n.path("monitor").asText())
          .contains("bearer-api", "basic-api", "header-api");
      assertThat(downLines(log))
          .allSatisfy(n -> assertThat(n.path("reason").asText()).isEqualTo("http-status"));
      assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"monitors\":3"));
      for (String secret : List.of(BEARER, PASSWORD, HEADER_SECRET, ADMIN_PASSWORD)) {
        assertThat(text + run.out() + run.err()).as("the log").doesNotContain(secret);
      }
    }
  }

  @Test
  void a_bad_format_or_level_is_a_usage_error_naming_the_flag_or_the_variable() throws Exception {
    Path config = Files.writeString(dir.resolve("tickr.yml"), "monitors: []\n");
    CliRunner.Run flag =
        new CliRunner()
            .run(
                "run",
                "-c",
                config.toString(),
                "--data",
                dir.resolve("d").toString(),
                "--log-format",
                "xml");
    assertThat(flag.exitCode()).isEqualTo(2);
    assertThat(flag.err()).contains("--log-format: expected text or json, got \"xml\"");
    CliRunner.Run variable =
        new CliRunner(Map.of("TICKR_LOG_LEVEL", "loud"))
            .run("run", "-c", config.toString(), "--data", dir.resolve("d").toString());
    assertThat(variable.exitCode()).isEqualTo(2);
    assertThat(variable.err())
        .contains("TICKR_LOG_LEVEL: expected error, warn, info, debug or trace, got \"loud\"");
  }

  private static List<JsonNode> downLines(ByteArrayOutputStream log) {
    List<JsonNode> out = new ArrayList<>();
    for (String line : log.toString(StandardCharsets.UTF_8).lines().toList()) {
      try {
        JsonNode node = JSON.readTree(line);
        if (node.path("message").asText().contains(" DOWN ")) {
          out.add(node);
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        // a line still being written; the final check reads every line
      }
    }
    return out;
  }
}
