package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.testing.Browser;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's overview at {@code /} with {@code tickr run} and loopback targets: states,
 * counts, filters, search, paging, sparklines, and the live JSON its script polls.
 */
class OverviewEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ROW = Pattern.compile("<tr data-monitor=\"([^\"]+)\" data-state");

  @TempDir Path dir;

  @Test
  void lists_every_monitor_problems_first_with_filters_search_paging_and_live_updates()
      throws Exception {
    AtomicBoolean reportsUp = new AtomicBoolean(false);
    try (TestHttpServer target = TestHttpServer.plain()) {
      target
          .text("/pixel", 200, "ok")
          .route("/reports", r -> Reply.status(reportsUp.get() ? 200 : 500).text("reports"));
      StringBuilder yaml = new StringBuilder();
      yaml.append("defaults: {interval: 2s, timeout: 2s}\nmonitors:\n")
          .append("  - {name: checkout-pixel, url: \"")
          .append(target.url("/pixel"))
          .append("\", tags: [tracking]}\n")
          .append("  - {name: payout-reports, url: \"")
          .append(target.url("/reports"))
          .append("?api_key=${API_KEY}")
          .append("\", failure-threshold: 1, tags: [reports]}\n");
      for (int i = 0; i < 230; i++) {
        yaml.append(
            "  - {name: \"feed-%03d\", url: \"%s\", interval: 1h, tags: [feeds]}\n"
                .formatted(i, target.url("/pixel")));
      }
      Path config = Files.writeString(dir.resolve("tickr.yml"), yaml);
      CliRunner cli =
          new CliRunner(
              Map.of("TICKR_ADMIN_PASSWORD", "overview-admin-pw", "API_KEY", "key-0f1e2d3c4b5a"));
      Path data = dir.resolve("data");
      try (RunningDaemon running = cli.start(config, data);
          Browser b = new Browser(running.port())) {
        assertThat(b.get("/").statusCode()).as("no session: to the login").isEqualTo(303);
        assertThat(b.login("admin", "overview-admin-pw").statusCode()).isEqualTo(303);

        eventually(
            Duration.ofSeconds(20),
            () -> get(b, "/").contains("data-monitor=\"payout-reports\" data-state=\"DOWN\""),
            "payout-reports DOWN on the overview");
        eventually(
            Duration.ofSeconds(20),
            () -> get(b, "/?q=checkout").contains("aria-label=\"Response time of checkout"),
            "a sparkline of checkout-pixel's response time");

        HttpResponse<String> page = b.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
            .contains("script-src 'self'");
        assertThat(page.headers().firstValue("Server-Timing").orElse("")).startsWith("app;dur=");
        String html = page.body();
        assertThat(rows(html)).hasSize(100).first().isEqualTo("payout-reports");
        assertThat(html)
            .contains("<title>1 down · Tickr</title>")
            .contains("Page 1 of 3 · 232 of 232 monitors")
            .contains("href=\"/?page=2\"")
            .contains("<option value=\"feeds\">feeds</option>")
            .contains("<a href=\"/monitors/payout-reports#incidents\">#")
            .contains("http-status")
            .doesNotContain("key-0f1e2d3c4b5a")
            .doesNotContain("<script>");
        assertThat(count(html, "class=\"count-DOWN\"[^>]*><b>1</b>")).isEqualTo(1);

        assertThat(rows(b.get("/?page=3").body())).hasSize(32);
        assertThat(rows(b.get("/?page=99").body())).as("past the end: the last page").hasSize(32);
        assertThat(rows(b.get("/?state=DOWN").body())).containsExactly("payout-reports");
        assertThat(rows(b.get("/?tag=tracking").body())).containsExactly("checkout-pixel");
        assertThat(rows(b.get("/?q=FEED-10").body()))
            .containsExactlyInAnyOrder(
                "feed-100",
                "feed-101",
                "feed-102",
                "feed-103",
                "feed-104",
                "feed-105",
                "feed-106",
                "feed-107",
                "feed-108",
                "feed-109");
        assertThat(b.get("/?q=%3Cscript%3E").body())
            .contains("No monitor matches these filters.")
            .contains("value=\"&lt;script&gt;\"");
        assertThat(b.get("/?state=bogus&page=x").statusCode()).isEqualTo(200);

        JsonNode live = JSON.readTree(b.get("/ui/overview?tag=reports").body());
        assertThat(live.path("counts").path("DOWN").asInt()).isEqualTo(1);
        assertThat(live.path("counts").path("UP").asInt()).isZero();
        assertThat(live.path("matching").asInt()).isEqualTo(1);
        assertThat(live.path("rows").asText())
            .contains("data-monitor=\"payout-reports\" data-state=\"DOWN\"");

        reportsUp.set(true);
        eventually(
            Duration.ofSeconds(15),
            () ->
                get(b, "/ui/overview?tag=reports")
                    .contains("data-monitor=\\\"payout-reports\\\" data-state=\\\"UP\\\""),
            "the live rows show payout-reports UP again");
        JsonNode after = JSON.readTree(b.get("/ui/overview").body());
        assertThat(after.path("down").asInt()).isZero();
        assertThat(after.path("total").asInt()).isEqualTo(232);

        HttpResponse<String> css = b.get("/assets/tickr.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(b.get("/assets/uPlot.min.js").body()).contains("uPlot");
        assertThat(b.get("/assets/../pom.xml").statusCode()).isEqualTo(404);
        assertThat(b.get("/assets/nothing.js").statusCode()).isEqualTo(404);
        CliRunner.Run done = running.stop();
        assertThat(done.exitCode()).as(done.err()).isZero();
      }
    }
  }

  private static String get(Browser b, String path) {
    try {
      return b.get(path).body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static java.util.List<String> rows(String html) {
    java.util.List<String> names = new java.util.ArrayList<>();
    Matcher m = ROW.matcher(html);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static int count(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
