package dev.tickr.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.check.Reason;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.TestHttpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monitor that keeps changing state is flapping: one {@code flapping} notice, then its alerts are
 * held until it settles; but not a DOWN that lasts longer than {@code hold-down}, nor the first
 * DOWN of a reason the flap had not shown. What the channels get is read on loopback servers.
 */
class FlappingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private TestHttpServer hooks;
  private @Nullable AlertRig rig;

  @BeforeEach
  void open() {
    hooks =
        TestHttpServer.plain()
            .json("/ops", 200, "{}")
            .json("/v2/enqueue", 202, "{\"status\":\"success\"}");
  }

  private void start(String flapping) {
    rig =
        new AlertRig(
            dir,
            """
            monitors:
              - name: postback
                url: https://track.example.com/postback
                interval: 1m
                failure-threshold: 1
                alerts: [ops, pager]
                flapping: %s
            channels:
              - {name: ops, type: webhook, url: %s}
              - {name: pager, type: pagerduty, routing-key: abc, url: %s}
            """
                .formatted(flapping, hooks.url("/ops"), hooks.url("/v2/enqueue")));
    rig().realChannels();
  }

  private AlertRig rig() {
    return Objects.requireNonNull(rig, "start() first");
  }

  @AfterEach
  void close() {
    if (rig != null) {
      rig.close();
    }
    hooks.close();
  }

  /** What the webhook received: {@code event incident-id detail}, one line per alert. */
  private List<String> webhook() {
    return sent("/ops").stream()
        .map(
            j ->
                j.path("event").asText()
                    + " "
                    + j.path("incident").path("id").asText()
                    + " "
                    + j.path("incident").path("reason").asText())
        .toList();
  }

  private List<JsonNode> sent(String path) {
    return hooks.requests().stream()
        .filter(r -> r.path().equals(path))
        .map(RecordedRequest::body)
        .map(FlappingTest::json)
        .toList();
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError(text, e);
    }
  }

  /** Four state changes a minute apart: the fourth makes it flap (more than 3 in 10m). */
  private void flap() {
    rig().pass("postback");
    for (int i = 0; i < 2; i++) {
      rig().fail("postback");
      rig().tick(Duration.ofMinutes(1));
      rig().pass("postback");
      rig().tick(Duration.ofMinutes(1));
    }
  }

  @Test
  void says_once_that_it_flaps_with_its_own_event_holds_the_rest_and_says_when_it_settled() {
    start("{changes: 3, within: 10m}");
    flap();
    assertThat(webhook())
        .containsExactly(
            "down 1 http-status",
            "up 1 http-status",
            "down 2 http-status",
            "up 2 http-status",
            "flapping 0 http-status");
    JsonNode notice = sent("/ops").get(4);
    assertThat(notice.path("incident").path("detail").asText())
        .isEqualTo(
            "flapping: 4 state changes within 10m; alerts held until stable for 10m (a DOWN"
                + " longer than 3m or with a new reason is still sent)");
    assertThat(notice.path("incident").path("ended_at").isNull()).isTrue();

    for (int i = 0; i < 3; i++) {
      rig().fail("postback");
      rig().tick(Duration.ofMinutes(1));
      rig().pass("postback");
      rig().tick(Duration.ofMinutes(1));
    }
    assertThat(webhook()).as("quiet while it flaps: each DOWN is shorter than 3m").hasSize(5);

    rig().tick(Duration.ofMinutes(8)); // the last change was a minute before the loop ended
    assertThat(webhook()).hasSize(5);
    rig().tick(Duration.ofMinutes(1));
    assertThat(webhook()).hasSize(6).endsWith("flapping 0 http-status");
    JsonNode settled = sent("/ops").get(5);
    assertThat(settled.path("incident").path("detail").asText())
        .isEqualTo("stable for 10m, now up");
    assertThat(settled.path("incident").path("started_at"))
        .isEqualTo(notice.path("incident").path("started_at"));
    assertThat(settled.path("incident").path("ended_at").isTextual()).isTrue();

    rig().fail("postback");
    rig().tick();
    assertThat(webhook()).as("alerts resume").hasSize(7).last().asString().startsWith("down ");
  }

  @Test
  void a_paging_channel_is_not_paged_for_the_flapping_notice() {
    start("{changes: 3, within: 10m}");
    flap();
    rig().tick(Duration.ofMinutes(10));

    List<JsonNode> pages = sent("/v2/enqueue");
    assertThat(pages)
        .extracting(j -> j.path("event_action").asText())
        .containsExactly("trigger", "resolve", "trigger", "resolve");
    List<String> keys = pages.stream().map(j -> j.path("dedup_key").asText()).toList();
    assertThat(keys.get(0)).startsWith("tickr-page-").isEqualTo(keys.get(1));
    assertThat(keys.get(2)).startsWith("tickr-page-").isEqualTo(keys.get(3));
    assertThat(keys.get(2)).as("each incident its own page").isNotEqualTo(keys.get(0));
  }

  @Test
  void a_down_that_outlasts_the_hold_down_is_alerted_while_the_monitor_still_flaps() {
    start("{changes: 3, within: 10m}"); // hold-down: 3x the 1m interval by default
    flap();
    rig().fail("postback"); // incident 3 opens while flapping, and lasts
    rig().tick(Duration.ofMinutes(1));
    rig().fail("postback");
    rig().tick(Duration.ofMinutes(1));
    rig().fail("postback");
    rig().tick(Duration.ofSeconds(59));
    assertThat(webhook()).as("held for up to three intervals").hasSize(5);

    rig().tick(Duration.ofSeconds(1));
    assertThat(webhook()).hasSize(6).last().isEqualTo("down 3 http-status");
    assertThat(sent("/v2/enqueue")) // paged at once, on a page of its own
        .last()
        .satisfies(
            j -> {
              assertThat(j.path("event_action").asText()).isEqualTo("trigger");
              assertThat(j.path("dedup_key").asText()).startsWith("tickr-page-");
              assertThat(j.path("payload").path("custom_details").path("incident_id").asLong())
                  .isEqualTo(3);
            });
  }

  @Test
  void hold_down_may_be_a_duration() {
    start("{changes: 3, within: 10m, hold-down: 90s}");
    flap();
    rig().fail("postback");
    rig().tick(Duration.ofSeconds(89));
    assertThat(webhook()).hasSize(5);
    rig().tick(Duration.ofSeconds(1));
    assertThat(webhook()).hasSize(6).last().isEqualTo("down 3 http-status");
  }

  @Test
  void the_first_down_of_a_new_reason_is_not_held_and_the_next_of_it_is() {
    start("{changes: 3, within: 10m}");
    flap();
    rig().fail("postback", Reason.AUTH_REJECTED, "[STATUS] == 200 (actual 401)");
    rig().tick();
    assertThat(webhook()).hasSize(6).last().isEqualTo("down 3 auth-rejected");

    rig().tick(Duration.ofMinutes(1));
    rig().pass("postback");
    rig().tick(Duration.ofMinutes(1));
    assertThat(webhook())
        .as("its UP goes where its DOWN went")
        .last()
        .isEqualTo("up 3 auth-rejected");
    rig().fail("postback", Reason.AUTH_REJECTED, "[STATUS] == 200 (actual 401)");
    rig().tick(Duration.ofMinutes(1));
    assertThat(webhook()).as("auth-rejected is part of the flap now").hasSize(7);
  }

  @Test
  void failing_six_ways_in_minutes_tells_each_new_way_and_the_next_real_outage_within_the_bound() {
    start("{}"); // the defaults: more than 5 changes in 10m, hold-down 3x the 1m interval
    rig().pass("postback");
    Reason[] ways = {
      Reason.HTTP_STATUS,
      Reason.BODY_ERROR,
      Reason.AUTH_REJECTED,
      Reason.STALE_DATA,
      Reason.RATE_LIMITED
    };
    for (Reason way : ways) {
      rig().fail("postback", way, "failed: " + way.code());
      rig().tick(Duration.ofSeconds(20));
      rig().pass("postback");
      rig().tick(Duration.ofSeconds(20));
    }
    assertThat(webhook())
        .as("flapping from the sixth change; every way of failing was new, so each was told")
        .containsExactly(
            "down 1 http-status",
            "up 1 http-status",
            "down 2 body-error",
            "up 2 body-error",
            "down 3 auth-rejected",
            "up 3 auth-rejected",
            "flapping 0 auth-rejected",
            "down 4 stale-data",
            "up 4 stale-data",
            "down 5 rate-limited",
            "up 5 rate-limited");

    rig().fail("postback"); // a real outage, of a reason already seen: held, but not for long
    rig().tick(Duration.ofMinutes(2));
    assertThat(webhook()).hasSize(11);
    rig().tick(Duration.ofMinutes(1));
    assertThat(webhook()).hasSize(12).last().isEqualTo("down 6 http-status");
  }
}
