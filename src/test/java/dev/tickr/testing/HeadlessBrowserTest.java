package dev.tickr.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;

/** The browser tests' support: JavaScript on and off, screenshots, axe-core's verdicts. */
@ResourceLock(HeadlessBrowser.ONE_AT_A_TIME)
@Timeout(120) // each wait is bounded; this bounds them together on a slow, shared machine
class HeadlessBrowserTest {
  private static final String SCRIPTED =
      """
      <!doctype html><html lang="en"><head><meta charset="utf-8"><title>before</title>
      <script>document.title = "after";</script></head>
      <body><main><h1>A page</h1><p id="p">Text.</p></main></body></html>
      """;
  private static final String INACCESSIBLE =
      """
      <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bad</title></head>
      <body><main><h1>Bad</h1><img src="/nothing.png"><input id="nameless"></main></body></html>
      """;

  /**
   * Like the overview's live updates, only without pause: {@code churn(ms)} replaces the paragraph
   * and the button by new ones over and over for {@code ms} milliseconds (a task each, so that the
   * driver's calls run in between), then the paragraph a last time by "settled N" for the Nth
   * burst. Clicks on the button, old or new, are counted on {@code window}.
   */
  private static final String CHURNING =
      """
      <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Churning</title></head>
      <body><main><h1>Churning</h1><p id="churn">settled 0</p><button id="count" type="button">Count</button>
      <script>
      let swaps = 0, bursts = 0, until = 0;
      window.clicks = 0;
      document.addEventListener("click", (e) => { if (e.target.closest("#count")) window.clicks++; });
      function replace(id, tag, text) {
        const next = document.createElement(tag);
        next.id = id;
        next.textContent = text;
        if (tag === "button") next.type = "button";
        document.getElementById(id).replaceWith(next);
      }
      const tasks = new MessageChannel();
      tasks.port1.onmessage = () => {
        if (performance.now() >= until) return replace("churn", "p", "settled " + bursts);
        swaps++;
        replace("churn", "p", "swap " + swaps);
        replace("count", "button", "Count");
        tasks.port2.postMessage(0);
      };
      window.churn = (ms) => {
        bursts++;
        until = performance.now() + ms;
        tasks.port2.postMessage(0);
      };
      </script></main></body></html>
      """;

  /** How long each burst of {@code churn(ms)} replaces the elements. */
  private static final int BURST_MS = 300;

  /** Loads of {@code /reloading} so far; the page reloads itself until its {@value #LOADS}th. */
  private static final AtomicInteger reloads = new AtomicInteger();

  private static final int LOADS = 30;

  /** Loads of {@code /acknowledging} so far. */
  private static final AtomicInteger acknowledgingLoads = new AtomicInteger();

  private static final TestHttpServer pages =
      TestHttpServer.plain()
          .route("/scripted", r -> html(SCRIPTED))
          .route("/inaccessible", r -> html(INACCESSIBLE))
          .route("/churning", r -> html(CHURNING))
          .route("/reloading", r -> html(reloading(reloads.incrementAndGet())))
          .route("/acknowledging", r -> html(acknowledging(acknowledgingLoads.incrementAndGet())))
          .route("/answer", r -> Reply.status(204).after(Duration.ofSeconds(1)))
          .route(
              "/slow.js",
              r ->
                  Reply.status(200)
                      .header("Content-Type", "text/javascript")
                      .body("document.body.dataset.slow = 'loaded';")
                      .after(Duration.ofSeconds(1)));

  @RegisterExtension
  static final HeadlessBrowser browser = HeadlessBrowser.chromium().baseUrl(base());

  @RegisterExtension
  static final HeadlessBrowser noScript =
      HeadlessBrowser.chromium().withoutJavaScript().baseUrl(base());

  private static Reply html(String page) {
    return Reply.status(200).header("Content-Type", "text/html; charset=utf-8").body(page);
  }

  /** The {@code n}th load of a page that reloads itself 50 ms after loading, up to its last. */
  private static String reloading(int n) {
    return """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Reloading</title></head>
        <body><main><h1>Reloading</h1><p id="loads">loads %d</p>%s</main></body></html>
        """
        .formatted(n, n < LOADS ? "<script>setTimeout(() => location.reload(), 50);</script>" : "");
  }

  /**
   * The {@code n}th load of a page with a button that, like the dashboard's {@code data-reload}
   * buttons, calls an API (which answers after a second) and reloads the page 400 ms after the
   * answer; the page's last script comes a second late, so the page is long incomplete.
   */
  private static String acknowledging(int n) {
    return """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acknowledging</title></head>
        <body><main><h1>Acknowledging</h1><p id="loads">loads %d</p>
        <button id="acknowledge" type="button">Acknowledge</button>
        <button id="elsewhere" type="button">Elsewhere</button>
        <script>
        document.getElementById("acknowledge").addEventListener("click", async () => {
          const answer = await fetch("/answer", {method: "POST"});
          if (answer.ok) setTimeout(() => location.reload(), 400);
        });
        document.getElementById("elsewhere").addEventListener("click", () => {
          setTimeout(() => location.assign("/scripted"), 400);
        });
        </script>
        <script src="/slow.js"></script></main></body></html>
        """
        .formatted(n);
  }

