package dev.tickr.affiliate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.Tickr;
import dev.tickr.assertion.CheckResult;
import dev.tickr.check.Deadline;
import dev.tickr.check.Reason;
import dev.tickr.config.Config;
import dev.tickr.config.MonitorSpec;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.time.Ticker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/affiliate/in-house-tracker.yml} as written, pointed at a loopback tracker: each
 * of its http monitors passes against a tracker that works, and fails against one that shows the
 * fault it is there to catch.
 */
class InHouseTrackerExampleTest {
  private static final Path EXAMPLE = Path.of("examples/affiliate/in-house-tracker.yml");
  private static final byte[] GIF =
      Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

  private final AtomicReference<String> landing =
      new AtomicReference<>("https://shop.example.test/landing?click_id=");
  private final AtomicReference<String> postback = new AtomicReference<>("success=true;");
  private final TestHttpServer tracker =
      TestHttpServer.plain()
          .route(
              "/click",
              r -> {
                String query = r.target().substring(r.target().indexOf('?') + 1);
                String click = query.replaceAll(".*click_id=([^&]*).*", "$1");
                return Reply.status(302).header("Location", landing.get() + click);
              })
          .route("/pixel.gif", r -> Reply.status(200).header("Content-Type", "image/gif").body(GIF))
          .route(
              "/postback",
              r ->
                  "s3cret".equals(r.header("X-Postback-Secret"))
                      ? Reply.status(200).text(postback.get())
                      : Reply.status(403).text("forbidden"));
  private final Tickr tickr =
      new Tickr(
          Map.of("POSTBACK_SECRET", "s3cret", "PAYOUT_PING_TOKEN", "payout-ping-token-0123456789"),
          Clock.systemUTC(),
          Ticker.system());

  @AfterEach
  void close() {
    tracker.close();
  }

  private CheckResult probe(String monitor) throws Exception {
    String yaml =
        Files.readString(EXAMPLE)
            .replace("https://track.example.com/", tracker.url("/").toString());
    Config config = tickr.configLoader().parse(EXAMPLE.toString(), yaml);
    MonitorSpec spec =
        config.monitors().stream().filter(m -> m.name().equals(monitor)).findFirst().orElseThrow();
    var observation = tickr.types().observe(spec, Deadline.after(spec.timeout(), Ticker.system()));
    return tickr.judge().judge(observation, spec.conditions(), spec.reasons());
  }

  @Test
  void a_working_tracker_passes_every_probe() throws Exception {
    for (String monitor :
        new String[] {"click-redirect", "conversion-pixel", "conversion-postback"}) {
      CheckResult r = probe(monitor);
      assertThat(r.success()).as("%s: %s", monitor, r).isTrue();
    }
  }

  @Test
  void a_redirect_that_drops_the_click_id_fails() throws Exception {
    landing.set("https://shop.example.test/landing?ref=");

    CheckResult r = probe("click-redirect");

    assertThat(r.success()).isFalse();
    assertThat(r.reason()).isEqualTo(Reason.CONDITION);
  }

  @Test
  void a_refused_postback_is_a_body_error() throws Exception {
    postback.set("success=false;reason=unknown click");

    CheckResult r = probe("conversion-postback");

    assertThat(r.success()).isFalse();
    assertThat(r.reason()).isEqualTo(Reason.BODY_ERROR);
  }
}
