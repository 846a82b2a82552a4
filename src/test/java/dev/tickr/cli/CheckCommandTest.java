package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.testing.MisbehavingServer;
import dev.tickr.testing.Ports;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tickr check} against plain HTTP servers on loopback: status, bodies, redirects, flags. */
class CheckCommandTest {
  private static final String TUNE_ERROR =
      "{\"response\":{\"status\":-1,\"errors\":[{\"err_msg\":\"Invalid NetworkToken\"}]}}";
  private static final String NESTED =
      "{\"data\":[{\"id\":1,\"items\":[]},{\"id\":2,\"items\":[{\"id\":7,\"sku\":\"A-7\"}]}],"
          + "\"meta\":{\"updated_at\":\"2020-01-01T00:00:00Z\"}}";

  private static TestHttpServer server;
  private final CliRunner cli = new CliRunner(Map.of("API_TOKEN", "s3cr3t-token-value"));

  @BeforeAll
  static void start() {
    server =
        TestHttpServer.plain()
            .json("/ok", 200, "{\"status\":\"ok\"}")
            .json("/tune", 200, TUNE_ERROR)
            .json("/nested", 200, NESTED)
            .text("/shareasale", 200, "Error: Invalid Account - Error Code 4002 - 10.0.0.1")
            .text("/boom", 500, "internal error")
            .text("/missing", 404, "not here")
            .text("/unauthorized", 401, "bad credentials")
            .text("/forbidden", 403, "Out of realm")
            .text("/busy", 429, "slow down")
            .redirect("/r1", 302, "/r2")
            .redirect("/r2", 301, "/ok")
            .redirect("/loop-a", 302, "/loop-b")
            .redirect("/loop-b", 302, "/loop-a")
            .bytes("/big", 200, 10_000)
            .route("/echo", r -> Reply.status(200).json("{\"method\":\"" + r.method() + "\"}"));
    for (int i = 0; i < 12; i++) {
      server.redirect("/hop" + i, 302, "/hop" + (i + 1));
    }
    server.json("/hop12", 200, "{}");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private String url(String path) {
    return server.url(path).toString();
  }

  @Test
  void a_healthy_endpoint_passes_with_exit_code_0_and_reports_every_fact() {
    CliRunner.Run run = cli.run("check", url("/ok"));
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("URL         " + url("/ok"))
        .contains("Status      200 OK")
        .contains("Timing      dns - · connect ")
        .contains("✓ [STATUS] < 400  (actual: 200)")
        .endsWith("OK\n");
    assertThat(run.out()).doesNotContain("Certificate");
  }

  @Test
  void json_output_has_exactly_the_contract_fields() {
    JsonNode json = cli.run("check", url("/ok"), "--json").json();
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "url",
            "success",
            "status",
            "error",
            "reason",
            "timings_ms",
            "certificate",
            "conditions");
    List<String> timings = new ArrayList<>();
    json.get("timings_ms").fieldNames().forEachRemaining(timings::add);
    assertThat(timings).containsExactly("dns", "connect", "tls", "ttfb", "total");
    assertThat(json.get("success").asBoolean()).isTrue();
    assertThat(json.get("status").asInt()).isEqualTo(200);
    assertThat(json.get("error").isNull()).isTrue();
    assertThat(json.get("reason").isNull()).isTrue();
    assertThat(json.get("certificate").isNull()).isTrue();
    JsonNode t = json.get("timings_ms");
    assertThat(t.get("dns").isNull()).as("no DNS lookup for an IP address").isTrue();
    assertThat(t.get("tls").isNull()).as("no TLS on http://").isTrue();
    assertThat(t.get("connect").asDouble()).isGreaterThanOrEqualTo(0);
    assertThat(t.get("ttfb").asDouble()).isGreaterThan(0);
    assertThat(t.get("total").asDouble())
        .isGreaterThanOrEqualTo(t.get("connect").asDouble() + t.get("ttfb").asDouble());
    JsonNode condition = json.get("conditions").get(0);
    assertThat(condition.get("condition").asText()).isEqualTo("[STATUS] < 400");
    assertThat(condition.get("success").asBoolean()).isTrue();
    assertThat(condition.get("actual").asText()).isEqualTo("200");
  }

  @Test
  void localhost_names_are_resolved_and_timed() {
    JsonNode json = cli.run("check", server.localhostUrl("/ok").toString(), "--json").json();
    assertThat(json.get("success").asBoolean()).isTrue();
    assertThat(json.get("timings_ms").get("dns").isNumber()).isTrue();
  }

