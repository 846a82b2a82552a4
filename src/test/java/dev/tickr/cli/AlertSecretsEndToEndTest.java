package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Recognisable secret values everywhere a secret can go, and a target that echoes them back: none
 * may reach a receiver, the log or the database. Isolated because it reads Tickr's log from {@code
 * System.err}, which other tests must not write to meanwhile.
 */
@Isolated
class AlertSecretsEndToEndTest {
  private static final String ROUTING_KEY = AlertingEndToEndTest.ROUTING_KEY;

  @TempDir Path dir;

  private final TestHttpServer target = TestHttpServer.plain();
  private final TestHttpServer receivers = TestHttpServer.plain();

  @AfterEach
  void close() {
    target.close();
    receivers.close();
  }

  private static List<RecordedRequest> at(TestHttpServer server, String path) {
    return server.requests().stream().filter(r -> r.path().equals(path)).toList();
  }

  private static JsonNode json(RecordedRequest r) {
    return AlertingEndToEndTest.json(r);
  }

  private static void eventually(
      Duration timeout, java.util.function.BooleanSupplier done, String what)
      throws InterruptedException {
    AlertingEndToEndTest.eventually(timeout, done, what);
  }

  @Test
  void no_secret_reaches_a_receiver_the_log_or_the_database() throws Exception {
    Map<String, String> env =
        Map.of(
            "API_KEY", "apikey-9f8e7d6c",
            "TOKEN", "bearer-tok-5b4a3c2d",
            "PARTNER_ID", "partner-1a2b3c4d",
            "HOOK_SECRET", "hook-signing-6e5f4a3b",
            "SLACK_PATH", "T000/B000/slackpath7c6d",
            "ROUTING_KEY", ROUTING_KEY);
    target.route(
        "/echo/" + env.get("PARTNER_ID"),
        r ->
            Reply.status(500)
                .header("X-Debug", "token " + r.header("Authorization"))
                .header("Set-Cookie", "sid=" + env.get("PARTNER_ID"))
                .text(
                    "bad request "
                        + r.target()
                        + " with "
                        + r.header("Authorization")
                        + " for partner "
                        + r.header("X-Partner")
                        + "; retry at https://api.example.com/r?signature=sig0123456&page=2"));
    receivers
        .text("/slack/" + env.get("SLACK_PATH"), 200, "ok")
        .text("/hook", 200, "ok")
        .json("/pager", 202, "{\"status\":\"success\"}");
    Path config = dir.resolve("tickr.yml");
    Files.writeString(
        config,
        """
        defaults:
          interval: 3s
          timeout: 3s
          alerts: [chat, hook, pager]
        monitors:
          - name: report
            url: %s/${PARTNER_ID}?api_key=${API_KEY}&page=1
            auth: {bearer: "${TOKEN}"}
            headers: {X-Partner: "${PARTNER_ID}"}
        channels:
          - {name: chat, type: slack, url: "%s${SLACK_PATH}", group: 0s}
          - {name: hook, type: webhook, url: %s, secret: "${HOOK_SECRET}"}
          - {name: pager, type: pagerduty, routing-key: "${ROUTING_KEY}", url: %s}
        """
            .formatted(
                target.url("/echo"),
                receivers.url("/slack/"),
                receivers.url("/hook"),
                receivers.url("/pager")));

    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    java.io.PrintStream err = System.err;
    CliRunner.Run run;
    try (java.io.PrintStream tee = new java.io.PrintStream(log, true, StandardCharsets.UTF_8)) {
      System.setErr(tee);
      try (RunningDaemon running = new CliRunner(env).start(config, dir.resolve("data"))) {
        eventually(
            Duration.ofSeconds(30),
            () ->
                at(receivers, "/hook").size() == 1
                    && at(receivers, "/pager").size() == 1
                    && receivers.requests().size() == 3,
            "the DOWN at every receiver");
        run = running.stop();
      }
    } finally {
      System.setErr(err);
    }
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(at(receivers, "/hook").get(0).body())
        .as("the evidence is there")
        .contains("bad request");

    List<String> secrets =
        List.of(
            env.get("API_KEY"),
            env.get("TOKEN"),
            env.get("PARTNER_ID"),
            env.get("HOOK_SECRET"),
            "slackpath7c6d",
            ROUTING_KEY,
            "sig0123456");
    for (RecordedRequest r : receivers.requests()) {
      String body = r.body();
      if (r.path().equals("/pager")) {
        // PagerDuty's Events API takes the routing key in the body: that is where it must go.
        assertThat(json(r).path("routing_key").asText()).isEqualTo(ROUTING_KEY);
        body = body.replace("\"routing_key\":\"" + ROUTING_KEY + "\"", "");
      }
      assertThat(body + r.headers()).as(r.path()).doesNotContain(secrets);
    }
    String logged = log.toString(StandardCharsets.UTF_8) + run.out() + run.err();
    assertThat(logged).contains("report").doesNotContain(secrets);
    StringBuilder stored = new StringBuilder();
    for (String file : List.of("tickr.db", "tickr.db-wal")) {
      Path p = dir.resolve("data").resolve(file);
      if (Files.exists(p)) {
        stored.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    assertThat(stored.toString())
        .as("the database files")
        .contains("bad request")
        .doesNotContain(secrets);
  }
}
