package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tickr alert test} end to end: a real config file, a real loopback webhook receiver. */
class AlertTestCommandTest {
  @TempDir Path dir;

  private Path config(String channels) throws Exception {
    return Files.writeString(
        dir.resolve("tickr.yml"),
        "server:\n  public-url: https://tickr.example.com\nchannels:\n" + channels);
  }

  private Path webhook(TestHttpServer server) throws Exception {
    return config(
        "  - name: ops\n    type: webhook\n    url: "
            + server.url("/hook")
            + "\n    secret: ${HOOK_SECRET}\n");
  }

  @Test
  void sends_a_marked_test_and_prints_the_answer() throws Exception {
    try (var server = TestHttpServer.plain().text("/hook", 200, "received")) {
      Path file = webhook(server);

      CliRunner.Run run =
          new CliRunner(java.util.Map.of("HOOK_SECRET", "s3cr3t-value"))
              .run("alert", "test", "ops", "-c", file.toString());

      assertThat(run.exitCode()).as(run.all()).isZero();
      assertThat(run.out())
          .isEqualTo(
              "Sent a test notification to webhook channel \"ops\".\nAnswer: 200 received\n");
      JsonNode body = new ObjectMapper().readTree(server.requests().get(0).body());
      assertThat(body.path("event").asText()).isEqualTo("test");
      assertThat(body.at("/incident/detail").asText())
          .isEqualTo("this is a test from Tickr; if you can read it, channel \"ops\" works");
      assertThat(body.path("dashboard_url").asText())
          .isEqualTo("https://tickr.example.com/monitors/tickr-test");
      assertThat(server.requests().get(0).header("X-Tickr-Signature")).startsWith("sha256=");
    }
  }

  @Test
  void a_refusal_exits_1_with_the_providers_answer() throws Exception {
    try (var server =
        TestHttpServer.plain().route("/hook", r -> Reply.status(410).text("hook deleted"))) {
      Path file = webhook(server);

      CliRunner.Run run =
          new CliRunner(java.util.Map.of("HOOK_SECRET", "x1y2z3"))
              .run("alert", "test", "ops", "-c", file.toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err())
          .isEqualTo(
              "Not sent to webhook channel \"ops\": the provider refused it; check the channel's"
                  + " settings.\nAnswer: 410 hook deleted\n");
    }
  }

  @Test
  void a_temporary_failure_exits_1_and_says_when_to_retry() throws Exception {
    try (var server =
        TestHttpServer.plain()
            .route("/hook", r -> Reply.status(503).header("Retry-After", "30").text("busy"))) {
      CliRunner.Run run =
          new CliRunner(java.util.Map.of("HOOK_SECRET", "x1y2z3"))
              .run("alert", "test", "ops", "-c", webhook(server).toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).contains("a temporary failure, which the daemon would retry after 30s");
    }
  }

  @Test
  void an_unknown_channel_is_bad_usage_with_a_hint() throws Exception {
    Path file = config("  - name: ops\n    type: slack\n    url: https://hooks.slack.com/x\n");

    CliRunner.Run run = new CliRunner().run("alert", "test", "opz", "-c", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("unknown channel \"opz\" (did you mean \"ops\"?); " + file + " has ops")
        .contains("Try 'tickr alert test --help'");
  }

  @Test
  void bad_channel_settings_are_printed_as_file_line_col() throws Exception {
    Path file = config("  - name: ops\n    type: slack\n    url: not-a-url\n");

    CliRunner.Run test = new CliRunner().run("alert", "test", "ops", "-c", file.toString());
    CliRunner.Run validate = new CliRunner().run("validate", "-c", file.toString());

    String problem = file + ":6:10: slack channel \"ops\": url must be an http(s) URL\n";
    assertThat(test.exitCode()).isEqualTo(2);
    assertThat(test.err()).isEqualTo(problem);
    assertThat(validate.exitCode()).isEqualTo(2);
    assertThat(validate.err()).startsWith(problem).endsWith(file + ": 1 problem\n");
  }

  @Test
  void alert_alone_asks_which_command() {
    CliRunner.Run run = new CliRunner().run("alert");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("which alert command? test");
  }
}