  @Test
  void server_errors_fail_with_http_status() {
    JsonNode json = cli.run("check", url("/boom"), "--json").json();
    assertThat(json.get("success").asBoolean()).isFalse();
    assertThat(json.get("status").asInt()).isEqualTo(500);
    assertThat(json.get("reason").asText()).isEqualTo("http-status");
    assertThat(json.get("error").asText()).contains("[STATUS] < 400").contains("500");
    assertThat(cli.run("check", url("/boom")).exitCode()).isEqualTo(1);
    assertThat(cli.run("check", url("/missing"), "--json").json().get("reason").asText())
        .isEqualTo("http-status");
  }

  @Test
  void credential_and_quota_answers_get_their_own_reasons() {
    assertThat(cli.run("check", url("/unauthorized"), "--json").json().get("reason").asText())
        .isEqualTo("auth-rejected");
    assertThat(cli.run("check", url("/forbidden"), "--json").json().get("reason").asText())
        .isEqualTo("access-denied");
    assertThat(cli.run("check", url("/busy"), "--json").json().get("reason").asText())
        .isEqualTo("rate-limited");
  }

  @Test
  void an_error_inside_a_200_is_caught_by_a_body_condition() {
    CliRunner.Run run = cli.run("check", url("/tune"), "--expect", "[BODY].response.status != -1");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("Status      200 OK")
        .contains("✗ [BODY].response.status != -1  (actual: -1)")
        .contains("[body-error]");
    JsonNode json =
        cli.run("check", url("/shareasale"), "--expect", "[BODY] != pat(*Error Code*)", "--json")
            .json();
    // ShareASale's 4002 is its IP whitelist error: a known message names the reason.
    assertThat(json.get("reason").asText()).isEqualTo("ip-not-allowed");
    assertThat(json.get("conditions").get(0).get("actual").asText()).contains("Error Code 4002");
  }

  @Test
  void a_whitelist_error_inside_a_200_fails_without_any_condition_on_the_body() {
    CliRunner.Run run = cli.run("check", url("/shareasale"), "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode json = run.json();
    assertThat(json.get("success").asBoolean()).isFalse();
    assertThat(json.get("reason").asText()).isEqualTo("ip-not-allowed");
    assertThat(json.get("error").asText())
        .startsWith("HTTP 200: the body reads \"")
        .contains("4002");
  }

  @Test
  void json_paths_reach_into_nested_arrays() {
    CliRunner.Run run =
        cli.run(
            "check",
            url("/nested"),
            "--expect",
            "[BODY].data[1].items[0].id == 7",
            "--expect",
            "[BODY].data[1].items[0].sku == pat(A-*)",
            "--expect",
            "len([BODY].data) == 2",
            "--expect",
            "has([BODY].errors) == false",
            "--expect",
            "[HEADER].Content-Type == pat(application/json*)",
            "--json");
    assertThat(run.exitCode()).as(run.out()).isZero();
    JsonNode missing =
        cli.run("check", url("/nested"), "--expect", "[BODY].data[5].id == 1", "--json").json();
    assertThat(missing.get("success").asBoolean()).isFalse();
    assertThat(missing.get("conditions").get(0).get("actual").asText()).contains("out of range");
  }

  @Test
  void stale_data_is_its_own_reason() {
    JsonNode json =
        cli.run("check", url("/nested"), "--expect", "age([BODY].meta.updated_at) < 2h", "--json")
            .json();
    assertThat(json.get("reason").asText()).isEqualTo("stale-data");
  }

  @Test
  void redirects_are_followed_and_counted() {
    CliRunner.Run run = cli.run("check", url("/r1"));
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("URL         " + url("/ok") + " (after 2 redirects)");
    assertThat(cli.run("check", url("/r1"), "--json").json().get("url").asText())
        .isEqualTo(url("/ok"));
  }

  @Test
  void no_follow_reports_the_redirect_itself() {
    JsonNode json = cli.run("check", url("/r1"), "--no-follow", "--json").json();
    assertThat(json.get("status").asInt()).isEqualTo(302);
    assertThat(json.get("success").asBoolean()).isTrue();
  }

  @Test
  void a_redirect_loop_is_detected() {
    CliRunner.Run run = cli.run("check", url("/loop-a"), "--json");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.json().get("reason").asText()).isEqualTo("http-status");
    assertThat(run.json().get("error").asText())
        .startsWith("redirect loop: ")
        .contains("/loop-a → ")
        .contains("/loop-b");
  }

