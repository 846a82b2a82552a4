package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickr import uptime-kuma} on a 1.23 JSON backup and on a {@code kuma.db} made with the
 * tables Uptime Kuma 1.23.16 creates: the result passes {@code tickr validate}, and what Kuma had
 * that Tickr has not is reported.
 */
class KumaImportTest {
  @TempDir Path dir;

  private final CliRunner cli = new CliRunner();

  private CliRunner.Run imported(Path file) throws IOException {
    Path out = dir.resolve("kuma.tickr.yml");
    CliRunner.Run run = cli.run("import", "uptime-kuma", file.toString(), "-o", out.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    CliRunner.Run valid = cli.run("validate", "-c", out.toString());
    assertThat(valid.exitCode()).as(valid.err() + "\n" + Files.readString(out)).isZero();
    return new CliRunner.Run(run.exitCode(), Files.readString(out), run.err());
  }

  /** Either Tickr took the option (its http type has the key) or the report says it did not. */
  private static void carriedOrReported(CliRunner.Run run, String yaml, String report) {
    assertThat(run.out().contains(yaml) || run.err().contains(report))
        .as(run.out() + run.err())
        .isTrue();
  }

  @Test
  void a_json_backup_of_kuma_1_23_becomes_a_valid_config() throws IOException {
    CliRunner.Run run = imported(ImportCommandTest.resource(dir, "kuma-backup-1.23.json"));

    assertThat(run.out())
        .contains(
            "  - name: \"API health\"\n    url: \"https://api.example.com/health\"\n"
                + "    headers:\n      Accept: application/json\n      X-Api-Key: k-123\n"
                + "    auth:\n      basic:\n        username: monitor\n        password: s3cret\n")
        .contains("- \"[STATUS] == any(200, 201, 202,")
        .contains(
            ", 299, 301)\"\n    interval: 30s\n    timeout: 24s\n    failure-threshold: 3\n"
                + "    alerts:\n      - \"Ops Slack\"\n      - \"On-call mail\"\n"
                + "    tags:\n      - Production\n      - \"region:eu\"")
        .contains("- \"[BODY] == pat(\\\"*Add to cart*\\\")\"")
        .contains("method: POST\n    body: \"{\\\"probe\\\": true}\"")
        .contains("- \"[BODY].data.state == \\\"open\\\"\"")
        .contains("type: tcp\n    host: db.internal\n    port: 5432")
        .contains(
            "type: dns\n    host: example.com\n    query-type: MX\n    nameserver: 1.1.1.1\n"
                + "    conditions:\n      - \"len([BODY]) > 0\"")
        .contains(
            "type: heartbeat\n    period: 1d\n    grace: 10m\n    token: Xq3v9Lr2Ttp0AbCdEfGhIjKlMnOpQrSt\n"
                + "    failure-threshold: 1")
        .contains("name: \"Paused site\"")
        .contains("    type: email\n    host: smtp.example.com\n    port: 465\n    security: tls\n")
        .contains("to:\n      - oncall@example.com\n      - ops@example.com")
        .doesNotContain("Router")
        .doesNotContain("Matrix");
    carriedOrReported(
        run, "insecure: true", "monitor \"API health\": insecure is not carried over");
    carriedOrReported(
        run,
        "follow-redirects: false",
        "monitor \"API health\": follow-redirects is not carried over");
    assertThat(run.err())
        .contains("monitor \"Production\": a group: its members carry its name as a tag")
        .contains("monitor \"API health\": retries every 20s are not carried over")
        .contains("monitor \"Shop\": its description is not carried over")
        .contains("monitor \"Old cron\": its push token is shorter than Tickr's 22 characters")
        .contains("monitor \"Nightly backup\": pushes must go to /ping/<token>")
        .contains("monitor \"Router\": left out: Tickr has no ping check (no ICMP;")
        .contains("monitor \"Containers\": left out: Tickr has no docker check")
        .contains("monitor \"Inverted\": left out: upside-down mode")
        .contains("notification \"Ops Slack\": settings [slackchannel] are not carried over")
        .contains("notification \"Matrix room\": left out: Tickr has no matrix channel");
  }

  @Test
  void a_kuma_db_with_kumas_own_tables_becomes_a_valid_config_with_its_status_page()
      throws IOException, SQLException {
    Path db = dir.resolve("kuma.db");
    String schema =
        new String(
            Objects.requireNonNull(getClass().getResourceAsStream("/importer/kuma-1.23-schema.sql"))
                .readAllBytes(),
            StandardCharsets.UTF_8);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      for (String sql : (schema.replaceAll("(?m)^--.*$", "") + INSERTS).split(";\\s*\n")) {
        if (!sql.isBlank()) {
          s.execute(sql);
        }
      }
    }

    CliRunner.Run run = imported(db);

    assertThat(run.out())
        .contains("  - name: \"API health\"\n    url: \"https://api.example.com/health\"\n")
        .contains("    auth:\n      basic:\n        username: monitor\n        password: s3cret\n")
        .contains(
            "    failure-threshold: 3\n    alerts:\n      - \"Ops Slack\"\n      - Pager\n"
                + "    tags:\n      - Production\n      - \"team:payments\"")
        .contains(
            "- \"[STATUS] >= 200\"\n      - \"[STATUS] <= 299\"\n      - \"[BODY] != pat(\\\"*Add to cart*\\\")\"")
        .contains(
            "type: dns\n    host: example.com\n    query-type: AAAA\n    nameserver: \"1.1.1.1:5353\"")
        .contains(
            "type: heartbeat\n    period: 1d\n    grace: 10m\n    token: Xq3v9Lr2Ttp0AbCdEfGhIjKlMnOpQrSt")
        .contains("type: tcp\n    host: db.internal\n    port: 5432\n")
        .contains("    paused: true\n")
        .contains(
            "  - name: Pager\n    type: pagerduty\n    routing-key: R0UTINGKEY0000000000000000000000\n    severity: critical")
        .contains(
            "  - name: Hook\n    type: webhook\n    url: \"https://hooks.example.com/kuma\"\n"
                + "    headers:\n      X-Token: abc")
        .contains(
            "status-pages:\n  - slug: public\n    title: \"Public status\"\n"
                + "    monitors:\n      - \"API health\"\n      - Shop\n      - Resolver\n"
                + "    groups:\n      - name: Services\n        monitors:\n          - \"API health\"\n"
                + "          - Shop\n      - name: Infra\n        monitors:\n          - Resolver");
    carriedOrReported(
        run,
        "proxy: \"http://u:p@proxy.internal:3128\"",
        "monitor \"API health\": proxy is not carried over");
    assertThat(run.err())
        .contains("monitor \"DB\": left out: Tickr has no mysql check")
        .contains("notification \"Hook\": Tickr's webhook posts its own JSON")
        .contains("kuma.db: 5 monitors, 3 channels imported;");
  }

