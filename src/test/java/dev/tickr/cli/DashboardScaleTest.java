package dev.tickr.cli;

import static dev.tickr.testing.ScaleFixture.name;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.testing.Browser;
import dev.tickr.testing.ScaleFixture;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard and the status pages with a thousand monitors and a day of history each: the
 * overview pages, searches and filters through them, and status pages of 200 monitors show the
 * right rows and figures from the seeded history. How fast those pages are with 10,000 monitors is
 * measured by {@code bench/dashboard-scale.sh}, outside the suite: it loads both cores for a minute
 * and asserts nothing (timings depend on the machine).
 */
class DashboardScaleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ROW = Pattern.compile("<tr data-monitor=\"([^\"]+)\" data-state");
  private static final int MONITORS = 1_000;
  private static final int PAGES = 5;
  private static final int ON_A_PAGE = ScaleFixture.ON_A_PAGE;
  private static final int SLOTS = 12;

  @TempDir Path dir;

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS) // a thousand monitors start slowly on a busy box
  void pages_search_filters_and_status_pages_of_a_thousand_monitors_show_their_history()
      throws Exception {
    Path data = dir.resolve("data");
    ScaleFixture.seed(data, MONITORS, SLOTS);
    // Paused: the daemon probes nothing, so every row shows the seeded history and one state.
    String yaml =
        ScaleFixture.config(
            MONITORS, PAGES, "{interval: 10m, paused: true}", i -> "http://127.0.0.1:9/" + i);
    Path config = Files.writeString(dir.resolve("tickr.yml"), yaml);
    CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", "scale-admin-pw"));

    try (RunningDaemon running = cli.start(config, data);
        Browser b = new Browser(running.port())) {
      assertThat(b.login("admin", "scale-admin-pw").statusCode()).isEqualTo(303);

      String first = page(b, "/");
      assertThat(rows(first)).hasSize(100).startsWith(name(0), name(1));
      assertThat(first)
          .contains("Page 1 of 10 · 1000 of 1000 monitors")
          .contains("aria-label=\"Response time of " + name(0) + " over 24 h");
      assertThat(rows(page(b, "/?page=10"))).hasSize(100).endsWith(name(MONITORS - 1));
      assertThat(rows(page(b, "/?state=PAUSED&page=7"))).hasSize(100).first().isEqualTo(name(600));
      assertThat(page(b, "/?state=UP")).contains("No monitor matches these filters.");
      assertThat(rows(page(b, "/?q=api-0099"))).containsExactlyElementsOf(names(990, 1000, 1));
      String team = page(b, "/?tag=team-7");
      assertThat(rows(team)).hasSize(50).allMatch(n -> Integer.parseInt(n.substring(4)) % 20 == 7);
      assertThat(team).contains("50 of 1000 monitors");
      JsonNode live = JSON.readTree(page(b, "/ui/overview"));
      assertThat(live.path("total").asInt()).isEqualTo(MONITORS);
      assertThat(live.path("counts").path("PAUSED").asInt()).isEqualTo(MONITORS);

      for (int p = 0; p < PAGES; p++) {
        String html = page(b, "/status/partners-" + p);
        assertThat(html).contains("Partners " + p, name(p * ON_A_PAGE), name(p * ON_A_PAGE + 199));
        assertThat(html.split("<span class=\"", -1).length - 1).isEqualTo(ON_A_PAGE * 90);
      }
      JsonNode partners = JSON.readTree(page(b, "/status/partners-0.json"));
      JsonNode shown = partners.at("/groups/0/monitors");
      assertThat(shown).hasSize(ON_A_PAGE);
      // api-00090 failed once in the day seeded ((90 + 7) % 97 == 0), api-00000 never did.
      assertThat(shown.get(0).path("uptime_90d").asDouble()).isEqualTo(1.0);
      assertThat(shown.get(90).path("name").asText()).isEqualTo(name(90));
      assertThat(shown.get(90).path("uptime_90d").asDouble())
          .isEqualTo((SLOTS - 1) / (double) SLOTS);
      assertThat(shown.get(90).path("days")).hasSize(90);

      CliRunner.Run done = running.stop();
      assertThat(done.exitCode()).as(done.err()).isZero();
    }
  }

  private static List<String> names(int from, int to, int step) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < to; i += step) {
      out.add(name(i));
    }
    return out;
  }

  private static String page(Browser b, String path) throws Exception {
    HttpResponse<String> answer = b.get(path);
    assertThat(answer.statusCode()).as(path).isEqualTo(200);
    return answer.body();
  }

  private static List<String> rows(String html) {
    List<String> names = new ArrayList<>();
    Matcher m = ROW.matcher(html);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