  private static String base() {
    return "http://127.0.0.1:" + pages.port();
  }

  @AfterAll
  static void stop() {
    pages.close();
  }

  @Test
  void pages_run_their_scripts_unless_javascript_is_off_while_the_driver_still_can() {
    browser.open("/scripted");
    assertThat(browser.title()).isEqualTo("after");

    noScript.open("/scripted");
    assertThat(noScript.title()).isEqualTo("before");
    assertThat(noScript.text(By.id("p"))).isEqualTo("Text.");
    String mark = noScript.markPage();
    assertThat(noScript.samePage(mark)).isTrue();
    noScript.open("/scripted");
    assertThat(noScript.samePage(mark)).as("a reload loses the mark").isFalse();
    noScript.assertAccessible();
  }

  @Test
  void axe_fails_a_page_with_critical_violations_naming_rule_and_element() {
    browser.open("/inaccessible");
    assertThatThrownBy(browser::assertAccessible)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("/inaccessible")
        .hasMessageContaining("image-alt [critical]")
        .hasMessageContaining("label [critical]")
        .hasMessageContaining("#nameless");
  }

  @Test
  void screenshots_are_saved_as_build_artefacts_named_after_the_test() throws Exception {
    browser.open("/scripted");
    Path shot = browser.screenshot("scripted");
    assertThat(shot)
        .hasFileName(
            "HeadlessBrowserTest-screenshots_are_saved_as_build_artefacts_named_after_the_test"
                + "-scripted.png");
    byte[] png = Files.readAllBytes(shot);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    assertThat(browser.path()).isEqualTo("/scripted");
  }

  @Test
  void waits_look_again_when_a_live_update_replaced_the_element_between_find_and_read() {
    browser.open("/churning");
    for (int i = 1; i <= 20; i++) {
      browser.script("churn(arguments[0])", BURST_MS);
      // Found in one call to the driver and read in the next: during a burst the element is
      // always replaced in between, which the wait must take as "not yet" until the burst is over.
      String settled = "settled " + i;
      String text =
          browser.waitUntil(
              Duration.ofSeconds(15),
              settled,
              d -> {
                String t = d.findElement(By.id("churn")).getText();
                return t.equals(settled) ? t : null;
              });
      assertThat(text).isEqualTo(settled);
    }
  }

  @Test
  void text_holds_no_element_across_a_live_update() {
    browser.open("/churning");
    for (int i = 1; i <= 20; i++) {
      browser.script("churn(arguments[0])", BURST_MS);
      String settled = "settled " + i;
      String text = "";
      for (int reads = 0; !text.equals(settled); reads++) {
        assertThat(reads).as("reads through burst %d", i).isLessThan(10_000);
        text = browser.text(By.id("churn"));
        assertThat(text).matches("swap \\d+|settled \\d+");
      }
    }
  }

  @Test
  void click_holds_no_element_across_a_live_update_and_clicks_once() {
    browser.open("/churning");
    for (int i = 1; i <= 20; i++) {
      browser.script("churn(arguments[0])", BURST_MS);
      browser.click(By.id("count"));
    }
    assertThat(browser.script("return window.clicks")).as("each click counted once").isEqualTo(20L);
  }

  @Test
  void reads_look_again_while_the_page_reloads_itself() {
    browser.open("/reloading");
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    String loads = "";
    for (int reads = 0; !loads.equals("loads " + LOADS); reads++) {
      assertThat(deadline - System.nanoTime())
          .as("the %dth load in time; %d reads, the last: %s", LOADS, reads, loads)
          .isPositive();
      loads = browser.text(By.id("loads"));
      assertThat(loads).startsWith("loads ");
    }
  }

  @Test
  void click_and_wait_for_reload_returns_once_the_reloaded_page_has_loaded() {
    browser.open("/acknowledging");
    assertThat(browser.text(By.id("loads"))).isEqualTo("loads 1");

    browser.clickAndWaitForReload(By.id("acknowledge"));
    assertThat(browser.text(By.id("loads"))).as("the reloaded page").isEqualTo("loads 2");
    assertThat(browser.attribute(By.tagName("body"), "data-slow"))
        .as("its last script ran")
        .isEqualTo("loaded");
    assertThat(pages.requests()).filteredOn(r -> r.path().equals("/answer")).hasSize(1);

    assertThatThrownBy(() -> browser.clickAndWaitForReload(By.id("elsewhere")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("led to /scripted, not a reload");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown error: unhandled inspector error: {"code":-32000,"message":"Node with given id does not belong to the document"} | true
          javascript error: Execution context was destroyed, most likely because of a navigation  | true
          unknown error: no such execution context                                                | true
          no such frame: frame was detached                                                       | true
          javascript error: Cannot find context with specified id                                 | true
          javascript error: Cannot read properties of null (reading 'textContent')                | false
          unknown error: session deleted as the browser has closed the connection                 | false
          """)
  void page_changes_are_told_from_other_failures_of_the_driver(String message, boolean changed) {
    assertThat(HeadlessBrowser.pageChanged(new WebDriverException(message))).isEqualTo(changed);
    assertThat(HeadlessBrowser.pageChanged(new StaleElementReferenceException(message))).isTrue();
  }
}