  private static final String INSERTS =
      """
      INSERT INTO monitor (id, name, user_id, type, url, interval, maxretries) VALUES (1, 'Production', 1, 'group', NULL, 60, 0);
      INSERT INTO monitor (id, name, user_id, type, url, interval, retry_interval, maxretries, timeout, accepted_statuscodes_json, ignore_tls, maxredirects, headers, auth_method, basic_auth_user, basic_auth_pass, proxy_id, parent)
        VALUES (2, 'API health', 1, 'http', 'https://api.example.com/health', 30, 20, 2, 24, '["200-299"]', 1, 0, '{"Accept": "application/json"}', 'basic', 'monitor', 's3cret', 1, 1);
      INSERT INTO monitor (id, name, user_id, type, url, interval, keyword, invert_keyword, parent, timeout) VALUES (3, 'Shop', 1, 'keyword', 'https://shop.example.com/', 60, 'Add to cart', 1, 1, 48);
      INSERT INTO monitor (id, name, user_id, type, hostname, port, dns_resolve_type, dns_resolve_server, interval) VALUES (4, 'Resolver', 1, 'dns', 'example.com', 5353, 'AAAA', '1.1.1.1', 60);
      INSERT INTO monitor (id, name, user_id, type, interval, retry_interval, maxretries, push_token) VALUES (5, 'Nightly backup', 1, 'push', 86400, 600, 1, 'Xq3v9Lr2Ttp0AbCdEfGhIjKlMnOpQrSt');
      INSERT INTO monitor (id, name, user_id, type, database_connection_string, database_query, interval) VALUES (6, 'DB', 1, 'mysql', 'mysql://u:p@db:3306/shop', 'SELECT 1', 60);
      INSERT INTO monitor (id, name, user_id, type, hostname, port, interval, active) VALUES (7, 'Postgres', 1, 'port', 'db.internal', 5432, 60, 0);
      INSERT INTO notification (id, name, active, user_id, is_default, config) VALUES (1, 'Ops Slack', 1, 1, 0, '{"name":"Ops Slack","type":"slack","isDefault":false,"slackwebhookURL":"https://hooks.slack.com/services/T000/B000/XXXX"}');
      INSERT INTO notification (id, name, active, user_id, is_default, config) VALUES (2, 'Pager', 1, 1, 0, '{"name":"Pager","type":"PagerDuty","pagerdutyIntegrationKey":"R0UTINGKEY0000000000000000000000","pagerdutyPriority":"critical"}');
      INSERT INTO notification (id, name, active, user_id, is_default, config) VALUES (3, 'Hook', 1, 1, 0, '{"name":"Hook","type":"webhook","webhookURL":"https://hooks.example.com/kuma","webhookContentType":"json","webhookAdditionalHeaders":"{\\"X-Token\\": \\"abc\\"}"}');
      INSERT INTO monitor_notification (id, monitor_id, notification_id) VALUES (1, 2, 1), (2, 2, 2), (3, 3, 3);
      INSERT INTO tag (id, name, color) VALUES (1, 'team', '#2563EB');
      INSERT INTO monitor_tag (monitor_id, tag_id, value) VALUES (2, 1, 'payments');
      INSERT INTO proxy (id, user_id, protocol, host, port, auth, username, password) VALUES (1, 1, 'http', 'proxy.internal', 3128, 1, 'u', 'p');
      INSERT INTO status_page (id, slug, title, icon, theme) VALUES (1, 'public', 'Public status', '/icon.svg', 'light');
      INSERT INTO `group` (id, name, public, weight, status_page_id) VALUES (1, 'Services', 1, 1, 1), (2, 'Infra', 1, 2, 1);
      INSERT INTO monitor_group (monitor_id, group_id, weight) VALUES (2, 1, 1), (3, 1, 2), (4, 2, 1);
      """;
}
