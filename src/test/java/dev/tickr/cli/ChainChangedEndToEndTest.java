package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickr run} against a tracking link whose redirect chain changes after a few clicks (a new
 * hop, and the landing on the homepage) while every check still passes: a webhook that asks for
 * {@code chain-changed} hears it once, with the old and the new shape, and no DOWN; after a restart
 * the new shape is still the known one.
 */
class ChainChangedEndToEndTest {
  private static final int CHANGE_AFTER = 3;

  @TempDir Path dir;

  private final AtomicInteger clicks = new AtomicInteger();
  private final TestHttpServer target = TestHttpServer.plain();
  private final TestHttpServer receivers = TestHttpServer.plain();
  private final CliRunner cli = new CliRunner();

  ChainChangedEndToEndTest() {
    target
        .route(
            "/click",
            r ->
                Reply.status(302)
                    .header(
                        "Location",
                        clicks.incrementAndGet() <= CHANGE_AFTER
                            ? "/p/shoes?irclickid=c" + clicks.get()
                            : "/go/9f86d081884c7d65?irclickid=c" + clicks.get()))
        .redirect("/go/9f86d081884c7d65", 301, "/")
        .text("/p/shoes", 200, "Blue shoes")
        .text("/", 200, "Shop home");
    receivers.text("/hook", 200, "ok");
  }

  @AfterEach
  void close() {
    target.close();
    receivers.close();
  }

  @Test
  void a_changed_chain_is_one_chain_changed_notice_with_both_shapes_and_never_a_down()
      throws Exception {
    Path config = dir.resolve("tickr.yml");
    Files.writeString(
        config,
        """
        defaults:
          interval: 1s
          timeout: 1s
        monitors:
          - name: shoes-link
            url: %s
            alerts: [hook]
            conditions: ["[STATUS] == 200"]
        channels:
          - {name: hook, type: webhook, url: %s, events: [down, up, chain-changed]}
        """
            .formatted(target.url("/click?u=shoes"), receivers.url("/hook")));
    String base = "http://127.0.0.1:" + target.port();
    try (RunningDaemon running = cli.start(config, dir.resolve("data"))) {
      AlertingEndToEndTest.eventually(
          Duration.ofSeconds(40), () -> !notices().isEmpty(), "a chain-changed notice");
      int seen = clicks.get();
      AlertingEndToEndTest.eventually(
          Duration.ofSeconds(20), () -> clicks.get() >= seen + 4, "four more checks");
      CliRunner.Run done = running.stop();
      assertThat(done.exitCode()).as(done.err()).isZero();
    }

    List<JsonNode> notices = notices();
    assertThat(notices).as("once per change, not once per check after it").hasSize(1);
    JsonNode notice = notices.get(0);
    assertThat(notice.path("monitor").path("name").asText()).isEqualTo("shoes-link");
    assertThat(notice.path("incident").path("id").asLong()).isZero();
    assertThat(notice.path("incident").path("detail").asText())
        .isEqualTo(
            "redirect chain changed: was "
                + base
                + "/click?u (302) → "
                + base
                + "/p/shoes?irclickid (1 hop), now "
                + base
                + "/click?u (302) → "
                + base
                + "/go/*?irclickid (301) → "
                + base
                + "/ (2 hops)");
    assertThat(receivers.requests().stream().map(AlertingEndToEndTest::json))
        .as("a notice, not an outage")
        .allSatisfy(j -> assertThat(j.path("event").asText()).isEqualTo("chain-changed"));

    try (RunningDaemon again = cli.start(config, dir.resolve("data"))) {
      int before = clicks.get();
      AlertingEndToEndTest.eventually(
          Duration.ofSeconds(20), () -> clicks.get() >= before + 3, "three checks after a restart");
      CliRunner.Run done = again.stop();
      assertThat(done.exitCode()).as(done.err()).isZero();
    }
    assertThat(receivers.requests()).as("the new shape is remembered across restarts").hasSize(1);
  }

  private List<JsonNode> notices() {
    return receivers.requests().stream()
        .filter(r -> r.path().equals("/hook"))
        .map(AlertingEndToEndTest::json)
        .filter(j -> j.path("event").asText().equals("chain-changed"))
        .toList();
  }
}
