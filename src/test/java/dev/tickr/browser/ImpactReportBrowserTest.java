package dev.tickr.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.testing.Browser;
import dev.tickr.testing.HeadlessBrowser;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;

/**
 * An outage of a revenue-relevant pixel, from the recovery alert to the claim: the daemon watches a
 * loopback pixel that carries 36,000 conversions an hour at EUR 2.00; the pixel fails and comes
 * back; the recovery alert says what was put at risk, the API and the CSV give the same window with
 * the numbers computed here by hand from its start and end, and the dashboard's report page and the
 * monitor's incident show them, in headless Chromium.
 */
@ResourceLock(HeadlessBrowser.ONE_AT_A_TIME)
class ImpactReportBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double PER_SECOND = 10.0;
  private static final double PAYOUT = 2.0;

  @RegisterExtension static final HeadlessBrowser browser = HeadlessBrowser.chromium();

  @TempDir static Path dir;
  private static final AtomicInteger pixelStatus = new AtomicInteger(200);
  private static final TestHttpServer target = TestHttpServer.plain();
  private static final TestHttpServer receiver = TestHttpServer.plain();
  private static @Nullable RunningTickr tickr;

  @BeforeAll
  static void start() throws Exception {
    target.route("/pixel", r -> Reply.status(pixelStatus.get()).text("gif"));
    receiver.text("/hook", 200, "ok");
    tickr =
        RunningTickr.start(
            dir,
            """
            monitors:
              - name: pixel
                url: %s
                interval: 1s
                failure-threshold: 1
                alerts: [hook]
                revenue: {conversions-per-hour: 36000, payout: 2, currency: EUR, claim-within: 60d}
            channels:
              - name: hook
                type: webhook
                url: %s
            """
                .formatted(target.url("/pixel"), receiver.url("/hook")));
    browser.baseUrl(tickr.url());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    try {
      RunningTickr.stop(tickr);
    } finally {
      target.close();
      receiver.close();
    }
  }

  /** A read with the API token, which must answer 200. */
  private static String get(String path, String token) throws Exception {
    try (Browser http = new Browser(Objects.requireNonNull(tickr).port())) {
      HttpResponse<String> r = http.get(path, "Authorization", "Bearer " + token);
      assertThat(r.statusCode()).as("%s: %s", path, r.body()).isEqualTo(200);
      return r.body();
    }
  }

  private static List<JsonNode> alerts(String event) {
    return receiver.requests().stream()
        .map(RecordedRequest::body)
        .map(ImpactReportBrowserTest::tree)
        .filter(n -> n.path("event").asText().equals(event))
        .toList();
  }

  private static JsonNode tree(String body) {
    try {
      return JSON.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(body, e);
    }
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void an_outage_of_a_revenue_monitor_is_estimated_in_the_alert_the_api_the_csv_and_the_page()
      throws Exception {
    RunningTickr running = Objects.requireNonNull(tickr);
    String token = running.token("reader", "viewer");
    String api = "/api/v1/monitors/pixel";
    RunningTickr.eventually(
        WAIT, () -> state(api, token).equals("UP"), "the pixel UP before the outage");

    pixelStatus.set(503);
    RunningTickr.eventually(WAIT, () -> !alerts("down").isEmpty(), "the down alert");
    pixelStatus.set(200);
    RunningTickr.eventually(WAIT, () -> !alerts("up").isEmpty(), "the recovery alert");

    JsonNode incident = alerts("up").get(0).path("incident");
    Instant start = Instant.parse(incident.path("started_at").asText());
    Instant end = Instant.parse(incident.path("ended_at").asText());
    double seconds = Duration.between(start, end).toMillis() / 1000.0;
    double conversions = seconds * PER_SECOND;
    String amount = String.format(Locale.ROOT, "%.2f", conversions * PAYOUT);
    java.util.regex.Matcher said =
        java.util.regex.Pattern.compile(
                "^estimated commission at risk: ([0-9.]+) EUR, ([0-9.]+) expected conversions$")
            .matcher(incident.path("impact").asText());
    assertThat(incident.path("detail").asText())
        .isEqualTo("condition failed: [STATUS] < 400 (actual 503)");
    assertThat(said.find()).as("the recovery's detail: %s", incident).isTrue();
    assertThat(said.group(1)).isEqualTo(amount);
    assertThat(Double.parseDouble(said.group(2)))
        .isCloseTo(conversions, org.assertj.core.data.Offset.offset(0.051));

    JsonNode report = JSON.readTree(get("/api/v1/reports/impact?since=1h", token));
    assertThat(report.path("windows")).hasSize(1);
    JsonNode w = report.path("windows").get(0);
    assertThat(w.path("monitor").asText()).isEqualTo("pixel");
    assertThat(Instant.parse(w.path("start").asText())).isEqualTo(start);
    assertThat(Instant.parse(w.path("end").asText())).isEqualTo(end);
    assertThat(w.path("ongoing").asBoolean()).isFalse();
    assertThat(w.path("reasons").get(0).asText()).isEqualTo("http-status");
    assertThat(w.path("estimate").path("conversions").asDouble())
        .isCloseTo(conversions, org.assertj.core.data.Offset.offset(0.051));
    assertThat(w.path("estimate").path("amount").asText()).isEqualTo(amount);
    assertThat(w.path("claim").path("within_days").asInt()).isEqualTo(60);
    assertThat(w.path("claim").path("warn").asBoolean()).isFalse();

    List<String> csv = get("/api/v1/reports/impact?since=1h&format=csv", token).lines().toList();
    assertThat(csv).hasSize(2);
    List<String> header = Arrays.asList(csv.get(0).split(",", -1));
    List<String> row = Arrays.asList(csv.get(1).split(",", -1));
    assertThat(row.get(header.indexOf("monitor"))).isEqualTo("pixel");
    assertThat(row.get(header.indexOf("window_start_utc")))
        .isEqualTo(
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(java.time.ZoneOffset.UTC)
                .format(start));
    assertThat(row.get(header.indexOf("expected_amount"))).isEqualTo(amount);
    assertThat(row.get(header.indexOf("currency"))).isEqualTo("EUR");

    running.logIn(browser);
    browser.open("/reports/impact");
    String table = browser.text(By.cssSelector("main table"));
    assertThat(table).contains("pixel #" + incident.path("id").asLong(), amount + " EUR");
    assertThat(browser.attribute(By.linkText("CSV for a claim"), "href"))
        .contains("/api/v1/reports/impact?format=csv");
    browser.assertAccessible();
    browser.screenshot("impact-report");

    browser.click(By.linkText("pixel #" + incident.path("id").asLong()));
    browser.waitFor(By.cssSelector("p.impact"));
    assertThat(browser.text(By.cssSelector("p.impact"))).contains(amount + " EUR");
    browser.assertAccessible();
  }

  private static String state(String api, String token) {
    try {
      return tree(get(api, token)).path("state").asText();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    } catch (Exception e) {
      return "";
    }
  }
}
