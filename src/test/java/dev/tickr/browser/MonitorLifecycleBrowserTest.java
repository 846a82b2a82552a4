package dev.tickr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.HeadlessBrowser;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;

/**
 * The whole way of a monitor made in the dashboard, in headless Chromium against the real daemon:
 * an admin logs in, fills the new-monitor form, runs "Test now" and reads the result, saves, sees
 * the monitor go DOWN and UP again on the overview without a reload, and acknowledges the incident
 * on the monitor's page; every page on the way passes axe-core.
 */
@ResourceLock(HeadlessBrowser.ONE_AT_A_TIME)
class MonitorLifecycleBrowserTest {
  private static final Duration STATE_ON_SCREEN = Duration.ofSeconds(25);
  private static final String NAME = "conversion-postback";

  @RegisterExtension static final HeadlessBrowser browser = HeadlessBrowser.chromium();

  @TempDir static Path dir;
  private static final AtomicInteger postbackStatus = new AtomicInteger(200);
  private static final TestHttpServer target =
      TestHttpServer.plain()
          .route("/postback", r -> Reply.status(postbackStatus.get()).text("{\"recorded\": true}"))
          .text("/tracking", 200, "ok");
  private static RunningTickr tickr;

  @BeforeAll
  static void start() throws Exception {
    tickr =
        RunningTickr.start(
            dir,
            """
            defaults: {interval: 2s, timeout: 2s}
            monitors:
              - {name: tracking-pixel, url: "%s"}
            """
                .formatted(target.url("/tracking")));
    browser.baseUrl(tickr.url());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    try {
      RunningTickr.stop(tickr); // null when the class was skipped before starting it
    } finally {
      target.close();
    }
  }

  private static By row(String state) {
    return By.cssSelector("tr[data-monitor='" + NAME + "'][data-state='" + state + "']");
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void a_monitor_made_in_the_form_after_test_now_fails_recovers_live_and_is_acknowledged() {
    tickr.logIn(browser);

    browser.open("/monitors/new");
    browser.assertAccessible();
    browser.type(By.id("name"), NAME);
    browser.type(By.id("url"), target.url("/postback").toString());
    browser.type(By.id("interval"), "2s");
    browser.type(By.id("timeout"), "2s"); // a healthy loopback target, on a machine maybe busy
    browser.type(By.id("failure-threshold"), "1");
    browser.type(By.id("conditions"), "[STATUS] == 200\n[BODY].recorded == true");

    browser.click(By.id("test-now"));
    String result = browser.waitForText(By.id("test-result"), "Conditions", STATE_ON_SCREEN);
    assertThat(browser.text(By.id("test-status"))).isEqualTo("200");
    assertThat(result)
        .contains("Passed", "Timings", "[STATUS] == 200 — actual 200")
        .contains("[BODY].recorded == true — actual true")
        .doesNotContain("✗", "fails:");
    assertThat(browser.count(By.cssSelector("#test-conditions li.ok-text"))).isEqualTo(2);
    assertThat(browser.path()).as("tested, not saved").isEqualTo("/monitors/new");
    browser.assertAccessible();
    browser.screenshot("test-now");

    browser.clickAndWaitForPage(By.id("save"));
    assertThat(browser.path()).isEqualTo("/monitors/" + NAME);
    browser.assertAccessible();

    browser.open("/");
    browser.waitFor(row("UP"), STATE_ON_SCREEN);
    String mark = browser.markPage();
    postbackStatus.set(502);
    browser.waitFor(row("DOWN"), STATE_ON_SCREEN);
    assertThat(browser.samePage(mark)).as("updated in place, not reloaded").isTrue();
    assertThat(browser.title()).isEqualTo("1 down · Tickr");
    browser.screenshot("down");

    browser.open("/monitors/" + NAME + "#incidents");
    // The button calls the API and the page reloads itself 400 ms after the answer.
    browser.clickAndWaitForReload(By.cssSelector("#incidents button[data-api$='/acknowledge']"));
    assertThat(browser.text(By.id("incidents")))
        .contains("by user:" + RunningTickr.ADMIN + " at", "http-status");
    assertThat(browser.count(By.cssSelector("#incidents button[data-api$='/acknowledge']")))
        .isZero();
    browser.assertAccessible();
    browser.screenshot("acknowledged");

    browser.open("/");
    mark = browser.markPage();
    postbackStatus.set(200);
    browser.waitFor(row("UP"), STATE_ON_SCREEN);
    assertThat(browser.samePage(mark)).as("updated in place, not reloaded").isTrue();
    assertThat(browser.title()).isEqualTo("Overview · Tickr");
    browser.screenshot("up-again");
  }
}
