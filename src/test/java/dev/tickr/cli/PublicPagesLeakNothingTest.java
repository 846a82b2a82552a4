package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.testing.Browser;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.web.Html;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public answer of a real {@code tickr run} ({@code /status}, each page and its JSON, every
 * badge, the 404s) holds none of what the monitors behind them know: credentials in URLs, query
 * tokens, secret headers, bearer and basic auth, request bodies, {@code secrets:} values, internal
 * host names, what failing targets answered (bodies, headers, errors), incident reasons and
 * details, private notes, tags, monitors no page shows. The values are planted recognisably in
 * monitors of the file and of the API, the targets fail so that incidents with evidence exist, and
 * then each public path is read as anyone could. A page also works with no JavaScript: its HTML
 * holds the state and the bars, and its answers forbid scripts.
 */
class PublicPagesLeakNothingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  // Planted values, each recognisable; none may appear in a public answer.
  private static final String USERINFO_USER = "lk-userinfo-user-41";
  private static final String USERINFO_PASS = "lk-userinfo-pass-42";
  private static final String QUERY_TOKEN = "lk-query-token-43";
  private static final String API_KEY = "lk-env-api-key-44";
  private static final String BEARER = "lk-bearer-token-45";
  private static final String BASIC_USER = "lk-basic-user-46";
  private static final String BASIC_PASS = "lk-basic-pass-47";
  private static final String BODY_ACCOUNT = "lk-body-account-48";
  private static final String API_SECRET = "lk-api-secret-49";
  private static final String PING_TOKEN = "lkPingToken50abcdefghijklmnop";
  private static final String INTERNAL_HOST = "ledger-7.corp.invalid";
  private static final String HIDDEN_HOST = "billing-db.internal.invalid";
  private static final String ANSWER_BODY = "lk-upstream-exploded-51";
  private static final String ANSWER_HEADER = "lk-debug-trace-52";
  private static final String ANSWER_COOKIE = "lk-answer-cookie-53";
  private static final String ANSWER_HOST = "db-9.lk-internal.example";
  private static final String TAG = "lk-team-tag-54";
  private static final String WINDOW = "lk-window-name-55";
  private static final String PRIVATE_NOTE = "lk-private-note-56 replica lag on reports-3";
  private static final String PUBLIC_NOTE = "Exports are delayed; conversions are recorded.";
  private static final String HOOK_SECRET = "lk-webhook-signing-57";
  private static final String ADMIN_PASSWORD = "lk-admin-password-58";

  /** Field names a status page's JSON may have, at any depth. */
  private static final Set<String> PAGE_FIELDS =
      Set.of(
          "slug",
          "title",
          "status",
          "updated_at",
          "maintenance",
          "in_progress",
          "starts_at",
          "ends_at",
          "repeats",
          "monitors",
          "groups",
          "name",
          "state",
          "uptime_90d",
          "days",
          "date",
          "uptime",
          "incidents",
          "monitor",
          "started_at",
          "ended_at",
          "notes",
          "at",
          "text");

  private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=");

  @TempDir Path dir;

  @Test
  void no_public_answer_holds_a_secret_an_internal_value_or_a_reason() throws Exception {
    try (TestHttpServer target = TestHttpServer.plain()) {
      target
          .text("/ok", 200, "ok")
          .route(
              "/reports",
              r ->
                  Reply.status(500)
                      .header("X-Debug-Trace", ANSWER_HEADER)
                      .header("Set-Cookie", "sid=" + ANSWER_COOKIE)
                      .text(
                          ANSWER_BODY
                              + " at "
                              + ANSWER_HOST
                              + " key="
                              + r.header("X-Api-Key")
                              + " auth="
                              + r.header("Authorization")
                              + " url="
                              + r.target()))
          .route(
              "/login",
              r -> Reply.status(401).text("token " + r.header("Authorization") + " rejected"));
      String base = "127.0.0.1:" + target.port();
      Path config =
          Files.writeString(
              dir.resolve("tickr.yml"),
              """
              defaults: {interval: 2s, timeout: 2s, failure-threshold: 1}
              monitors:
                - name: reports
                  method: POST
                  url: "http://%1$s:%2$s@%3$s/reports?api_key=${API_KEY}&token=%4$s"
                  headers: {X-Api-Key: "${API_KEY}", X-Tenant: "%5$s"}
                  body: '{"account": "%5$s"}'
                  tags: [%6$s]
                  alerts: [hook]
                - name: partner-login
                  url: "http://%3$s/login"
                  auth: {bearer: "%7$s"}
                - name: basic-api
                  url: "http://%3$s/reports"
                  auth: {basic: {username: "%8$s", password: "%9$s"}}
                - name: ledger
                  url: "http://%10$s/v1/balance"
                - name: nightly-export
                  type: heartbeat
                  period: 1h
                  token: %11$s
                - name: billing-db
                  url: "http://%12$s/health"
                - name: fine
                  url: "http://%3$s/ok"
                  failure-threshold: 2
              channels:
                - name: hook
                  type: webhook
                  url: "http://%3$s/hook"
                  secret: %13$s
              status-pages:
                - slug: partners
                  title: Partner status
                  monitors: [reports, partner-login, basic-api, ledger, nightly-export, fine]
                  groups:
                    - {name: Reporting, monitors: [reports, basic-api]}
              maintenance:
                - name: %14$s
                  start: "2099-01-01T02:00:00Z"
                  duration: 1h
                  monitors: [reports]
              """
                  .formatted(
                      USERINFO_USER,
                      USERINFO_PASS,
                      base,
                      QUERY_TOKEN,
                      BODY_ACCOUNT,
                      TAG,
                      BEARER,
                      BASIC_USER,
                      BASIC_PASS,
                      INTERNAL_HOST,
                      PING_TOKEN,
                      HIDDEN_HOST,
                      HOOK_SECRET,
                      WINDOW));
      CliRunner cli =
          new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", ADMIN_PASSWORD, "API_KEY", API_KEY));
      Path data = dir.resolve("data");
      try (RunningDaemon running = cli.start(config, data);
          Browser b = new Browser(running.port())) {
        String admin = cli.token(data, "leak-admin", "admin");
        String[] auth = {"Authorization", "Bearer " + admin};

        // A monitor of the API with its own secrets, on a page of the API.
        HttpResponse<String> apiMonitor =
            b.post(
                "/api/v1/monitors",
                """
                {"name": "api-payouts", "url": "http://%s/reports?sig=${S}", "interval": "2s",
                 "failure-threshold": 1, "headers": {"X-Api-Key": "${S}"},
                 "body": "secret=${S}", "method": "POST", "secrets": {"S": "%s"}}"""
                    .formatted(base, API_SECRET),
                auth);
        assertThat(apiMonitor.statusCode()).as(apiMonitor.body()).isEqualTo(201);
        HttpResponse<String> apiPage =
            b.post(
                "/api/v1/status-pages",
                "{\"slug\": \"payouts\", \"monitors\": [\"api-payouts\", \"ledger\"]}",
                auth);
        assertThat(apiPage.statusCode()).as(apiPage.body()).isEqualTo(201);

        // Failing monitors open incidents with evidence; one gets a public and a private note.
        List<String> failing = List.of("reports", "partner-login", "basic-api", "ledger");
        eventually(
            Duration.ofSeconds(20),
            () -> openIncidents(b, auth).keySet().containsAll(List.of("reports", "api-payouts")),
            "incidents of the failing monitors");
        eventually(
            Duration.ofSeconds(20),
            () -> openIncidents(b, auth).keySet().containsAll(failing),
            "incidents of the failing monitors");
        eventually(
            Duration.ofSeconds(20),
            () -> body(b, "/api/v1/monitors/fine", auth).contains("\"state\":\"UP\""),
            "the healthy monitor UP");
        long reportsIncident =
            java.util.Objects.requireNonNull(openIncidents(b, auth).get("reports"));
        IncidentNotes.add(b, auth, reportsIncident, PUBLIC_NOTE, true);
        IncidentNotes.add(b, auth, reportsIncident, PRIVATE_NOTE, false);

        // What the API (behind login) knows of those incidents must not reach the public side.
        Set<String> forbidden = new LinkedHashSet<>(planted());
        forbidden.add(base);
        forbidden.add(admin);
        for (long id : openIncidents(b, auth).values()) {
          JsonNode incident = JSON.readTree(b.get("/api/v1/incidents/" + id, auth).body());
          forbidden.add(incident.path("reason").asText());
          addIfLong(forbidden, incident.path("detail").asText());
          addIfLong(forbidden, incident.at("/evidence/body").asText());
          for (JsonNode h : incident.at("/evidence/headers")) {
            if (h.path("name").asText().startsWith("X-")
                || h.path("name").asText().contains("Cookie")) {
              forbidden.add(h.path("name").asText());
              addIfLong(forbidden, h.path("value").asText());
            }
          }
        }
        forbidden.remove("");
        assertThat(forbidden)
            .as("the failures were seen, so their reasons are among the values checked")
            .contains("http-status", "auth-rejected");

        // Every public path, read as anyone could.
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        for (String path :
            List.of(
                "/status",
                "/status/partners",
                "/status/partners.json",
                "/status/payouts",
                "/status/payouts.json",
                "/status/partners?debug=1",
                "/status/nope",
                "/status/nope.json",
                "/status/billing-db",
                "/badge/nope.svg",
                "/badge/reports.png",
                "/badge/" + INTERNAL_HOST + ".svg")) {
          answers.put(path, b.get(path));
        }
        List<String> monitors =
            JSON.readTree(b.get("/api/v1/monitors", auth).body())
                .path("monitors")
                .findValuesAsText("name");
        assertThat(monitors).contains("billing-db", "api-payouts", "nightly-export");
        for (String m : monitors) {
          answers.put("/badge/" + m + ".svg", b.get("/badge/" + m + ".svg"));
        }

        // What must be there, so that the absence of the rest means something.
        String partners = at(answers, "/status/partners").body();
        assertThat(partners)
            .contains("Partner status", "Reporting", "Down", "Operational", PUBLIC_NOTE);
        assertThat(at(answers, "/status/payouts").body()).contains("api-payouts", "ledger");
        assertThat(at(answers, "/status/partners").statusCode()).isEqualTo(200);
        for (String shown :
            List.of("reports", "partner-login", "basic-api", "ledger", "nightly-export", "fine")) {
          assertThat(at(answers, "/badge/" + shown + ".svg").statusCode()).as(shown).isEqualTo(200);
        }
        assertThat(at(answers, "/badge/api-payouts.svg").statusCode()).isEqualTo(200);
        HttpResponse<String> hidden = at(answers, "/badge/billing-db.svg");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body())
            .as("a monitor on no page gets the same 404 as one that does not exist")
            .isEqualTo(at(answers, "/badge/nope.svg").body());
        for (String missing :
            List.of(
                "/status/nope",
                "/status/nope.json",
                "/status/billing-db",
                "/badge/reports.png",
                "/badge/" + INTERNAL_HOST + ".svg")) {
          assertThat(at(answers, missing).statusCode()).as(missing).isEqualTo(404);
        }

        // Nothing else, in any body or header of any answer.
        forbidden.addAll(List.of("billing-db", HIDDEN_HOST, "X-Api-Key", "Authorization"));
        forbidden.addAll(List.of("Bearer", "Basic ", "api_key", "X-Tenant", "hook"));
        List<String> leaks = new ArrayList<>();
        answers.forEach(
            (path, answer) -> {
              String text = answer.body() + "\n" + answer.headers().map();
              for (String value : forbidden) {
                if (forms(value).stream().anyMatch(text::contains)) {
                  leaks.add(path + " shows " + value);
                }
              }
              String withoutSvgNamespace = text.replace("http://www.w3.org/2000/svg", "");
              if (withoutSvgNamespace.contains("://")) {
                leaks.add(path + " shows a URL");
              }
              if (answer.headers().firstValue("Set-Cookie").isPresent()) {
                leaks.add(path + " sets a cookie");
              }
            });
        assertThat(leaks).isEmpty();
        for (String json : List.of("/status/partners.json", "/status/payouts.json")) {
          Set<String> fields = new TreeSet<>();
          fieldNames(JSON.readTree(at(answers, json).body()), fields);
          assertThat(fields).as("the fields of %s", json).isSubsetOf(PAGE_FIELDS);
        }

        // No JavaScript: the HTML itself holds the state, the banner and the bars; scripts are
        // forbidden by the answer.
        assertThat(partners)
            .doesNotContain("<script", "javascript:", "<noscript")
            .contains("role=\"status\"", "Some systems are down");
        assertThat(EVENT_HANDLER.matcher(partners).find()).isFalse();
        assertThat(partners.split("<div class=\"bar\" role=\"img\"", -1)).hasSize(6 + 1);
        assertThat(partners.split("<span class=\"", -1)).hasSize(6 * 90 + 1);
        String policy =
            at(answers, "/status/partners")
                .headers()
                .firstValue("Content-Security-Policy")
                .orElse("");
        assertThat(policy).contains("default-src 'none'").doesNotContain("script-src");
        answers.forEach(
            (path, answer) -> assertThat(answer.body()).as(path).doesNotContain("<script"));
        CliRunner.Run done = running.stop();
        assertThat(done.exitCode()).as(done.err()).isZero();
      }
    }
  }

  private static HttpResponse<String> at(Map<String, HttpResponse<String>> answers, String path) {
    HttpResponse<String> answer = answers.get(path);
    if (answer == null) {
      throw new AssertionError(path + " was not read");
    }
    return answer;
  }

  private static List<String> planted() {
    return List.of(
        USERINFO_USER,
        USERINFO_PASS,
        QUERY_TOKEN,
        API_KEY,
        BEARER,
        BASIC_USER,
        BASIC_PASS,
        BODY_ACCOUNT,
        API_SECRET,
        PING_TOKEN,
        INTERNAL_HOST,
        HIDDEN_HOST,
        ANSWER_BODY,
        ANSWER_HEADER,
        ANSWER_COOKIE,
        ANSWER_HOST,
        TAG,
        WINDOW,
        PRIVATE_NOTE,
        "replica lag",
        HOOK_SECRET,
        ADMIN_PASSWORD);
  }

  /** A value as written, as HTML escapes it, and as JSON escapes it. */
  private static Set<String> forms(String value) {
    String json = JSON.getNodeFactory().textNode(value).toString();
    return new LinkedHashSet<>(
        List.of(value, Html.escape(value), json.substring(1, json.length() - 1)));
  }

  /** A value worth looking for: long enough not to match by chance ("500", "ok"). */
  private static void addIfLong(Set<String> values, String value) {
    if (value.length() >= 8) {
      values.add(value);
    }
  }

  private static String body(Browser b, String path, String[] auth) {
    try {
      return b.get(path, auth).body();
    } catch (IOException | InterruptedException notYet) {
      return "";
    }
  }

  private static Map<String, Long> openIncidents(Browser b, String[] auth) {
    Map<String, Long> out = new LinkedHashMap<>();
    try {
      for (JsonNode i :
          JSON.readTree(b.get("/api/v1/incidents?open=true", auth).body()).path("incidents")) {
        out.putIfAbsent(i.path("monitor").asText(), i.path("id").asLong());
      }
    } catch (IOException | InterruptedException notYet) {
      // empty
    }
    return out;
  }

  private static void fieldNames(JsonNode node, Set<String> out) {
    node.properties()
        .forEach(
            e -> {
              out.add(e.getKey());
              fieldNames(e.getValue(), out);
            });
    if (node.isArray()) {
      node.forEach(item -> fieldNames(item, out));
    }
  }
}
