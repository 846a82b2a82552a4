package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.testing.Browser;
import dev.tickr.testing.TestHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickr import} on inputs shaped as the real tools write them: what it writes passes {@code
 * tickr validate}, what it leaves out is reported with its reason, and an imported config runs.
 */
class ImportCommandTest {
  private static final Map<String, String> ENV =
      Map.of(
          "API_BASE", "http://127.0.0.1:9",
          "PAGERDUTY_KEY", "R0UTINGKEY0000000000000000000000",
          "API_TOKEN", "token-for-tests");

  @TempDir Path dir;

  private final CliRunner cli = new CliRunner(ENV);

  static Path resource(Path dir, String name) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(ImportCommandTest.class.getResourceAsStream("/importer/" + name))) {
      Path file = dir.resolve(name);
      Files.copy(in, file);
      return file;
    }
  }

  /** Imports, checks the exit code, validates the result with the real loader; returns it. */
  private String imported(String source, Path file, int exit, CliRunner.Run[] runs)
      throws IOException {
    Path out = dir.resolve(source + ".tickr.yml");
    CliRunner.Run run = cli.run("import", source, file.toString(), "-o", out.toString());
    runs[0] = run;
    assertThat(run.exitCode()).as(run.err()).isEqualTo(exit);
    String yaml = Files.readString(out);
    CliRunner.Run valid = cli.run("validate", "-c", out.toString());
    assertThat(valid.exitCode()).as(valid.err() + "\n" + yaml).isZero();
    return yaml;
  }

  @Test
  void a_gatus_config_keeps_what_means_the_same_and_reports_the_rest() throws IOException {
    CliRunner.Run[] run = new CliRunner.Run[1];
    String yaml = imported("gatus", resource(dir, "gatus-config.yaml"), 1, run);

    assertThat(yaml)
        .contains("url: \"${API_BASE}/health\"")
        .contains("- \"[BODY].status == UP\"")
        .contains("- \"[BODY] == pat(*female*)\"")
        .contains("Authorization: \"Bearer ${API_TOKEN}\"")
        .contains("body: \"{\\\"query\\\":")
        .contains("tags:\n      - core")
        .contains(
            "failure-threshold: 3\n    success-threshold: 2\n    alerts:\n      - slack\n      - pagerduty")
        .contains("type: tcp\n    url: \"tcp://db.internal:5432\"")
        .contains("type: tls\n    host: ldap.example.com\n    port: 636")
        .contains("type: dns\n    host: example.com\n    query-type: A\n    nameserver: 8.8.8.8")
        .contains("- \"[HEADER].X-Dns-Rcode == NOERROR\"")
        .contains(
            "type: heartbeat\n    period: 30m\n    grace: 0s\n    token: potato-potato-potato-potato")
        .contains("every:\n      - monday\n      - thursday\n    from: \"23:00\"")
        .contains(
            "from: \"07:30\"\n    duration: 40m\n    timezone: Europe/Berlin\n    monitors:\n      - website")
        .doesNotContain("icmp")
        .doesNotContain("DOMAIN_EXPIRATION");
    // [status] in small letters and a reversed condition mean [STATUS] == 200 in Gatus too; 0x10
    // is sixteen in both, and a duration compared with == is text in both once quoted
    assertThat(yaml)
        .contains(
            "name: odd-conditions\n    url: \"https://example.org/odd\"\n    conditions:\n"
                + "      - \"[BODY].count == 0x10\"\n"
                + "      - \"[BODY].ttl == \\\"2s\\\"\"\n"
                + "      - \"[STATUS] == 200\"\n"
                + "      - \"len([BODY]) > 10\"\n    paused: true");
    assertThat(run[0].err())
        .contains("not carried over: endpoints[0] core/api-health: alert slack: description")
        .contains(
            "alerts with different thresholds [3, 5]/[2]: Tickr has one per monitor, the lowest is used")
        .contains(
            "endpoints[1] core/website: condition \"[DOMAIN_EXPIRATION] > 720h\" left out: Tickr has no [DOMAIN_EXPIRATION] yet")
        .contains("endpoints[2] graphql: alert of type custom: Tickr has no such channel")
        .contains(
            "endpoints[5] example-dns-query: condition \"[BODY] == 93.184.215.14\" left out: Gatus's DNS [BODY] is the last record only")
        .contains("endpoints[6] ping-example: left out: Tickr has no icmp:// check")
        .contains("condition \"[BODY].price > 1.5\" left out: Gatus orders whole numbers only")
        .contains("external-endpoints[0] ext-ep-test: pushes must go to /ping/<token>")
        .contains("gatus-config.yaml: 8 monitors, 3 channels imported;");
  }

  @Test
  void an_imported_gatus_config_runs_and_its_monitors_go_up() throws Exception {
    try (TestHttpServer api = TestHttpServer.plain().json("/health", 200, "{\"status\":\"UP\"}")) {
      Path gatus =
          Files.writeString(
              dir.resolve("config.yaml"),
              """
              endpoints:
                - name: api
                  url: "${API_BASE}/health"
                  interval: 1s
                  conditions:
                    - "[STATUS] == 200"
                    - "[BODY].status == UP"
                - name: api-port
                  url: "tcp://127.0.0.1:%d"
                  interval: 1s
                  conditions: ["[CONNECTED] == true"]
              """
                  .formatted(api.port()));
      CliRunner.Run[] run = new CliRunner.Run[1];
      imported("gatus", gatus, 0, run);
      assertThat(run[0].err())
          .contains("2 monitors, 0 channels imported; 0 things not carried over");
      CliRunner local = new CliRunner(Map.of("API_BASE", "http://127.0.0.1:" + api.port()));
      Path data = dir.resolve("data");
      try (RunningDaemon tickr = local.start(dir.resolve("gatus.tickr.yml"), data)) {
        AlertingEndToEndTest.eventually(
            Duration.ofSeconds(30),
            () -> states(local, data).equals(Map.of("api", "UP", "api-port", "UP")),
            "both imported monitors UP in tickr status");
        assertThat(api.requests()).isNotEmpty();
        assertThat(tickr.stop().exitCode()).isZero();
      }
    }
  }

  private static Map<String, String> states(CliRunner cli, Path data) {
    CliRunner.Run status = cli.run("status", "--json", "--data", data.toString());
    Map<String, String> states = new java.util.TreeMap<>();
    for (JsonNode m : status.json().path("monitors")) {
      states.put(m.path("name").asText(), m.path("state").asText());
    }
    return states;
  }

  @Test
  void healthchecks_checks_become_heartbeats_that_keep_their_uuids_as_ping_tokens()
      throws Exception {
    CliRunner.Run[] run = new CliRunner.Run[1];
    String yaml = imported("healthchecks", resource(dir, "healthchecks-checks.json"), 1, run);

    assertThat(yaml)
        .contains(
            "name: \"Filesystem Backup\"\n    type: heartbeat\n    period: 1h\n    grace: 10m\n"
                + "    token: 31365bce-8da9-4729-8ff3-aaa71d56b712\n    tags:\n      - backup\n      - fs")
        .contains(
            "name: \"Database Backup\"\n    type: heartbeat\n    period: 1d\n    grace: 20m\n"
                + "    token: 803f680d-e89b-492b-82ef-2be7b774a92d")
        .contains(
            "name: \"Weekday report\"\n    type: heartbeat\n    period: 3d\n    grace: 1h\n"
                + "    token: \"0b4fca3c-a32c-4a2b-b7c0-fd66b7f44f83\"\n    paused: true")
        .doesNotContain("Month end");
    assertThat(run[0].err())
        .contains("check \"Filesystem Backup\": desc is not carried over")
        .contains("check \"Database Backup\": its integrations are not in the checks API")
        .contains(
            "check \"Weekday report\": schedule \"30 9 * * 1-5\" (Europe/Riga) runs at uneven gaps, from 1d to 3d")
        .contains("check \"Weekday report\": only POST pings counted")
        .contains(
            "check \"Month end\": left out: its schedule \"*-*~1 12:00\" is not a cron expression")
        .contains("3 monitors, 0 channels imported; 5 things not carried over");

    Path data = dir.resolve("data");
    try (RunningDaemon tickr = cli.start(dir.resolve("healthchecks.tickr.yml"), data);
        Browser browser = new Browser(tickr.port())) {
      assertThat(browser.get("/ping/31365bce-8da9-4729-8ff3-aaa71d56b712").statusCode())
          .isEqualTo(200);
      AlertingEndToEndTest.eventually(
          Duration.ofSeconds(30),
          () -> "UP".equals(states(cli, data).get("Filesystem Backup")),
          "the pinged heartbeat UP");
      assertThat(tickr.stop().exitCode()).isZero();
    }
  }

  @Test
  void a_file_that_is_not_the_named_source_is_refused_with_exit_2() throws IOException {
    Path notJson = Files.writeString(dir.resolve("x.json"), "endpoints: [", StandardCharsets.UTF_8);
    CliRunner.Run hc = cli.run("import", "healthchecks", notJson.toString());
    assertThat(hc.exitCode()).isEqualTo(2);
    assertThat(hc.err()).startsWith("import: " + notJson + ": not readable as JSON");
    assertThat(hc.out()).isEmpty();
    CliRunner.Run gatus =
        cli.run("import", "gatus", resource(dir, "healthchecks-checks.json").toString());
    assertThat(gatus.exitCode()).isEqualTo(2);
    assertThat(gatus.err()).contains("not a Gatus config (it has no endpoints)");
    CliRunner.Run unknown = cli.run("import", "nagios", notJson.toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown source \"nagios\"");
  }
}
