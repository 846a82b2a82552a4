package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.schedule.Waiter;
import dev.tickr.testing.MutableClock;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code tickr check} fills in placeholders in its URL, {@code -H} values and {@code -d} body. */
class CheckTemplatesTest {
  private final TestHttpServer server = TestHttpServer.plain().route("/tx", r -> Reply.status(200));
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T20:15:42Z"));
  private final CliRunner cli = new CliRunner(Map.of(), clock, Waiter::system);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void the_url_headers_and_body_get_the_values_of_the_checks_time() {
    String url =
        "http://127.0.0.1:"
            + server.port()
            + "/tx?startDate={{now-30d/d:yyyy-MM-dd}}&endDate={{now:yyyy-MM-dd}}";

    CliRunner.Run run =
        cli.run(
            "check",
            url,
            "-H",
            "X-Sent-At: {{now:unix}}",
            "-d",
            "{\"id\": \"{{uuid}}\"}",
            "--json");

    assertThat(run.exitCode()).as(run.all()).isZero();
    RecordedRequest sent = server.requests().get(0);
    assertThat(sent.target()).isEqualTo("/tx?startDate=2026-11-07&endDate=2026-12-07");
    assertThat(sent.header("X-Sent-At")).isEqualTo("1796674542");
    assertThat(sent.body())
        .matches(
            "\\{\"id\": \"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"}");
    assertThat(run.json().get("url").asText())
        .endsWith("/tx?startDate=2026-11-07&endDate=2026-12-07");
  }

  @Test
  void a_wrong_placeholder_is_a_usage_error_naming_the_flag_and_column() {
    CliRunner.Run inUrl = cli.run("check", "http://127.0.0.1:1/x?d={{now-1q}}");
    CliRunner.Run inHost = cli.run("check", "http://{{uuid}}.example.com/");
    CliRunner.Run inHeader = cli.run("check", "http://127.0.0.1:1/", "-H", "X-Id: {{uid}}");

    assertThat(inUrl.exitCode()).isEqualTo(2);
    assertThat(inUrl.err()).contains("URL: {{now-1q}}: unknown unit \"q\"").contains("column 24");
    assertThat(inHost.exitCode()).isEqualTo(2);
    assertThat(inHost.err())
        .contains("URL: a placeholder cannot be in the URL's scheme, host or port");
    assertThat(inHeader.exitCode()).isEqualTo(2);
    assertThat(inHeader.err()).contains("-H/--header X-Id: unknown placeholder {{uid}}");
    assertThat(server.requests()).isEmpty();
  }
}
