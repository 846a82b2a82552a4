package dev.tickr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.testing.Browser;
import dev.tickr.testing.HeadlessBrowser;
import dev.tickr.testing.TestHttpServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

/**
 * A public status page of a real daemon in headless Chromium with JavaScript off, as a visitor
 * without script sees it: the overall banner, each monitor's state and its 90 daily bars.
 */
@ResourceLock(HeadlessBrowser.ONE_AT_A_TIME)
@Timeout(120) // each wait is bounded; this bounds them together on a slow, shared machine
class StatusPageBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final HeadlessBrowser browser = HeadlessBrowser.chromium().withoutJavaScript();

  @TempDir static Path dir;
  private static final TestHttpServer target =
      TestHttpServer.plain().text("/fine", 200, "ok").text("/broken", 500, "error");
  private static RunningTickr tickr;

  @BeforeAll
  static void start() throws Exception {
    tickr =
        RunningTickr.start(
            dir,
            """
            defaults: {interval: 2s, timeout: 2s}
            monitors:
              - {name: tracking, url: "%s"}
              - {name: payout-reports, url: "%s", failure-threshold: 1}
            status-pages:
              - slug: partners
                title: Partner status
                monitors: [tracking, payout-reports]
                groups:
                  - {name: Tracking, monitors: [tracking]}
                  - {name: Reports, monitors: [payout-reports]}
            """
                .formatted(target.url("/fine"), target.url("/broken")));
    browser.baseUrl(tickr.url());
    // The page is rendered at most every 10 s: ask for it only once both states are known.
    try (Browser http = new Browser(tickr.port())) {
      assertThat(http.login(RunningTickr.ADMIN, RunningTickr.PASSWORD).statusCode()).isEqualTo(303);
      RunningTickr.eventually(
          Duration.ofSeconds(20),
          () -> states(http).equals(List.of("DOWN", "UP")),
          "tracking UP and payout-reports DOWN");
    }
  }

  /** The states of payout-reports and tracking, through the API (logged in). */
  private static List<String> states(Browser http) {
    try {
      JsonNode monitors = JSON.readTree(http.get("/api/v1/monitors").body()).path("monitors");
      return List.of(state(monitors, "payout-reports"), state(monitors, "tracking"));
    } catch (IOException | InterruptedException e) {
      return List.of();
    }
  }

  private static String state(JsonNode monitors, String name) {
    for (JsonNode m : monitors) {
      if (m.path("name").asText().equals(name)) {
        return m.path("state").asText();
      }
    }
    return "";
  }

  @AfterAll
  static void stop() throws InterruptedException {
    try {
      RunningTickr.stop(tickr); // null when the class was skipped before starting it
    } finally {
      target.close();
    }
  }

  /** One day bar as shown: its label, how many days it has, and today's (the last) day. */
  private record Bar(
      @Nullable String label, int days, int todayHeight, @Nullable String todayClass) {
    static Bar of(WebElement bar) {
      List<WebElement> days = bar.findElements(By.tagName("span"));
      if (days.isEmpty()) {
        return new Bar(bar.getDomAttribute("aria-label"), 0, 0, null);
      }
      WebElement today = days.getLast();
      return new Bar(
          bar.getDomAttribute("aria-label"),
          days.size(),
          today.getSize().getHeight(),
          today.getDomAttribute("class"));
    }
  }

  @Test
  void without_javascript_the_page_shows_the_banner_the_states_and_ninety_days_of_bars() {
    browser.open("/status/partners");
    assertThat(browser.script("return document.scripts.length")).isEqualTo(0L);
    assertThat(browser.text(By.tagName("h1"))).isEqualTo("Partner status");
    assertThat(browser.text(By.cssSelector(".banner"))).isEqualTo("Some systems are down");
    assertThat(browser.attribute(By.cssSelector(".banner"), "class")).contains("outage");

    assertThat(browser.text(By.xpath("//tr[th[normalize-space()='tracking']]/td[1]")))
        .isEqualTo("Operational");
    assertThat(browser.text(By.xpath("//tr[th[normalize-space()='payout-reports']]/td[1]")))
        .isEqualTo("Down");
    assertThat(browser.texts(By.tagName("h2")))
        .containsSubsequence("Tracking", "Reports", "Incidents");

    List<Bar> bars = browser.readAll(By.cssSelector(".bar"), Bar::of);
    assertThat(bars).hasSize(2);
    for (Bar bar : bars) {
      assertThat(bar.days()).as(bar.label()).isEqualTo(90);
      assertThat(bar.todayHeight()).as("today's bar is drawn").isPositive();
    }
    assertThat(bars.get(0).label())
        .startsWith("Daily uptime of tracking over the last 90 days: ")
        .endsWith("with data, all at 99.9 % or more");
    assertThat(bars.get(1).label())
        .startsWith("Daily uptime of payout-reports over the last 90 days: ")
        .contains("below 99.9 %: ")
        .endsWith(" 0.00 %");
    assertThat(bars.get(0).todayClass()).isEqualTo("good");
    assertThat(bars.get(1).todayClass()).isEqualTo("poor");
    assertThat(browser.text(By.tagName("main"))).contains("payout-reports: ongoing");

    browser.assertAccessible();
    browser.darkMode(true);
    browser.assertAccessible();
    browser.screenshot("dark");
    browser.darkMode(false);

    browser.open("/status");
    browser.clickAndWaitForPage(By.linkText("Partner status"));
    assertThat(browser.path()).isEqualTo("/status/partners");
    browser.open("/status");
    browser.assertAccessible();
  }
}
