package dev.tickr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.simulator.Ledger;
import dev.tickr.simulator.SimulatedNetwork;
import dev.tickr.simulator.platform.ImpactFake;
import dev.tickr.testing.HeadlessBrowser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A platform preset chosen in the dashboard's form, in headless Chromium against the real daemon
 * and a simulated Impact.com: the admin picks Impact.com, fills in the account and the token (the
 * raw HTTP fields are gone), tests it, saves it, and sees it UP on the overview; editing shows it
 * as the preset with its keys. The token is never on a page; every page passes axe-core.
 */
@ResourceLock(HeadlessBrowser.ONE_AT_A_TIME)
class PresetMonitorBrowserTest {
  private static final Duration STATE_ON_SCREEN = Duration.ofSeconds(25);
  private static final String NAME = "impact-actions";
  private static final String TOKEN = "impact-browser-token-6b5a4c3d";

  @RegisterExtension static final HeadlessBrowser browser = HeadlessBrowser.chromium();

  @TempDir static Path dir;
  private static final Ledger ledger = new Ledger(Clock.systemUTC());
  private static @Nullable SimulatedNetwork network;
  private static @Nullable RunningTickr tickr;

  @BeforeAll
  static void start() throws Exception {
    ledger.seed(20, Duration.ofDays(3));
    network = new SimulatedNetwork(List.of(new ImpactFake(ledger, TOKEN))).start();
    tickr = RunningTickr.start(dir, "monitors: []\n");
    browser.baseUrl(tickr.url());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    try {
      RunningTickr.stop(tickr);
    } finally {
      if (network != null) {
        network.close();
      }
    }
  }

  private static boolean shown(By by) {
    return browser.read(by, WebElement::isDisplayed);
  }

  private static String page() {
    return String.valueOf(browser.script("return document.documentElement.outerHTML;"));
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void an_impact_monitor_made_from_its_preset_is_tested_saved_and_up() {
    SimulatedNetwork simulated = java.util.Objects.requireNonNull(network);
    RunningTickr running = java.util.Objects.requireNonNull(tickr);
    running.logIn(browser);

    browser.open("/monitors/new");
    assertThat(shown(By.id("url"))).isTrue();
    browser.read(
        By.id("preset"),
        select -> {
          new Select(select).selectByValue("impact");
          return true;
        });
    browser.waitFor(By.id("preset-impact-account"));
    assertThat(shown(By.id("url"))).as("the preset writes the request").isFalse();
    assertThat(shown(By.id("type"))).isFalse();
    assertThat(browser.attribute(By.id("preset-impact-token"), "type")).isEqualTo("password");
    assertThat(browser.attribute(By.id("preset-impact-base-url"), "placeholder"))
        .isEqualTo("https://api.impact.com");
    assertThat(browser.text(By.cssSelector("label[for='preset-impact-account']")))
        .contains("(required)");
    assertThat(browser.texts(By.cssSelector("#preset-impact-role option")))
        .contains("Default: Mediapartners", "Advertisers");
    browser.assertAccessible();

    browser.type(By.id("name"), NAME);
    browser.type(By.id("preset-impact-account"), ImpactFake.SID);
    browser.type(By.id("preset-impact-token"), TOKEN);
    browser.type(By.id("preset-impact-base-url"), simulated.baseUrl("impact"));

    browser.click(By.id("test-now"));
    String result = browser.waitForText(By.id("test-result"), "Conditions", STATE_ON_SCREEN);
    assertThat(browser.text(By.id("test-status"))).isEqualTo("200");
    assertThat(result).contains("Passed", "has([BODY].Actions) == true").doesNotContain("✗");
    assertThat(browser.property(By.id("test-result"), "innerHTML")).doesNotContain(TOKEN);
    browser.assertAccessible();
    browser.screenshot("tested");

    browser.clickAndWaitForPage(By.id("save"));
    assertThat(browser.path()).isEqualTo("/monitors/" + NAME);
    assertThat(browser.text(By.id("platform"))).contains("Impact.com", "actions");
    assertThat(page()).doesNotContain(TOKEN);
    browser.assertAccessible();
    browser.click(By.id("check-now"));
    browser.waitForText(By.id("check-result"), "PASSED", STATE_ON_SCREEN);

    browser.open("/");
    browser.waitFor(
        By.cssSelector("tr[data-monitor='" + NAME + "'][data-state='UP']"), STATE_ON_SCREEN);
    browser.screenshot("up");

    browser.open("/monitors/" + NAME + "/edit");
    assertThat(browser.property(By.id("preset"), "value")).isEqualTo("impact");
    assertThat(shown(By.id("preset-impact-account"))).isTrue();
    assertThat(shown(By.id("url"))).isFalse();
    assertThat(browser.property(By.id("preset-impact-account"), "value")).isEqualTo(ImpactFake.SID);
    assertThat(browser.property(By.id("preset-impact-token"), "value")).isEqualTo("***");
    assertThat(page()).doesNotContain(TOKEN);
    browser.assertAccessible();

    // Saved with the token still ***: the stored one is kept, and the monitor still works.
    browser.click(By.id("test-now"));
    String again = browser.waitForText(By.id("test-result"), "Conditions", STATE_ON_SCREEN);
    assertThat(again).contains("Passed");
    browser.clickAndWaitForPage(By.id("save"));
    assertThat(browser.path()).isEqualTo("/monitors/" + NAME);
    assertThat(page()).doesNotContain(TOKEN);
  }
}
