package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.affiliate.ImpactCsv;
import dev.tickr.check.Reason;
import dev.tickr.incident.Evidence;
import dev.tickr.incident.Incident;
import dev.tickr.schedule.Waiter;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickr report impact} end to end: a config file, incidents recorded in a real data
 * directory, the command line, its CSV read back as RFC 4180. Now is Monday 2026-12-07 12:00 UTC;
 * each number is worked out by hand beside its assertion.
 */
class ImpactReportCommandTest {
  static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  @TempDir Path dir;
  private Path data;
  private Path config;
  private final CliRunner cli =
      new CliRunner(Map.of(), Clock.fixed(NOW, ZoneOffset.UTC), Waiter::system);

  @BeforeEach
  void recorded() throws IOException {
    data = dir.resolve("data");
    config = dir.resolve("tickr.yml");
    Files.writeString(
        config,
        """
        server:
          public-url: https://tickr.example.com
        monitors:
          - name: pixel
            url: http://127.0.0.1:1/pixel
            revenue: {conversions-per-hour: 12, payout: 4.50, currency: EUR, claim-within: 88d}
          - name: postback
            url: http://127.0.0.1:1/postback
            revenue: {conversions-per-hour: 10, payout: 2.5, currency: EUR, claim-within: 5d}
          - name: checkout
            url: http://127.0.0.1:1/checkout
            metrics: {orders: "len([BODY].orders)"}
            revenue: {conversions-per-hour: orders, payout: 30, currency: USD}
          - name: plain
            url: http://127.0.0.1:1/plain
        maintenance:
          - name: nightly, "db"
            start: "2026-12-02T00:00:00Z"
            duration: 30m
            monitors: [pixel]
        """);
    try (SqliteStore store = SqliteStore.open(data, Retention.defaults(), Clock.systemUTC())) {
      store.saveIncident(incident(1, "pixel", "2026-12-01T23:30:00Z", "2026-12-02T01:30:00Z"));
      store.saveIncident(incident(2, "postback", "2026-12-03T10:00:00Z", "2026-12-03T12:00:00Z"));
      store.saveIncident(incident(3, "postback", "2026-12-03T11:00:00Z", "2026-12-03T13:00:00Z"));
      store.saveIncident(incident(4, "checkout", "2026-12-05T08:00:00Z", "2026-12-05T09:00:00Z"));
      store.saveIncident(incident(5, "plain", "2026-12-05T08:00:00Z", "2026-12-05T09:00:00Z"));
      store.saveIncident(incident(6, "pixel", "2026-10-01T08:00:00Z", "2026-10-01T09:00:00Z"));
    }
  }

  private static Incident incident(long id, String monitor, String start, String end) {
    return new Incident(
        id,
        monitor,
        Instant.parse(start),
        Instant.parse(end),
        id == 3 ? Reason.TIMEOUT : Reason.HTTP_STATUS,
        "[STATUS] == 200 (actual 503)",
        Evidence.NONE);
  }

