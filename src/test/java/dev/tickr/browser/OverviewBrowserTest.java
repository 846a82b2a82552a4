package dev.tickr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.HeadlessBrowser;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.nio.file.Path;
import java.time.Duration;
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
 * The overview of a real daemon in headless Chromium: a monitor whose target starts failing goes
 * DOWN on screen, and UP again when it recovers, through the page's live updates (no reload), with
 * the counts at the top following.
 */
@ResourceLock(HeadlessBrowser.ONE_AT_A_TIME)
@Timeout(120) // each wait is bounded; this bounds them together on a slow, shared machine
class OverviewBrowserTest {
  /** A failed check (every 2 s), then at most one 5 s poll of the page; slack for slow CI. */
  private static final Duration STATE_ON_SCREEN = Duration.ofSeconds(25);

  @RegisterExtension static final HeadlessBrowser browser = HeadlessBrowser.chromium();

  @TempDir static Path dir;
  private static final AtomicInteger checkoutStatus = new AtomicInteger(200);
  private static final TestHttpServer target =
      TestHttpServer.plain()
          .route("/checkout", r -> Reply.status(checkoutStatus.get()).text("checkout"))
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
              - {name: checkout-api, url: "%s", tags: [shop], failure-threshold: 1}
              - {name: tracking-pixel, url: "%s"}
            """
                .formatted(target.url("/checkout"), target.url("/tracking")));
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

  private static By row(String monitor, String state) {
    return By.cssSelector("tr[data-monitor='" + monitor + "'][data-state='" + state + "']");
  }

  /** The count of monitors in {@code state} at the top. */
  private static String shown(String state) {
    return browser.text(By.cssSelector("#summary a.count-" + state + " b"));
  }

  @Test
  void a_failing_monitor_goes_down_and_up_again_on_screen_without_a_reload() {
    tickr.logIn(browser);
    browser.waitFor(row("checkout-api", "UP"), STATE_ON_SCREEN);
    browser.waitFor(row("tracking-pixel", "UP"), STATE_ON_SCREEN);
    assertThat(shown("UP")).isEqualTo("2");
    assertThat(shown("DOWN")).isEqualTo("0");
    String mark = browser.markPage();

    checkoutStatus.set(500);
    browser.waitFor(row("checkout-api", "DOWN"), STATE_ON_SCREEN);
    assertThat(browser.samePage(mark)).as("updated in place, not reloaded").isTrue();
    assertThat(shown("DOWN")).isEqualTo("1");
    assertThat(shown("UP")).isEqualTo("1");
    assertThat(browser.title()).isEqualTo("1 down · Tickr");
    assertThat(browser.text(By.cssSelector("tr[data-monitor='checkout-api']")))
        .contains("DOWN", "http-status");
    assertThat(browser.attribute(By.cssSelector("#rows tr"), "data-monitor"))
        .as("problems first")
        .isEqualTo("checkout-api");
    browser.assertAccessible();
    browser.screenshot("down");
    browser.darkMode(true);
    browser.assertAccessible();
    browser.screenshot("down-dark");
    browser.darkMode(false);

    checkoutStatus.set(200);
    browser.waitFor(row("checkout-api", "UP"), STATE_ON_SCREEN);
    assertThat(browser.samePage(mark)).as("updated in place, not reloaded").isTrue();
    assertThat(shown("UP")).isEqualTo("2");
    assertThat(shown("DOWN")).isEqualTo("0");
    assertThat(browser.title()).isEqualTo("Overview · Tickr");
    assertThat(browser.text(By.id("updated"))).startsWith("· last ");
  }
}
