package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.testing.Browser;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The dashboard's admin pages of a real daemon, read over HTTP as a logged-in admin and as a
 * viewer, and changed through the API with the session and its CSRF token as their scripts do: the
 * monitor forms (labelled fields filled with an API monitor's settings, secrets masked; a
 * config-file monitor read-only), the channels page with "Send test" against a loopback webhook
 * receiver, and the maintenance page with windows created and deleted.
 */
class AdminPagesEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "admin-pages-pass-31";
  private static final String FILE_KEY = "file-key-7c2e91ab";
  private static final String HOOK_TOKEN = "hook-token-4d8a1f0e";
  private static final String API_KEY = "api-key-secret-0b9d3e";
  private static final String API_PASSWORD = "basic-pass-6f1a2c";
  private static final Pattern CONTROL =
      Pattern.compile("<(input|select|textarea)\\b[^>]*\\bid=\"([^\"]+)\"[^>]*>");
  private static final Pattern CSRF = Pattern.compile("name=\"tickr-csrf\" content=\"([^\"]+)\"");

  @TempDir Path dir;

  /**
   * Where the config file's weekly window lies when the test runs. It is placed relative to now, so
   * the test holds at any time of week: the window it once had ({@code every: sunday, from:
   * "02:00"}) was in force every Sunday night and failed it then. {@link #AROUND_NOW} is that case
   * on purpose, whatever the day.
   */
  enum Weekly {
    /** Starts in three days: scheduled, not in force. */
    LATER(Duration.ofDays(3)),
    /** Started a minute ago and lasts the hour: in force for the whole test. */
    AROUND_NOW(Duration.ofMinutes(-1));

    private final Duration fromNow;

    Weekly(Duration fromNow) {
      this.fromNow = fromNow;
    }

    /** The window's start: a whole minute, {@code fromNow} from {@code now}. */
    ZonedDateTime start(Instant now) {
      return now.truncatedTo(ChronoUnit.MINUTES).plus(fromNow).atZone(ZoneOffset.UTC);
    }

    boolean inForce() {
      return this == AROUND_NOW;
    }
  }

  @ParameterizedTest(name = "the file''s weekly window {0}")
  @EnumSource(Weekly.class)
  void forms_channels_and_maintenance_pages_show_and_change_what_they_should(Weekly weekly)
      throws Exception {
    ZonedDateTime weeklyStart = weekly.start(Instant.now());
    String day = weeklyStart.getDayOfWeek().name().toLowerCase(Locale.ROOT);
    String from = weeklyStart.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm"));
    try (TestHttpServer target = TestHttpServer.plain();
        TestHttpServer receiver = TestHttpServer.plain()) {
      target.json("/health", 200, "{\"ok\":true}").text("/down", 503, "down");
      receiver
          .json("/hook", 200, "{}")
          .route(
              "/broken",
              r -> Reply.status(500).text("provider down for token " + r.header("X-Token")));
      // The weekly window covers only the tag of the API monitor made below, so that in force it
      // changes nothing else the test looks at (the failing monitor must alert "broken").
      Path config =
          Files.writeString(
              dir.resolve("tickr.yml"),
              """
              monitors:
                - name: from-file
                  url: "%s?api_key=${FILE_KEY}"
                  headers: {X-Api-Key: "${FILE_KEY}"}
                  interval: 30s
                - name: failing
                  url: "%s"
                  interval: 1s
                  failure-threshold: 1
                  alerts: [broken]
              channels:
                - {name: hook, type: webhook, url: "%s"}
                - name: broken
                  type: webhook
                  url: "%s"
                  headers: {X-Token: "${HOOK_TOKEN}"}
              maintenance:
                - name: weekly
                  every: %s
                  from: "%s"
                  duration: 1h
                  tags: [payouts]
              """
                  .formatted(
                      target.url("/health"),
                      target.url("/down"),
                      receiver.url("/hook"),
                      receiver.url("/broken"),
                      day,
                      from));
      CliRunner cli =
          new CliRunner(
              Map.of(
                  "TICKR_ADMIN_PASSWORD",
                  PASSWORD,
                  "FILE_KEY",
                  FILE_KEY,
                  "HOOK_TOKEN",
                  HOOK_TOKEN));
      Path data = dir.resolve("data");
      try (RunningDaemon running = cli.start(config, data);
          Browser admin = new Browser(running.port());
          Browser anonymous = new Browser(running.port())) {
        assertThat(admin.login("admin", PASSWORD).statusCode()).isEqualTo(303);
        String viewer = cli.token(data, "viewer-ci", "viewer");
        String csrf = csrf(page(admin, "/monitors/new"));

        monitorForms(admin, anonymous, viewer, csrf, target);
        channels(admin, anonymous, viewer, csrf, receiver);
        maintenance(admin, anonymous, viewer, csrf, weekly, "every " + day + " from " + from);

        CliRunner.Run done = running.stop();
        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(done.all())
            .doesNotContain(API_KEY)
            .doesNotContain(API_PASSWORD)
            .doesNotContain(HOOK_TOKEN);
      }
    }
  }

  private void monitorForms(
      Browser admin, Browser anonymous, String viewer, String csrf, TestHttpServer target)
      throws Exception {
    // An empty form: every control labelled, the ids the scripts and browser tests use.
    String blank = page(admin, "/monitors/new");
    assertLabelled(blank);
    assertThat(blank)
        .contains("<form id=\"monitor-form\"", "id=\"test-now\"", "id=\"save\"")
        .contains("id=\"test-result\"", "id=\"form-problems\"", "role=\"alert\"")
        .contains("<script src=\"/assets/form.js\" defer>")
        .contains("id=\"alerts-hook\"", "id=\"alerts-broken\"")
        .contains("id=\"interval-error\"")
        .contains("aria-describedby=\"interval-hint interval-error\"")
        .doesNotContain("onclick=");
    assertThat(admin.get("/assets/form.js").statusCode()).isEqualTo(200);

    // An API monitor, created as the form does: the session and its CSRF token.
    String monitor =
        """
        {"name": "offers", "type": "http", "url": "%s", "method": "POST",
         "headers": {"X-Api-Key": "${KEY}", "Accept": "application/json"},
         "body": "{\\"q\\": 1}", "auth": {"basic": {"username": "ops", "password": "%s"}},
         "interval": "45s", "timeout": "5s", "conditions": ["[STATUS] == 200", "[BODY].ok == true"],
         "failure-threshold": 3, "tags": ["affiliate", "payouts"], "alerts": ["hook"],
         "secrets": {"KEY": "%s"}}"""
            .formatted(target.url("/health"), API_PASSWORD, API_KEY);
    HttpResponse<String> created = admin.post("/api/v1/monitors", monitor, "X-CSRF-Token", csrf);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    String edit = page(admin, "/monitors/offers/edit");
    assertLabelled(edit);
    assertThat(edit).doesNotContain(API_KEY).doesNotContain(API_PASSWORD);
    assertThat(control(edit, "name")).contains("value=\"offers\"", "readonly");
    assertThat(control(edit, "url")).contains("value=\"" + target.url("/health") + "\"");
    assertThat(selected(edit, "method")).isEqualTo("POST");
    assertThat(selected(edit, "type")).isEqualTo("http");
    assertThat(selected(edit, "auth")).isEqualTo("basic");
    assertThat(control(edit, "auth-username")).contains("value=\"ops\"");
    assertThat(control(edit, "auth-password")).contains("type=\"password\"", "value=\"***\"");
    assertThat(textarea(edit, "headers")).isEqualTo("X-Api-Key: ${KEY}\nAccept: application/json");
    assertThat(textarea(edit, "body")).isEqualTo("{&quot;q&quot;: 1}");
    assertThat(textarea(edit, "conditions")).isEqualTo("[STATUS] == 200\n[BODY].ok == true");
    assertThat(control(edit, "interval")).contains("value=\"45s\"");
    assertThat(control(edit, "timeout")).contains("value=\"5s\"");
    assertThat(control(edit, "failure-threshold")).contains("value=\"3\"");
    assertThat(control(edit, "tags")).contains("value=\"affiliate, payouts\"");
    assertThat(control(edit, "alerts-hook")).contains("checked");
    assertThat(control(edit, "alerts-broken")).doesNotContain("checked");
    assertThat(control(edit, "secret-name-0")).contains("value=\"KEY\"");
    assertThat(control(edit, "secret-value-0")).contains("type=\"password\"", "value=\"***\"");
    assertThat(edit).contains("data-editing=\"offers\"", "Save changes");

    // Saved back as the form sends it (the masked values as they were): the secrets are kept,
    // and a bad value is refused naming its field, changing nothing.
    ObjectNode form = (ObjectNode) JSON.readTree(monitor);
    form.put("interval", "1h");
    form.putObject("auth").putObject("basic").put("username", "ops").put("password", "***");
    form.putObject("secrets").put("KEY", "***");
    HttpResponse<String> bad =
        admin.send(
            "PUT",
            "/api/v1/monitors/offers",
            form.deepCopy().put("timeout", "soon").toString(),
            "application/json",
            "X-CSRF-Token",
            csrf);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).path("errors").findValuesAsText("pointer"))
        .contains("/timeout");
    HttpResponse<String> saved =
        admin.send(
            "PUT",
            "/api/v1/monitors/offers",
            form.toString(),
            "application/json",
            "X-CSRF-Token",
            csrf);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    HttpResponse<String> tried =
        admin.post("/api/v1/monitors/test?name=offers", form.toString(), "X-CSRF-Token", csrf);
    assertThat(tried.statusCode()).as(tried.body()).isEqualTo(200);
    assertThat(tried.body()).doesNotContain(API_KEY).doesNotContain(API_PASSWORD);
    List<RecordedRequest> posts =
        target.requests().stream().filter(r -> r.method().equals("POST")).toList();
    RecordedRequest probe = posts.get(posts.size() - 1);
    assertThat(probe.header("X-Api-Key")).isEqualTo(API_KEY);
    assertThat(probe.header("Authorization")).startsWith("Basic ");
    assertThat(control(page(admin, "/monitors/offers/edit"), "interval")).contains("value=\"1h\"");

    // A monitor of the config file is shown read-only, its secrets masked.
    String fromFile = page(admin, "/monitors/from-file/edit");
    assertThat(fromFile)
        .contains("id=\"read-only\"", "tickr.yml", "line 2", "id=\"monitor-settings\"")
        .contains("api_key=***", "***")
        .doesNotContain(FILE_KEY)
        .doesNotContain("<form id=\"monitor-form\"");

    // Nobody else gets the forms.
    assertThat(admin.get("/monitors/nope/edit").statusCode()).isEqualTo(404);
    String[] asViewer = {"Authorization", "Bearer " + viewer};
    assertThat(admin.get("/monitors/new", asViewer).statusCode()).isEqualTo(403);
    HttpResponse<String> forbidden = anonymous.get("/monitors/offers/edit", asViewer);
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.body()).contains("Only admins").doesNotContain("monitor-form");
    assertThat(anonymous.get("/monitors/new").statusCode()).isEqualTo(303);
  }

  private void channels(
      Browser admin, Browser anonymous, String viewer, String csrf, TestHttpServer receiver)
      throws Exception {
    // The failing monitor alerts "broken", whose provider answers 500 with its token in it.
    eventually(
        Duration.ofSeconds(15),
        () -> {
          String html = body(admin, "/channels");
          return html.contains("state-DOWN\">Failing") && html.contains("last-error");
        },
        "the broken channel failing on the page");
    String html = page(admin, "/channels");
    assertThat(html)
        .contains("<table id=\"channels\"", "id=\"channel-hook\"", "id=\"channel-broken\"")
        .contains("webhook", "id=\"test-hook\"", "id=\"result-hook\"", "/assets/admin.js")
        .contains("provider down for token ***")
        .doesNotContain(HOOK_TOKEN)
        .doesNotContain(receiver.url("/broken").toString());
    assertThat(row(html, "channel-hook")).contains("state-UP\">OK");
    assertThat(row(html, "channel-broken")).contains("state-DOWN\">Failing");

    // Send test, as the button does.
    int before = receiver.requests().size();
    HttpResponse<String> sent =
        admin.send("POST", "/api/v1/channels/hook/test", null, null, "X-CSRF-Token", csrf);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(JSON.readTree(sent.body()).path("sent").asBoolean()).isTrue();
    List<RecordedRequest> got =
        new ArrayList<>(receiver.requests().subList(before, receiver.requests().size()));
    assertThat(got)
        .anySatisfy(
            r -> {
              assertThat(r.path()).isEqualTo("/hook");
              assertThat(JSON.readTree(r.body()).path("event").asText()).isEqualTo("test");
            });
    HttpResponse<String> notSent =
        admin.send("POST", "/api/v1/channels/broken/test", null, null, "X-CSRF-Token", csrf);
    assertThat(notSent.statusCode()).isEqualTo(502);
    assertThat(notSent.body()).contains("provider down for token ***").doesNotContain(HOOK_TOKEN);

    // A viewer sees the health, without buttons.
    HttpResponse<String> seen = anonymous.get("/channels", "Authorization", "Bearer " + viewer);
    assertThat(seen.statusCode()).isEqualTo(200);
    assertThat(seen.body()).contains("id=\"channel-hook\"").doesNotContain("data-channel-test");
  }

  private void maintenance(
      Browser admin,
      Browser anonymous,
      String viewer,
      String csrf,
      Weekly weekly,
      String weeklyWhen)
      throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String page = page(admin, "/maintenance");
    assertLabelled(page);
    assertThat(page)
        .contains("<form id=\"maintenance-form\"", "id=\"maintenance-problems\"")
        .contains("id=\"window-weekly\"")
        .contains(
            weekly.inForce()
                ? "<strong>In force now:</strong> weekly."
                : "No window is in force now.");
    assertThat(row(page, "window-weekly"))
        .contains("data-source=\"yaml\"", "read-only", weeklyWhen + " for 1h (UTC)")
        .contains(weekly.inForce() ? "In force" : "Scheduled", "tags payouts")
        .doesNotContain("<button");
    // The API monitor with that tag is in maintenance exactly when the window is in force.
    eventually(
        Duration.ofSeconds(10),
        () ->
            body(admin, "/api/v1/monitors/offers").contains("\"state\":\"MAINTENANCE\"")
                == weekly.inForce(),
        weekly.inForce() ? "offers in maintenance" : "offers not in maintenance");

    String[] session = {"X-CSRF-Token", csrf};
    HttpResponse<String> made =
        admin.post(
            "/api/v1/maintenance",
            "{\"name\":\"upgrade\",\"monitors\":[\"from-file\"],\"start\":\""
                + now.minusSeconds(60)
                + "\",\"duration\":\"2h\"}",
            session);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    HttpResponse<String> later =
        admin.post(
            "/api/v1/maintenance",
            "{\"name\":\"later\",\"tags\":[\"payouts\"],\"start\":\""
                + now.plus(1, ChronoUnit.DAYS)
                + "\",\"end\":\""
                + now.plus(1, ChronoUnit.DAYS).plusSeconds(3600)
                + "\"}",
            session);
    assertThat(later.statusCode()).as(later.body()).isEqualTo(201);
    for (String[] bad :
        new String[][] {
          {
            "{\"name\":\"b1\",\"monitors\":[\"nope\"],\"start\":\""
                + now
                + "\",\"duration\":\"1h\"}",
            "/monitors/0"
          },
          {"{\"name\":\"b2\",\"start\":\"yesterday\",\"duration\":\"1h\"}", "/start"},
          {"{\"name\":\"b3\",\"start\":\"" + now + "\",\"duration\":\"soon\"}", "/duration"},
        }) {
      HttpResponse<String> refused = admin.post("/api/v1/maintenance", bad[0], session);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(JSON.readTree(refused.body()).path("errors").findValuesAsText("pointer"))
          .contains(bad[1]);
      assertThat(page).contains("id=\"" + bad[1].split("/")[1] + "-error\"");
    }

    String listed = page(admin, "/maintenance");
    // In force first (the one that ends first at the top), then by next start.
    List<String> order =
        weekly.inForce()
            ? List.of("window-weekly", "window-upgrade", "window-later")
            : List.of("window-upgrade", "window-later", "window-weekly");
    assertThat(listed)
        .contains(
            "<strong>In force now:</strong> "
                + (weekly.inForce() ? "weekly, upgrade." : "upgrade."));
    assertThat(row(listed, "window-upgrade"))
        .contains("data-source=\"api\"", "In force", "from-file")
        .contains("id=\"delete-upgrade\"", "data-api=\"DELETE /api/v1/maintenance/upgrade\"");
    assertThat(row(listed, "window-later")).contains("Scheduled", "tags payouts");
    assertThat(order.stream().map(id -> listed.indexOf("id=\"" + id + "\"")).toList())
        .as("rows in the order %s", order)
        .doesNotContain(-1)
        .isSorted();
    eventually(
        Duration.ofSeconds(10),
        () -> body(admin, "/api/v1/monitors/from-file").contains("\"state\":\"MAINTENANCE\""),
        "from-file in maintenance");

    HttpResponse<String> seen = anonymous.get("/maintenance", "Authorization", "Bearer " + viewer);
    assertThat(seen.statusCode()).isEqualTo(200);
    assertThat(seen.body())
        .contains("id=\"window-upgrade\"")
        .doesNotContain("maintenance-form")
        .doesNotContain("<button");

    assertThat(
            admin.send("DELETE", "/api/v1/maintenance/upgrade", null, null, session).statusCode())
        .isEqualTo(204);
    assertThat(admin.send("DELETE", "/api/v1/maintenance/weekly", null, null, session).statusCode())
        .isEqualTo(409);
    assertThat(page(admin, "/maintenance"))
        .doesNotContain("id=\"window-upgrade\"")
        .contains("id=\"window-later\"", "id=\"window-weekly\"");
  }

  // --- reading pages ---

  private static String page(Browser b, String path) throws IOException, InterruptedException {
    HttpResponse<String> answer = b.get(path);
    assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("script-src 'self'");
    assertThat(answer.body()).doesNotContain("<script>").doesNotContain(" onclick=");
    return answer.body();
  }

  private static String body(Browser b, String path) {
    try {
      return b.get(path).body();
    } catch (IOException | InterruptedException e) {
      return "";
    }
  }

  private static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("the page's CSRF token").isTrue();
    return m.group(1);
  }

  /** Every form control outside a template has a {@code <label for>} naming it. */
  private static void assertLabelled(String html) {
    String live = html.replaceAll("(?s)<template.*?</template>", "");
    Matcher m = CONTROL.matcher(live);
    int controls = 0;
    while (m.find()) {
      if (m.group().contains("type=\"hidden\"")) {
        continue;
      }
      controls++;
      assertThat(live)
          .as("a label for #" + m.group(2))
          .contains("<label for=\"" + m.group(2) + "\"");
    }
    assertThat(controls).isGreaterThan(3);
  }

  /** The start tag of the control with this id. */
  private static String control(String html, String id) {
    Matcher m = CONTROL.matcher(html);
    while (m.find()) {
      if (m.group(2).equals(id)) {
        return m.group();
      }
    }
    throw new AssertionError("no control #" + id);
  }

  private static String textarea(String html, String id) {
    Matcher m =
        Pattern.compile("(?s)<textarea id=\"" + Pattern.quote(id) + "\"[^>]*>\\n?(.*?)</textarea>")
            .matcher(html);
    assertThat(m.find()).as("textarea #" + id).isTrue();
    return m.group(1);
  }

  private static String selected(String html, String id) {
    Matcher m =
        Pattern.compile("(?s)<select id=\"" + Pattern.quote(id) + "\".*?</select>").matcher(html);
    assertThat(m.find()).as("select #" + id).isTrue();
    Matcher option = Pattern.compile("<option value=\"([^\"]*)\" selected>").matcher(m.group());
    assertThat(option.find()).as("a selected option in #" + id).isTrue();
    return option.group(1);
  }

  private static String row(String html, String id) {
    Matcher m = Pattern.compile("(?s)<tr id=\"" + Pattern.quote(id) + "\".*?</tr>").matcher(html);
    assertThat(m.find()).as("row #" + id).isTrue();
    return m.group();
  }
}