  private CliRunner.Run report(String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("report", "impact", "--since", "30d", "--data", data.toString()));
    args.addAll(List.of("-c", config.toString()));
    args.addAll(List.of(more));
    return cli.run(args.toArray(String[]::new));
  }

  @Test
  void the_csv_has_one_row_per_window_ready_for_a_claim() {
    CliRunner.Run run = report("--format", "csv");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<List<String>> rows = Rfc4180.parse(run.out());
    assertThat(rows.get(0)).isEqualTo(ImpactCsv.COLUMNS);
    assertThat(rows).hasSize(4); // pixel, postback (two incidents, one window), checkout
    Map<String, String> pixel = row(rows, 1);
    Map<String, String> postback = row(rows, 2);
    Map<String, String> checkout = row(rows, 3);

    // Over midnight, 2 h; the maintenance takes 30m: 1.5 h × 12/h = 18 orders × 4.50 = 81.00.
    assertThat(pixel)
        .containsEntry("monitor", "pixel")
        .containsEntry("incidents", "1")
        .containsEntry("window_start_utc", "2026-12-01 23:30:00")
        .containsEntry("window_end_utc", "2026-12-02 01:30:00")
        .containsEntry("duration_minutes", "120")
        .containsEntry("counted_minutes", "90")
        .containsEntry("expected_orders", "18")
        .containsEntry("average_payout", "4.50")
        .containsEntry("expected_amount", "81.00")
        .containsEntry("currency", "EUR")
        .containsEntry("claim_deadline_utc", "2027-02-27 23:30:00")
        .containsEntry("days_to_claim_deadline", "82")
        .containsEntry("claim_warning", "")
        .containsEntry("evidence_url", "https://tickr.example.com/monitors/pixel#incident-1")
        .containsEntry(
            "notes",
            "maintenance \"nightly, \"db\"\" 2026-12-02 00:00–00:30 UTC not counted (30m)");
    // 10:00-12:00 and 11:00-13:00: one window of 3 h × 10/h = 30 orders × 2.50 = 75.00; claim by
    // 2026-12-08 10:00, 22 hours from now.
    assertThat(postback)
        .containsEntry("incidents", "2 3")
        .containsEntry("reason", "http-status timeout")
        .containsEntry("duration_minutes", "180")
        .containsEntry("expected_orders", "30")
        .containsEntry("expected_amount", "75.00")
        .containsEntry("days_to_claim_deadline", "0")
        .containsEntry("claim_warning", "claim soon");
    assertThat(checkout)
        .containsEntry("expected_orders", "")
        .containsEntry("expected_amount", "")
        .containsEntry("currency", "USD");
    assertThat(checkout.get("method"))
        .isEqualTo(
            "no estimate: too little history of metric orders of monitor checkout: 0 of the 4"
                + " previous weeks have data for these hours, at least 2 needed");
  }

  @Test
  void the_text_warns_of_a_close_claim_deadline_and_totals_per_currency() {
    CliRunner.Run run = report();

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("Outage impact, 2026-11-07 12:00 UTC to 2026-12-07 12:00 UTC\n")
        .contains("Revenue-relevant monitors: checkout, pixel, postback\n")
        .contains("pixel  #1  2026-12-01 23:30–2026-12-02 01:30 UTC  2h  http-status\n")
        .contains("  commission at risk: 81.00 EUR\n")
        .contains("Total at risk: 156.00 EUR\n")
        .contains("3 windows, 1 without an estimate (see each for why)\n")
        .contains(
            "WARNING: postback #2 (2026-12-03 10:00–13:00 UTC) must be claimed by 2026-12-08"
                + " 10:00 UTC: 0 days left\n");
  }

  @Test
  void json_and_one_monitor() {
    JsonNode json = report("--format", "json", "--monitor", "postback").json();

    assertThat(json.get("monitors")).hasSize(1);
    assertThat(json.get("windows")).hasSize(1);
    JsonNode w = json.get("windows").get(0);
    assertThat(w.get("incidents").toString()).isEqualTo("[2,3]");
    assertThat(w.get("estimate").get("amount").decimalValue()).isEqualByComparingTo("75.00");
    assertThat(w.get("claim").get("warn").asBoolean()).isTrue();
    assertThat(json.get("totals").get(0).get("currency").asText()).isEqualTo("EUR");
  }

  @Test
  void bad_flags_are_usage_errors_that_name_the_flag() {
    CliRunner.Run soon =
        cli.run(
            "report",
            "impact",
            "--since",
            "soon",
            "--data",
            data.toString(),
            "-c",
            config.toString());
    assertThat(soon.exitCode()).isEqualTo(2);
    assertThat(soon.err()).contains("--since: a duration like 30d or 12h, got \"soon\"");
    assertThat(report("--format", "xml").exitCode()).isEqualTo(2);
    CliRunner.Run plain = report("--monitor", "plain");
    assertThat(plain.exitCode()).isEqualTo(2);
    assertThat(plain.err()).contains("--monitor: no revenue-relevant monitor \"plain\"");
  }

  private static Map<String, String> row(List<List<String>> rows, int i) {
    Map<String, String> out = new HashMap<>();
    for (int c = 0; c < rows.get(0).size(); c++) {
      out.put(rows.get(0).get(c), rows.get(i).get(c));
    }
    return out;
  }
}
