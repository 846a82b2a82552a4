package dev.tickr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.HeadlessBrowser;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Logging in and out of a real daemon's dashboard in headless Chromium. */
@ResourceLock(HeadlessBrowser.ONE_AT_A_TIME)
@Timeout(120) // each wait is bounded; this bounds them together on a slow, shared machine
class LoginBrowserTest {
  @RegisterExtension static final HeadlessBrowser browser = HeadlessBrowser.chromium();

  @TempDir static Path dir;
  private static RunningTickr tickr;

  @BeforeAll
  static void start() throws Exception {
    tickr = RunningTickr.start(dir, "monitors: []\n");
    browser.baseUrl(tickr.url());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    RunningTickr.stop(tickr); // null when the class was skipped before starting it
  }

  @Test
  void a_wrong_password_is_refused_the_right_one_opens_the_overview_and_log_out_ends_it() {
    browser.open("/");
    assertThat(browser.path()).isEqualTo("/login");
    assertThat(browser.text(By.tagName("h1"))).isEqualTo("Tickr");
    browser.assertAccessible();

    browser.type(By.id("username"), RunningTickr.ADMIN);
    browser.type(By.id("password"), "not-the-password");
    browser.clickAndWaitForPage(By.cssSelector("button[type=submit]"));
    assertThat(browser.path()).isEqualTo("/login");
    browser.waitFor(By.cssSelector("[role=alert]"));
    assertThat(browser.text(By.cssSelector("[role=alert]")))
        .isEqualTo("Wrong user name or password.");
    assertThat(browser.property(By.id("username"), "value")).isEqualTo(RunningTickr.ADMIN);
    assertThat(browser.property(By.id("password"), "value")).isEmpty();
    browser.assertAccessible();
    browser.screenshot("refused");
    browser.darkMode(true);
    browser.assertAccessible();
    browser.screenshot("refused-dark");
    browser.darkMode(false);

    browser.waitForPageAfter(
        "the overview after Enter in the password field",
        () -> browser.type(By.id("password"), RunningTickr.PASSWORD, Keys.ENTER));
    assertThat(browser.path()).isEqualTo("/");
    assertThat(browser.text(By.tagName("h1"))).isEqualTo("Monitors");
    assertThat(browser.text(By.cssSelector("header .account"))).contains(RunningTickr.ADMIN);
    assertThat(browser.text(By.id("rows"))).contains("No monitors yet");
    assertThat(browser.title()).isEqualTo("Overview · Tickr");
    browser.screenshot("overview");

    // The keyboard's first stop is the skip link, shown when focused; it leads to the content.
    browser.press(Keys.TAB);
    String focused = browser.focused(WebElement::getText);
    int left = browser.focused(skip -> skip.getLocation().getX());
    assertThat(focused).isEqualTo("Skip to content");
    assertThat(left).as("visible when focused").isNotNegative();
    browser.press(Keys.ENTER);
    focused = browser.focused(main -> String.valueOf(main.getDomAttribute("id")));
    assertThat(focused).isEqualTo("main");

    browser.clickAndWaitForPage(By.xpath("//header//button[normalize-space()='Log out']"));
    assertThat(browser.path()).isEqualTo("/login");
    assertThat(browser.count(By.cssSelector("[role=alert]"))).isZero();
    browser.open("/");
    assertThat(browser.path()).as("the session is gone").startsWith("/login");
  }
}
