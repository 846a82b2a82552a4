package dev.tickr.testing;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NotFoundException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for browser tests: a JUnit extension that starts Debian's {@code chromium}
 * through the system {@code chromedriver} on first use, saves a screenshot after every test, runs
 * axe-core's accessibility rules on demand and always quits the browser.
 *
 * <pre>{@code
 * @ResourceLock(HeadlessBrowser.ONE_AT_A_TIME)
 * @Timeout(120) // JUnit's default is 60 s a test; a browser test waits several times
 * class SomethingBrowserTest {
 *   @RegisterExtension static final HeadlessBrowser browser = HeadlessBrowser.chromium();
 *
 *   @Test
 *   void something_a_user_sees() {
 *     browser.baseUrl("http://127.0.0.1:" + port);
 *     browser.open("/login");
 *     browser.type(By.id("username"), "admin");
 *     browser.clickAndWaitForPage(By.cssSelector("button[type=submit]"));
 *     browser.waitFor(By.cssSelector("tr[data-monitor='api'][data-state='UP']"));
 *     assertThat(browser.text(By.cssSelector("tr[data-monitor='api']"))).contains("UP");
 *     browser.assertAccessible();      // no serious or critical WCAG 2 A/AA violation
 *     browser.screenshot("logged-in"); // target/browser-screenshots/<Class>-<test>-logged-in.png
 *   }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Register it on a {@code static} field: one browser for the class, quit after the class. On
 *       an instance field it is quit after each test instead.
 *   <li>{@link #withoutJavaScript()} gives a browser whose pages run no script, for pages that must
 *       work without it: DevTools' {@code Emulation.setScriptExecutionDisabled}, kept over
 *       navigations ({@code <noscript>} shows). Not Chrome's content-setting preference ({@code
 *       profile.managed_default_content_settings.javascript = 2}): that one also stops the timers
 *       axe-core's asynchronous run needs, so axe times out, and nothing lifts it for a moment.
 *       {@link #assertAccessible()} lifts the emulation for axe alone, on the page as it was
 *       rendered without script; {@link #script} works all along (it runs through the driver).
 *   <li>Every wait is bounded ({@link #waitFor}, {@link #waitUntil}; {@link #DEFAULT_WAIT} unless
 *       {@link #waitingUpTo} says otherwise); so are page loads, scripts and every call to the
 *       driver. Nothing here sleeps.
 *   <li>No element is handed out to be kept: pages change under the test (the overview swaps its
 *       rows every 5 s, buttons reload the page), and an element found in one call to the driver
 *       may be gone at the next. {@link #text}, {@link #attribute}, {@link #read}, {@link #click}
 *       and {@link #type} find and use the element in one look, and look again (bounded) when the
 *       page changed in between; so does every wait ({@link #pageChanged}).
 *   <li>Clicks that load a page wait for it: {@link #clickAndWaitForPage} for links and forms,
 *       {@link #clickAndWaitForReload} for buttons that reload the page when their API call is
 *       done, {@link #waitForPageAfter} for anything else; they wait until the old document is gone
 *       and the new one has loaded, not for time.
 *   <li>After each test, pass or fail, the page is saved as {@code
 *       target/browser-screenshots/<TestClass>-<test>.png}; a failed test also leaves the page's
 *       HTML beside it ({@code .html}). {@link #screenshot(String)} saves more along the way.
 *   <li>{@link #darkMode(boolean)} switches {@code prefers-color-scheme}, so that axe checks the
 *       contrast of both colour schemes.
 *   <li>{@link #markPage()} and {@link #samePage(String)} prove that something changed on screen
 *       without a reload (live updates).
 *   <li>Without Chromium (see {@link #CHROMIUM}, {@link #CHROMEDRIVER}) the tests are skipped with
 *       a message saying how to install it, except on CI ({@code CI=true}), where they fail.
 *   <li>Browser test classes take the {@link #ONE_AT_A_TIME} lock, so that only one Chromium runs
 *       at a time while other test classes go on in parallel.
 * </ul>
 */
public final class HeadlessBrowser
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  /** The browser, Debian's {@code chromium}; {@code -Dtickr.chromium=PATH} for another. */
  public static final Path CHROMIUM =
      Path.of(System.getProperty("tickr.chromium", "/usr/bin/chromium"));

  /**
   * Its driver, Debian's {@code chromium-driver}; {@code -Dtickr.chromedriver=PATH} for another.
   */
  public static final Path CHROMEDRIVER =
      Path.of(System.getProperty("tickr.chromedriver", "/usr/bin/chromedriver"));

  /** The {@code @ResourceLock} of browser test classes: one Chromium at a time on two cores. */
  public static final String ONE_AT_A_TIME = "tickr.chromium";

  /** Where screenshots (and the driver's log) go: a build artefact. */
  public static final Path SCREENSHOTS =
      Path.of(System.getProperty("basedir", "."), "target", "browser-screenshots");

  /** How long {@link #waitFor} and {@link #waitUntil} wait by default. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(15);

  /** Page loads, scripts (axe) and each call to the driver give up after this. */
  static final Duration PAGE_LOAD = Duration.ofSeconds(20);

  static final Duration DRIVER_CALL = Duration.ofSeconds(45);

  /** How often a wait looks again. */
  static final Duration POLL = Duration.ofMillis(100);

  /** The window: wide enough for the overview's table. */
  public static final int WIDTH = 1280;

  public static final int HEIGHT = 900;

  /** axe-core's tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
  static final List<String> WCAG_A_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  /** The impacts that fail a test; "moderate" and "minor" ones are only printed. */
  static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

  private final boolean javaScript;
  private final Duration wait;
  private @Nullable ChromeDriverService service;
  private @Nullable ChromeDriver driver;
  private @Nullable Thread quitOnExit;
  private @Nullable String baseUrl;
  private String className = "HeadlessBrowser";
  private String testName = "HeadlessBrowser";
  private boolean perClass;

  private HeadlessBrowser(boolean javaScript, Duration wait, @Nullable String baseUrl) {
    this.javaScript = javaScript;
    this.wait = wait;
    this.baseUrl = baseUrl;
  }

  /** Headless Chromium with JavaScript on; started on first use. */
  public static HeadlessBrowser chromium() {
    return new HeadlessBrowser(true, DEFAULT_WAIT, null);
  }

  /** The same browser, but pages run no script at all. */
  public HeadlessBrowser withoutJavaScript() {
    return new HeadlessBrowser(false, wait, baseUrl);
  }

  /** The same browser with another default bound for {@link #waitFor} and {@link #waitUntil}. */
  public HeadlessBrowser waitingUpTo(Duration timeout) {
    return new HeadlessBrowser(javaScript, timeout, baseUrl);
  }

  /**
   * Skips the calling test (with how to install them) when Chromium or its driver is missing, and
   * fails it instead on CI ({@code CI=true}), where they must be there.
   */
  public static void requireChromium() {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      return;
    }
    String message =
        "browser tests need Chromium and its driver, "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + ": install them with `apt-get install chromium chromium-driver` (.ci/run does)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(message + "; on CI they are required");
    }
    Assumptions.abort(message + "; skipped");
  }

  // --- JUnit callbacks ---

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    className = context.getRequiredTestClass().getSimpleName();
    testName = className;
    requireChromium();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    requireChromium();
    className = context.getRequiredTestClass().getSimpleName();
    testName = className + "-" + context.getRequiredTestMethod().getName();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      if (driver != null) {
        screenshotAs(testName);
        if (context.getExecutionException().isPresent()) {
          savePage(testName);
        }
      }
    } finally {
      if (!perClass) {
        quit();
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    quit();
  }

  // --- the browser ---

  /** The running driver, started on first use. */
  public WebDriver driver() {
    return started();
  }

  private ChromeDriver started() {
    ChromeDriver running = driver;
    if (running != null) {
      return running;
    }
    requireChromium();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox", // root in CI containers
        "--disable-dev-shm-usage",
        "--window-size=" + WIDTH + "," + HEIGHT,
        "--force-device-scale-factor=1",
        "--lang=en-US",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-default-apps",
        "--disable-sync",
        "--disable-domain-reliability",
        "--disable-client-side-phishing-detection",
        "--metrics-recording-only");
    ChromeDriverService.Builder builder =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogLevel(ChromiumDriverLogLevel.WARNING)
            .withTimeout(DRIVER_CALL);
    try {
      Files.createDirectories(SCREENSHOTS);
      builder.withLogFile(SCREENSHOTS.resolve("chromedriver-" + className + ".log").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + SCREENSHOTS, e);
    }
    ChromeDriverService s = builder.build();
    ChromeDriver d;
    try {
      d =
          new ChromeDriver(
              s,
              options,
              ClientConfig.defaultConfig()
                  .connectionTimeout(Duration.ofSeconds(10))
                  .readTimeout(DRIVER_CALL));
    } catch (RuntimeException e) {
      s.stop();
      throw e;
    }
    d.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
    d.manage().timeouts().scriptTimeout(PAGE_LOAD);
    d.manage().timeouts().implicitlyWait(Duration.ZERO);
    if (!javaScript) {
      scripts(d, false);
    }
    Thread hook = new Thread(this::quit, "headless-browser-quit");
    Runtime.getRuntime().addShutdownHook(hook);
    service = s;
    driver = d;
    quitOnExit = hook;
    return d;
  }

  /** Lets the current tab's pages run scripts, or not, from now on (also after navigating). */
  private static void scripts(ChromeDriver d, boolean run) {
    d.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !run));
  }

  /** Quits the browser and stops its driver; safe to call twice. */
  public void quit() {
    ChromeDriver d = driver;
    ChromeDriverService s = service;
    driver = null;
    service = null;
    try {
      if (d != null) {
        d.quit();
      }
    } catch (WebDriverException e) {
      System.err.println("quitting Chromium: " + e.getMessage());
    } finally {
      if (s != null) {
        s.stop(); // kills chromedriver (and so the browser) even when quit() failed
      }
      Thread hook = quitOnExit;
      quitOnExit = null;
      if (hook != null && Thread.currentThread() != hook) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook runs anyway
        }
      }
    }
  }

  // --- pages ---

  /** Where {@link #open} resolves paths, such as {@code http://127.0.0.1:8080}. */
  public HeadlessBrowser baseUrl(String url) {
    baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    return this;
  }

  /** Opens a path (below {@link #baseUrl}) or a whole URL, and waits for the page to load. */
  public void open(String pathOrUrl) {
    String url = pathOrUrl;
    if (pathOrUrl.startsWith("/")) {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl(...) first, or open a whole URL");
      }
      url = baseUrl + pathOrUrl;
    }
    started().get(url);
  }

  /** The current URL's path and query, such as {@code /login?next=/}. */
  public String path() {
    String url = retried("the page's URL", d -> String.valueOf(d.getCurrentUrl()));
    int scheme = url.indexOf("://");
    int slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
    return slash < 0 ? url : url.substring(slash);
  }

  /** The document's title. */
  public String title() {
    return retried("the page's title", d -> String.valueOf(d.getTitle()));
  }

  /**
   * The visible text of the element, read in the same look that finds it: waits (bounded) until it
   * is there, and looks again if the page replaced it in between.
   */
  public String text(By by) {
    return read(by, WebElement::getText);
  }

  /**
   * Waits up to {@code timeout} until the element's visible text contains {@code part}; its text.
   */
  public String waitForText(By by, String part, Duration timeout) {
    return waitUntil(
        timeout,
        "text containing \"" + part + "\" in " + by,
        d -> {
          String text = d.findElement(by).getText();
          return text.contains(part) ? text : null;
        });
  }

  /** The element's attribute as written in the HTML, or null; read as {@link #text} reads. */
  public @Nullable String attribute(By by, String name) {
    return read(by, element -> Optional.ofNullable(element.getDomAttribute(name))).orElse(null);
  }

  /** The element's DOM property (such as an input's {@code value}), or null. */
  public @Nullable String property(By by, String name) {
    return read(by, element -> Optional.ofNullable(element.getDomProperty(name))).orElse(null);
  }

  /** How many elements match now, maybe none. */
  public int count(By by) {
    return retried("counting " + by, d -> d.findElements(by).size());
  }

  /** The visible texts of the elements that match now, in document order. */
  public List<String> texts(By by) {
    return readAll(by, WebElement::getText);
  }

  /**
   * What {@code reader} makes of the element, found and read in one look, which is repeated
   * (bounded) until the element is there and was not replaced or reloaded away in between. The
   * element never leaves the look: a live update or a reload cannot make it stale afterwards.
   */
  public <T> T read(By by, Function<? super WebElement, ? extends T> reader) {
    return retried("reading " + by, d -> reader.apply(d.findElement(by)));
  }

  /** What {@code reader} makes of each element that matches now, as {@link #read} reads one. */
  public <T> List<T> readAll(By by, Function<? super WebElement, ? extends T> reader) {
    return retried("reading all " + by, d -> d.findElements(by).stream().<T>map(reader).toList());
  }

  /**
   * What {@code reader} makes of the element that has the keyboard focus, as {@link #read} reads.
   */
  public <T> T focused(Function<? super WebElement, ? extends T> reader) {
    return retried("reading the focused element", d -> reader.apply(d.switchTo().activeElement()));
  }

  /** Waits (bounded) until the element is there and visible. */
  public void waitFor(By by) {
    waitFor(by, wait);
  }

  /** Waits up to {@code timeout} until the element is there and visible. */
  public void waitFor(By by, Duration timeout) {
    waitUntil(timeout, "visible: " + by, ExpectedConditions.visibilityOfElementLocated(by));
  }

  /**
   * Waits up to {@code timeout} until {@code condition} gives something other than null or false,
   * and returns it; fails with {@code what} and the page's URL otherwise.
   *
   * <p>A look that fails because the page changed under it (see {@link #pageChanged}) counts as
   * "not yet": an element found in one call to the driver and read in the next may have been
   * replaced by a live update, or the whole document by a reload, in between. So that the look
   * after can succeed, find and read in the same look, never outside it.
   */
  public <T> T waitUntil(
      Duration timeout, String what, Function<? super WebDriver, ? extends @Nullable T> condition) {
    ChromeDriver d = started();
    LookingAgain<T> looking = new LookingAgain<>(condition);
    try {
      return new WebDriverWait(d, timeout, POLL).until(looking);
    } catch (TimeoutException e) {
      AssertionError failure =
          new AssertionError(
              "timed out after " + timeout + " waiting for " + what + " on " + where(d), e);
      WebDriverException changed = looking.lastChange;
      if (changed != null) {
        failure.addSuppressed(changed);
      }
      throw failure;
    } catch (ActionFailed e) {
      throw e.failure;
    }
  }

  /** {@code step}'s result, null or false included, once one call ran without the page changing. */
  private <T> T retried(String what, Function<? super WebDriver, ? extends T> step) {
    return waitUntil(wait, what, d -> new Done<T>(step.apply(d))).value();
  }

  private record Done<T>(T value) {}

  /**
   * Chromium's driver's ways of saying the page changed under a call: besides a stale element
   * ({@link StaleElementReferenceException}) and one no longer there ({@link NotFoundException}),
   * messages from a document being replaced or a frame or script context being torn down.
   */
  static final List<String> PAGE_CHANGING =
      List.of(
          "does not belong to the document",
          "detached",
          "no such execution context",
          "Execution context was destroyed",
          "Cannot find context with specified id");

  /** Whether {@code e} says that the page changed under the call, so that looking again may do. */
  static boolean pageChanged(WebDriverException e) {
    if (e instanceof StaleElementReferenceException || e instanceof NotFoundException) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message =
          t instanceof WebDriverException w ? w.getRawMessage() : String.valueOf(t.getMessage());
      if (message != null && PAGE_CHANGING.stream().anyMatch(message::contains)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether an action (a click, keys) failed before it reached the page, so that it may be tried
   * again on the element found anew: the element was stale, or something else covered it.
   */
  private static boolean notDelivered(WebDriverException e) {
    return e instanceof StaleElementReferenceException
        || e instanceof ElementNotInteractableException
        || String.valueOf(e.getRawMessage()).contains("does not belong to the document");
  }

  /** A condition that answers "not yet" when the page changed under it, and remembers why. */
  private static final class LookingAgain<T> implements Function<WebDriver, @Nullable T> {
    private final Function<? super WebDriver, ? extends @Nullable T> condition;
    @Nullable WebDriverException lastChange;

    LookingAgain(Function<? super WebDriver, ? extends @Nullable T> condition) {
      this.condition = condition;
    }

    @Override
    public @Nullable T apply(WebDriver d) {
      try {
        return condition.apply(d);
      } catch (WebDriverException e) {
        if (!(e instanceof NotDelivered) && !pageChanged(e)) {
          throw e;
        }
        lastChange = e;
        return null;
      }
    }
  }

  /** An action that did not reach the page, to be tried again on the element found anew. */
  private static final class NotDelivered extends WebDriverException {
    private static final long serialVersionUID = 1L;

    NotDelivered(WebDriverException cause) {
      super("not delivered: " + cause.getRawMessage(), cause);
    }
  }

  /** An action's failure after it may have reached the page: not to be tried again. */
  private static final class ActionFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final WebDriverException failure;

    ActionFailed(WebDriverException failure) {
      super(failure);
      this.failure = failure;
    }
  }

  private static String where(WebDriver d) {
    try {
      return String.valueOf(d.getCurrentUrl());
    } catch (WebDriverException e) {
      return "a page changing (" + e.getRawMessage() + ")";
    }
  }

  /** Clears the field and types into it, once it is there and visible. */
  public void type(By field, CharSequence... keys) {
    act(
        "typing into " + field,
        field,
        input -> {
          input.clear();
          input.sendKeys(keys);
        });
  }

  /** Clicks the element once it is there, visible and enabled. */
  public void click(By by) {
    act("clicking " + by, by, WebElement::click);
  }

  /** Sends keys to whatever has the keyboard focus (the page, if nothing does). */
  public void press(CharSequence... keys) {
    new Actions(started()).sendKeys(keys).perform();
  }

  /**
   * Finds the element, and once it is visible and enabled does {@code action} to it, all in one
   * look; looks again if the element went stale or was covered before the action reached it, but
   * never repeats an action that may have reached the page.
   */
  private void act(String what, By by, Consumer<WebElement> action) {
    waitUntil(
        wait,
        what,
        d -> {
          WebElement element = d.findElement(by);
          if (!element.isDisplayed() || !element.isEnabled()) {
            return null;
          }
          try {
            action.accept(element);
            return true;
          } catch (WebDriverException e) {
            if (notDelivered(e)) {
              throw new NotDelivered(e); // "not yet", remembered for the message if time runs out
            }
            throw new ActionFailed(e);
          }
        });
  }

  /**
   * Does {@code action}, which loads another document (a link, a form, a script's {@code
   * location.reload()}), and waits (bounded) until that document has replaced the one shown and
   * finished loading: by a mark on the old page's {@code window}, which a new document does not
   * have, not by time.
   */
  public void waitForPageAfter(String what, Runnable action) {
    String mark = UUID.randomUUID().toString();
    mark(PAGE_MARK, mark);
    action.run();
    waitUntil(
        wait,
        what,
        d ->
            "complete"
                .equals(
                    js(d)
                        .executeScript(
                            "return "
                                + PAGE_MARK
                                + " === arguments[0] ? 'the old page' : document.readyState;",
                            mark)));
  }

  private static final String PAGE_MARK = "window.__tickrPageMark";

  /** Sets {@code variable} (on {@code window}) to {@code mark} in the page shown. */
  private void mark(String variable, String mark) {
    retried(
        "marking the page",
        d -> {
          js(d).executeScript(variable + " = arguments[0];", mark);
          return true;
        });
  }

  private static JavascriptExecutor js(WebDriver d) {
    return (JavascriptExecutor) d;
  }

  /** Clicks something that loads another page (a form's submit button, a link) and waits for it. */
  public void clickAndWaitForPage(By by) {
    waitForPageAfter("the next page after clicking " + by, () -> click(by));
  }

  /**
   * Clicks a button that reloads the page once its work is done, such as the dashboard's {@code
   * data-reload} buttons (the page reloads 400 ms after the API answered), and waits until the
   * reloaded page has loaded; fails if the click led elsewhere.
   */
  public void clickAndWaitForReload(By by) {
    String before = path();
    waitForPageAfter(
        "the page to reload after clicking " + by + " (the click's API call may have failed)",
        () -> click(by));
    String after = path();
    if (!after.equals(before)) {
      throw new AssertionError(
          "clicking " + by + " on " + before + " led to " + after + ", not a reload");
    }
  }

  /**
   * Shows pages as a system in dark mode would ({@code prefers-color-scheme: dark}), or light (the
   * default), from now on; the page shown restyles at once. For axe's contrast checks in both.
   */
  public void darkMode(boolean dark) {
    started()
        .executeCdpCommand(
            "Emulation.setEmulatedMedia",
            Map.of(
                "features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
  }

  /** Runs a script in the page (through the driver, so also when pages run no script). */
  public @Nullable Object script(String javaScript, Object... args) {
    return started().executeScript(javaScript, args);
  }

  /**
   * Marks the page now shown with a random value on {@code window}; {@link #samePage} later tells
   * whether it is still the same document, that is, whether nothing reloaded it.
   */
  public String markPage() {
    String mark = UUID.randomUUID().toString();
    mark("window.__tickrMark", mark);
    return mark;
  }

  /** Whether the page is still the one {@link #markPage()} marked (no reload, no navigation). */
  public boolean samePage(String mark) {
    return retried(
        "the page's mark",
        d -> mark.equals(js(d).executeScript("return window.__tickrMark || null;")));
  }

  // --- artefacts ---

  /** Saves the window as {@code target/browser-screenshots/<TestClass>-<test>-<label>.png}. */
  public Path screenshot(String label) {
    return screenshotAs(testName + "-" + label);
  }

  private Path screenshotAs(String name) {
    Path file = SCREENSHOTS.resolve(safe(name) + ".png");
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(file, started().getScreenshotAs(OutputType.BYTES));
    } catch (IOException | WebDriverException e) {
      System.err.println("no screenshot " + file + ": " + e.getMessage());
    }
    return file;
  }

  private void savePage(String name) {
    Path file = SCREENSHOTS.resolve(safe(name) + ".html");
    try {
      Files.writeString(file, String.valueOf(started().getPageSource()), StandardCharsets.UTF_8);
    } catch (IOException | WebDriverException e) {
      System.err.println("no page source " + file + ": " + e.getMessage());
    }
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  // --- accessibility ---

  /**
   * Runs axe-core's WCAG 2 A and AA rules on the page shown and fails, listing them, on any serious
   * or critical violation; prints the lesser ones. Returns axe's results for more checks.
   */
  public Results assertAccessible() {
    AxeBuilder axe = new AxeBuilder().withTags(WCAG_A_AA).setTimeout((int) PAGE_LOAD.toSeconds());
    ChromeDriver d = started();
    Results results;
    if (javaScript) {
      results = axe.analyze(d);
    } else {
      scripts(d, true); // the page's own scripts stay unrun: they were skipped when it loaded
      try {
        results = axe.analyze(d);
      } finally {
        scripts(d, false);
      }
    }
    if (results.isErrored()) {
      throw new AssertionError("axe-core failed on " + path() + ": " + results.getErrorMessage());
    }
    StringBuilder failing = new StringBuilder();
    StringBuilder lesser = new StringBuilder();
    for (Rule rule : results.getViolations()) {
      String impact = String.valueOf(rule.getImpact()).toLowerCase(Locale.ROOT);
      describe(FAILING_IMPACTS.contains(impact) ? failing : lesser, rule, impact);
    }
    if (!lesser.isEmpty()) {
      System.out.println("axe-core, not failing, on " + path() + ":" + lesser);
    }
    if (!failing.isEmpty()) {
      screenshot("axe");
      throw new AssertionError(
          "accessibility violations (axe-core, WCAG 2 A/AA) on " + path() + ":" + failing);
    }
    return results;
  }

  private static void describe(StringBuilder out, Rule rule, String impact) {
    out.append("\n- ")
        .append(rule.getId())
        .append(" [")
        .append(impact)
        .append("]: ")
        .append(rule.getHelp())
        .append(" (")
        .append(rule.getHelpUrl())
        .append(')');
    List<CheckedNode> nodes = rule.getNodes();
    for (int i = 0; i < nodes.size() && i < 5; i++) {
      CheckedNode node = nodes.get(i);
      out.append("\n    at ")
          .append(node.getTarget())
          .append(": ")
          .append(node.getHtml())
          .append("\n       ")
          .append(String.valueOf(node.getFailureSummary()).replace("\n", "\n       "));
    }
    if (nodes.size() > 5) {
      out.append("\n    and ").append(nodes.size() - 5).append(" more");
    }
  }
}
