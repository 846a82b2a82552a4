package dev.tickr.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;

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

  private static final TestHttpServer pages =
      TestHttpServer.plain()
          .route("/scripted", r -> html(SCRIPTED))
          .route("/inaccessible", r -> html(INACCESSIBLE));

  @RegisterExtension
  static final HeadlessBrowser browser = HeadlessBrowser.chromium().baseUrl(base());

  @RegisterExtension
  static final HeadlessBrowser noScript =
      HeadlessBrowser.chromium().withoutJavaScript().baseUrl(base());

  private static Reply html(String page) {
    return Reply.status(200).header("Content-Type", "text/html; charset=utf-8").body(page);
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
}
