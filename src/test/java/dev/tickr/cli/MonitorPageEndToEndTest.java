package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.testing.Browser;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monitor's page on a real daemon, as an admin and a viewer read it over HTTP: header, state
 * going DOWN and back UP live, the chart's series by phase, daily uptime, incidents with evidence
 * and notes, latest results; write buttons for admins only; no secret anywhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorPageEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN_PASSWORD = "monitor-page-admin-pw";
  private static final String API_KEY = "partner-api-key-5e6f7a8b";
  private static final String URL_PASSWORD = "literal-pw-93ab71";
  private static final String API_SECRET = "api-monitor-secret-c0ffee42";
  private static final List<String> SECRETS = List.of(API_KEY, URL_PASSWORD, API_SECRET);

  private final AtomicBoolean failing = new AtomicBoolean(true);
  private TestHttpServer target;
  private RunningDaemon running;
  private Browser admin;
  private Browser viewer;
  private String viewerToken = "";

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    target = TestHttpServer.plain();
    target
        .text("/ok", 200, "fine")
        .route(
            "/flaky",
            r ->
                failing.get()
                    ? Reply.status(500)
                        .header("X-Debug", "key=" + r.header("X-Api-Key"))
                        .text("error for key " + r.header("X-Api-Key") + " <script>x</script>")
                    : Reply.status(200).text("ok"));
    String flaky = "http://reports:" + URL_PASSWORD + "@127.0.0.1:" + target.port() + "/flaky";
    Path config =
        Files.writeString(
            dir.resolve("tickr.yml"),
            """
            defaults: {interval: 2s, timeout: 2s}
            monitors:
              - name: payouts
                url: "%s?api_key=${API_KEY}&campaign=7"
                headers: {X-Api-Key: "${API_KEY}"}
                failure-threshold: 1
                tags: [money, partners]
              - {name: tracking, url: "%s"} # localhost: a DNS lookup too
            """
                .formatted(flaky, target.localhostUrl("/ok")));
    CliRunner cli =
        new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", ADMIN_PASSWORD, "API_KEY", API_KEY));
    Path data = dir.resolve("data");
    running = cli.start(config, data);
    admin = new Browser(running.port());
    viewer = new Browser(running.port());
    assertThat(admin.login("admin", ADMIN_PASSWORD).statusCode()).isEqualTo(303);
    viewerToken = cli.token(data, "wall-screen", "viewer");
    String adminToken = cli.token(data, "ci", "admin");
    HttpResponse<String> created =
        admin.post(
            "/api/v1/monitors",
            "{\"name\":\"api conversions\",\"url\":\""
                + target.url("/ok")
                + "?token=${TOKEN}\",\"interval\":\"2s\",\"headers\":{\"X-Api-Key\":\"${TOKEN}\"},"
                + "\"secrets\":{\"TOKEN\":\""
                + API_SECRET
                + "\"}}",
            "Authorization",
            "Bearer " + adminToken);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (running != null) {
        CliRunner.Run done = running.stop();
        assertThat(done.exitCode()).as(done.err()).isZero();
      }
    } finally {
      if (admin != null) {
        admin.close();
      }
      if (viewer != null) {
        viewer.close();
      }
      if (running != null) {
        running.close();
      }
      target.close();
    }
  }

  @Test
  void an_admin_sees_the_outage_with_its_evidence_acts_on_it_and_sees_recovery_live()
      throws Exception {
    eventually(Duration.ofSeconds(15), () -> live("payouts").contains("\"DOWN\""), "payouts DOWN");
    String html = page(admin, "/monitors/payouts");
    assertThat(html)
        .contains("<h1>payouts</h1>", "state-DOWN", "<dd>http</dd>", "YAML file, line 3")
        .contains("http://***@127.0.0.1:" + target.port() + "/flaky?api_key=***&amp;campaign=7")
        .contains("href=\"/?tag=money\"", "partners", "2s (timeout 2s)")
        .contains("data-api=\"POST /api/v1/monitors/payouts/pause\"", "id=\"check-now\"")
        .doesNotContain("/monitors/payouts/edit", "DELETE /api/v1/monitors/payouts");
    assertThat(html)
        .contains("<section id=\"incidents\"", "<code>http-status</code>", "Evidence")
        .contains("HTTP status: 500", "error for key *** &lt;script&gt;x&lt;/script&gt;")
        .contains("<code>key=***</code>", ">Acknowledge</button>", "class=\"add-note\"")
        .contains("FAILED", "<td class=\"num\">500</td>")
        .contains("/assets/uPlot.min.js", "/assets/uPlot.min.css", "/assets/monitor.js")
        .contains("data-range=\"1h\"", "data-range=\"30d\"", "<noscript>", "id=\"chart-summary\"")
        .doesNotContain("<script>x");
    assertThat(count(html, "<li class=\"cell")).isEqualTo(90);
    assertThat(html)
        .containsPattern("<li class=\"cell (ok|minor|major)\" title=\"\\d{4}-\\d\\d-\\d\\d: ");
    assertThat(html).contains("<th scope=\"row\">Last 90 d</th>");
    Matcher open = Pattern.compile("href=\"#incident-(\\d+)\"").matcher(html);
    assertThat(open.find()).as("the header links the open incident").isTrue();
    String id = open.group(1);
    assertThat(html).contains("<article class=\"card\" id=\"incident-" + id + "\"");

    // What the page's buttons do, with the session and its CSRF token.
    String csrf = Browser.csrfField(html);
    HttpResponse<String> checked =
        admin.post("/api/v1/monitors/payouts/check", "", "X-CSRF-Token", csrf);
    assertThat(checked.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(checked.body()).path("success").asBoolean(true)).isFalse();
    assertThat(checked.body()).doesNotContain(SECRETS);
    HttpResponse<String> ack =
        admin.post("/api/v1/incidents/" + id + "/acknowledge", "", "X-CSRF-Token", csrf);
    assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
    HttpResponse<String> note =
        admin.post(
            "/api/v1/incidents/" + id + "/notes",
            "{\"text\":\"Partner told at 10:05 <b>\",\"public\":true}",
            "X-CSRF-Token",
            csrf);
    assertThat(note.statusCode()).as(note.body()).isEqualTo(201);
    html = page(admin, "/monitors/payouts");
    assertThat(html)
        .contains("by user:admin at <time", "Partner told at 10:05 &lt;b&gt;")
        .contains("public: shown on status pages");
    assertThat(html).doesNotContain(SECRETS);

    failing.set(false);
    eventually(
        Duration.ofSeconds(15),
        () -> live("payouts").contains("state-UP\\\">OK"),
        "payouts UP, with its passing check among the latest results");
    JsonNode live = JSON.readTree(live("payouts"));
    assertThat(live.path("status").asText()).contains("state-UP").contains("none");
    assertThat(live.path("latest").asText()).contains("OK", "FAILED");
    assertThat(page(admin, "/monitors/payouts")).contains("resolved").doesNotContain(SECRETS);
  }

  @Test
  void the_series_has_every_phase_for_an_hour_and_a_month_and_refuses_a_bad_range()
      throws Exception {
    eventually(
        Duration.ofSeconds(15),
        () -> series("tracking", "1h").path("summary").path("checks").asLong() >= 2,
        "tracking checked twice");
    JsonNode hour = series("tracking", "1h");
    assertThat(hour.path("t").size()).isEqualTo(120);
    assertThat(hour.path("step_s").asLong()).isEqualTo(30);
    for (String phase : List.of("total", "dns", "connect", "ttfb")) {
      assertThat(hour.path(phase).size()).as(phase).isEqualTo(120);
      assertThat(nonNull(hour.path(phase))).as(phase).isPositive();
      assertThat(hour.at("/summary/avg_ms/" + phase).isNumber()).as(phase).isTrue();
    }
    assertThat(nonNull(hour.path("tls"))).as("no TLS on http://").isZero();
    assertThat(hour.at("/summary/text").asText()).startsWith("Last 1 h: ").contains("p95");

    JsonNode month = series("tracking", "30d");
    assertThat(month.path("t").size()).isEqualTo(180);
    assertThat(month.path("step_s").asLong()).isEqualTo(4 * 3600);
    for (String phase : List.of("total", "dns", "connect", "ttfb")) {
      assertThat(nonNull(month.path(phase))).as(phase).isPositive();
    }
    assertThat(series("tracking", "7d").path("t").size()).isEqualTo(168);

    eventually(
        Duration.ofSeconds(15),
        () -> series("payouts", "1h").at("/summary/failed").asLong() > 0,
        "a failure of payouts");
    JsonNode failures = series("payouts", "24h");
    long marked = 0;
    for (JsonNode n : failures.path("failed")) {
      marked += n.asLong();
    }
    assertThat(marked).isPositive();
    assertThat(failures.at("/summary/text").asText()).contains("failed (the last between");
    for (String range : List.of("1h", "24h", "7d", "30d")) {
      assertThat(admin.get("/ui/monitors/payouts/series?range=" + range).body())
          .doesNotContain(SECRETS);
    }

    HttpResponse<String> bad = admin.get("/ui/monitors/tracking/series?range=2h");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(bad.body());
    assertThat(problem.at("/errors/0/pointer").asText()).isEqualTo("range");
    assertThat(problem.path("detail").asText()).contains("range", "2h");
    assertThat(admin.get("/ui/monitors/nope/series?range=1h").statusCode()).isEqualTo(404);
  }

  @Test
  void a_viewer_sees_no_write_buttons_and_an_unknown_monitor_is_404() throws Exception {
    String bearer = "Bearer " + viewerToken;
    eventually(
        Duration.ofSeconds(15),
        () -> body(admin, "/monitors/api%20conversions").contains("state-UP"),
        "the API monitor UP");
    String forAdmin = page(admin, "/monitors/api%20conversions");
    assertThat(forAdmin)
        .contains("<h1>api conversions</h1>", "<dd>API</dd>", "?token=***")
        .contains("href=\"/monitors/api%20conversions/edit\"")
        .contains("data-api=\"DELETE /api/v1/monitors/api%20conversions\"", "data-confirm=")
        .doesNotContain(SECRETS);

    for (String path : List.of("/monitors/api%20conversions", "/monitors/payouts")) {
      HttpResponse<String> answer = viewer.get(path, "Authorization", bearer);
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body())
          .contains("Latest results", "id=\"incidents\"", "data-range=\"24h\"")
          .doesNotContain("data-api=", "check-now", "add-note", "/edit\"", ">Acknowledge<")
          .doesNotContain(SECRETS);
    }
    assertThat(viewer.get("/ui/monitors/payouts/live", "Authorization", bearer).body())
        .contains("\"state\"")
        .doesNotContain(SECRETS);

    HttpResponse<String> missing = admin.get("/monitors/no-such-monitor");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body())
        .contains("No such monitor", "no-such-monitor", "<nav aria-label=\"Main\">");
    assertThat(missing.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(admin.get("/ui/monitors/no-such-monitor/live").statusCode()).isEqualTo(404);
  }

  private String live(String monitor) {
    return body(admin, "/ui/monitors/" + monitor + "/live");
  }

  private JsonNode series(String monitor, String range) {
    try {
      return JSON.readTree(body(admin, "/ui/monitors/" + monitor + "/series?range=" + range));
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static String page(Browser b, String path) throws Exception {
    HttpResponse<String> answer = b.get(path);
    assertThat(answer.statusCode()).as(path).isEqualTo(200);
    return answer.body();
  }

  private static String body(Browser b, String path) {
    try {
      return b.get(path).body();
    } catch (IOException | InterruptedException e) {
      return "";
    }
  }

  private static long nonNull(JsonNode column) {
    long n = 0;
    for (JsonNode v : column) {
      if (!v.isNull()) {
        n++;
      }
    }
    return n;
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }
}