  @Test
  void more_than_ten_redirects_fail() {
    CliRunner.Run run = cli.run("check", url("/hop0"), "--json");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.json().get("error").asText()).isEqualTo("too many redirects (more than 10)");
    assertThat(cli.run("check", url("/hop2"), "--json").json().get("success").asBoolean())
        .as("exactly ten redirects are fine")
        .isTrue();
  }

  @Test
  void a_body_larger_than_the_cap_is_cut_at_the_cap() {
    CliRunner.Run run =
        cli.run("check", url("/big"), "--max-body", "1KiB", "--expect", "len([BODY]) == 1024");
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("Body        1.0 KiB (truncated at the --max-body cap)");
  }

  @Test
  void method_headers_and_body_are_sent_as_given() throws Exception {
    CliRunner.Run run =
        cli.run(
            "check",
            url("/echo"),
            "-X",
            "PUT",
            "-H",
            "X-Trace: abc",
            "-H",
            "Accept: application/json",
            "-d",
            "{\"order\":42}",
            "--expect",
            "[BODY].method == PUT");
    assertThat(run.exitCode()).as(run.out()).isZero();
    var request = last("/echo");
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.header("X-Trace")).isEqualTo("abc");
    assertThat(request.header("Content-Type")).startsWith("application/json");
    assertThat(request.body()).isEqualTo("{\"order\":42}");
  }

  @Test
  void data_from_a_file_implies_post(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("conversion.txt"), "order_id=A1&amount=9.90");
    assertThat(cli.run("check", url("/echo"), "-d", "@" + file).exitCode()).isZero();
    var request = last("/echo");
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.body()).isEqualTo("order_id=A1&amount=9.90");
    assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
  }

  @Test
  void secrets_come_from_the_environment_and_are_never_printed() throws Exception {
    CliRunner.Run run =
        cli.run(
            "check", url("/ok") + "?NetworkToken=s3cr3t-token-value", "--bearer", "env:API_TOKEN");
    assertThat(run.exitCode()).isZero();
    assertThat(last("/ok").header("Authorization")).isEqualTo("Bearer s3cr3t-token-value");
    assertThat(run.all()).doesNotContain("s3cr3t").contains("NetworkToken=***");

    cli.run("check", url("/ok"), "--basic", "IRabc:env:API_TOKEN");
    assertThat(last("/ok").header("Authorization"))
        .isEqualTo(
            "Basic "
                + java.util.Base64.getEncoder()
                    .encodeToString(
                        "IRabc:s3cr3t-token-value"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    cli.run("check", url("/ok"), "-H", "X-Eflow-API-Key: env:API_TOKEN");
    assertThat(last("/ok").header("X-Eflow-API-Key")).isEqualTo("s3cr3t-token-value");
  }

  @Test
  void a_closed_port_is_connection_refused() {
    CliRunner.Run run = cli.run("check", Ports.closedUrl("/").toString(), "--json");
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode json = run.json();
    assertThat(json.get("reason").asText()).isEqualTo("connect");
    assertThat(json.get("error").asText()).isEqualTo("connection refused");
    assertThat(json.get("status").isNull()).isTrue();
    assertThat(json.get("conditions").get(0).get("success").asBoolean()).isFalse();
    assertThat(cli.run("check", Ports.closedUrl("/").toString()).out())
        .contains("Status      no response")
        .contains("FAILED: connection refused [connect]");
  }

  @Test
  void an_unknown_host_is_a_dns_failure() {
    CliRunner.Run run =
        cli.run("check", "http://no-such-host.invalid/", "--json", "--timeout", "5s");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.json().get("reason").asText()).isEqualTo("dns");
    assertThat(run.json().get("error").asText()).startsWith("DNS: ");
  }

  @Test
  void a_server_that_never_answers_times_out_at_the_deadline() {
    try (MisbehavingServer silent = MisbehavingServer.acceptsAndNeverAnswers()) {
      CliRunner.Run run = cli.run("check", silent.url("/").toString(), "--timeout", "1s", "--json");
      assertThat(run.exitCode()).isEqualTo(1);
      JsonNode json = run.json();
      assertThat(json.get("reason").asText()).isEqualTo("timeout");
      assertThat(json.get("error").asText())
          .isEqualTo("timeout after 1s while waiting for the response");
      assertThat(json.get("timings_ms").get("total").asDouble()).isBetween(950.0, 3000.0);
    }
  }

  @Test
  void a_body_that_trickles_forever_is_cut_at_the_deadline() {
    try (MisbehavingServer trickle = MisbehavingServer.tricklesBodyForever()) {
      CliRunner.Run run =
          cli.run("check", trickle.url("/").toString(), "--timeout", "4s", "--json");
      assertThat(run.exitCode()).isEqualTo(1);
      JsonNode json = run.json();
      assertThat(json.get("reason").asText()).isEqualTo("timeout");
      // 4 s: the head must come in time on a busy box, so that it is the body the deadline cuts
      assertThat(json.get("error").asText()).isEqualTo("timeout after 4s while reading the body");
      assertThat(json.get("status").asInt()).isEqualTo(200);
      assertThat(json.get("timings_ms").get("total").asDouble()).isBetween(3950.0, 7000.0);
    }
  }

  @Test
  void headers_that_never_end_are_cut_at_the_deadline() {
    try (MisbehavingServer trickle = MisbehavingServer.trickleHeaders()) {
      JsonNode json =
          cli.run("check", trickle.url("/").toString(), "--timeout", "1s", "--json").json();
      assertThat(json.get("reason").asText()).isEqualTo("timeout");
      assertThat(json.get("timings_ms").get("total").asDouble()).isBetween(950.0, 3000.0);
    }
  }

  @Test
  void a_reset_connection_is_a_connect_failure() {
    try (MisbehavingServer reset = MisbehavingServer.resetsConnection()) {
      JsonNode json = cli.run("check", reset.url("/").toString(), "--json").json();
      assertThat(json.get("reason").asText()).isEqualTo("connect");
      assertThat(json.get("error").asText()).startsWith("connection reset by peer");
      assertThat(reset.acceptedConnections()).as("no silent retry").isEqualTo(1);
    }
  }

  @Test
  void a_connection_closed_without_an_answer_is_a_connect_failure() {
    try (MisbehavingServer closes = MisbehavingServer.closesWithoutAnswer()) {
      JsonNode json = cli.run("check", closes.url("/").toString(), "--json").json();
      assertThat(json.get("reason").asText()).isEqualTo("connect");
      assertThat(json.get("error").asText())
          .isEqualTo("server closed the connection without answering");
    }
  }

  @Test
  void a_malformed_response_is_reported_as_such() {
    try (MisbehavingServer garbage = MisbehavingServer.malformedResponse()) {
      JsonNode json = cli.run("check", garbage.url("/").toString(), "--json").json();
      assertThat(json.get("reason").asText()).isEqualTo("http-status");
      assertThat(json.get("error").asText()).startsWith("malformed HTTP response");
    }
  }

  @Test
  void a_condition_that_does_not_parse_is_a_usage_error_pointing_at_the_column() {
    CliRunner.Run run = cli.run("check", url("/ok"), "--expect", "[STATUS] = 200");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--expect").contains("column").contains("^");
  }

  @Test
  void bad_flags_are_usage_errors_that_name_the_flag() {
    assertThat(cli.run("check").exitCode()).isEqualTo(2);
    CliRunner.Run timeout = cli.run("check", url("/ok"), "--timeout", "soon");
    assertThat(timeout.exitCode()).isEqualTo(2);
    assertThat(timeout.err()).contains("--timeout");
    CliRunner.Run env = cli.run("check", url("/ok"), "--bearer", "env:NOT_SET_ANYWHERE");
    assertThat(env.exitCode()).isEqualTo(2);
    assertThat(env.err()).contains("--bearer: environment variable NOT_SET_ANYWHERE is not set");
    assertThat(cli.run("check", url("/ok"), "-H", "no colon here").err()).contains("-H/--header");
    assertThat(cli.run("check", "ftp://example.com/").err()).contains("URL: must start with");
    assertThat(cli.run("check", url("/ok"), "--max-body", "lots").err()).contains("--max-body");
    assertThat(cli.run("check", url("/ok"), "--ca-cert", "/no/such.pem").err())
        .contains("--ca-cert: no such file");
    assertThat(cli.run("check", url("/ok"), "--bogus").exitCode()).isEqualTo(2);
    assertThat(cli.run("check", url("/ok"), "-d", "@/no/such/file").err())
        .contains("-d/--data: no such file");
  }

  @Test
  void version_and_help_exit_0() {
    assertThat(cli.run("--version").out()).startsWith("tickr ");
    CliRunner.Run help = cli.run("check", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--expect").contains("--max-body").contains("env:NAME");
  }

  private dev.tickr.testing.RecordedRequest last(String path) {
    List<dev.tickr.testing.RecordedRequest> matching =
        server.requests().stream().filter(r -> r.path().equals(path)).toList();
    assertThat(matching).isNotEmpty();
    return matching.get(matching.size() - 1);
  }
}
