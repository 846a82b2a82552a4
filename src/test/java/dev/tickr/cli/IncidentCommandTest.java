package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.check.Reason;
import dev.tickr.incident.Evidence;
import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.store.MaintenanceMark;
import dev.tickr.store.MonitorRow;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tickr incident ack|list} and MAINTENANCE in {@code tickr status}, on a real store. */
class IncidentCommandTest {
  @TempDir Path dir;
  private final Instant now = Instant.now();
  private final CliRunner cli = new CliRunner(Map.of("USER", "ana"));

  @BeforeEach
  void data() {
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), Clock.systemUTC())) {
      store.upsertMonitors(
          List.of(
              new MonitorRow(
                  "postback", "http", "yaml", "https://x", Duration.ofSeconds(30), List.of()),
              new MonitorRow(
                  "reports", "http", "yaml", "https://y", Duration.ofSeconds(30), List.of())));
      Incident old =
          new Incident(
              1,
              "reports",
              now.minusSeconds(7200),
              now.minusSeconds(7000),
              Reason.DNS,
              "no host",
              Evidence.NONE);
      Incident open =
          new Incident(
              2,
              "postback",
              now.minusSeconds(600),
              null,
              Reason.HTTP_STATUS,
              "[STATUS] == 200 (actual 503)",
              Evidence.NONE);
      store.saveIncident(old);
      store.saveIncident(open);
      store.markMaintenance(1);
      store.saveStatus(
          new MonitorStatus(
              "postback", MonitorState.DOWN, open.startedAt(), 3, 0, null, null, open, now));
      store.saveStatus(
          new MonitorStatus(
              "reports", MonitorState.UP, now.minusSeconds(7000), 0, 1, null, null, null, now));
      store.replaceMaintenance(
          List.of(
              new MaintenanceMark(
                  "reports", "backup", now.minusSeconds(60), now.plusSeconds(3600))));
    }
  }

  @Test
  void acknowledges_an_incident_once_and_names_who_did() {
    CliRunner.Run first = cli.run("incident", "ack", "2", "--data", dir.toString());
    CliRunner.Run again = cli.run("incident", "ack", "2", "--data", dir.toString(), "--by", "ben");

    assertThat(first.exitCode()).isZero();
    assertThat(first.out())
        .isEqualTo("Incident #2 (postback) acknowledged by ana: reminders and escalation stop.\n");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out())
        .startsWith("Incident #2 (postback) was already acknowledged by ana at ");
    JsonNode listed =
        cli.run("incident", "list", "--data", dir.toString(), "--json").json().get("incidents");
    assertThat(listed.get(0).get("acknowledged_by").asText()).isEqualTo("ana");
  }

  @Test
  void an_unknown_incident_cannot_be_acknowledged() {
    CliRunner.Run run = cli.run("incident", "ack", "99", "--data", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no incident #99");
  }

  @Test
  void lists_incidents_newest_first_and_only_open_ones_with_open() {
    JsonNode all = cli.run("incident", "list", "--data", dir.toString(), "--json").json();
    JsonNode open =
        cli.run("incident", "list", "--data", dir.toString(), "--open", "--json").json();
    CliRunner.Run table = cli.run("incident", "list", "--data", dir.toString());

    assertThat(all.get("incidents")).hasSize(2);
    JsonNode first = all.get("incidents").get(0);
    assertThat(first.get("id").asLong()).isEqualTo(2);
    assertThat(first.get("ended_at").isNull()).isTrue();
    assertThat(first.get("acknowledged_at").isNull()).isTrue();
    JsonNode second = all.get("incidents").get(1);
    assertThat(second.get("duration_s").asLong()).isEqualTo(200);
    assertThat(second.get("maintenance").asBoolean()).isTrue();
    assertThat(open.get("incidents")).hasSize(1);
    assertThat(table.out())
        .startsWith("ID      MONITOR   STARTED")
        .contains("#2      postback")
        .contains("[maintenance] no host");
  }

  @Test
  void status_shows_a_monitor_in_a_maintenance_window_as_maintenance() {
    JsonNode monitors =
        cli.run("status", "--data", dir.toString(), "--json").json().get("monitors");

    assertThat(monitors.get(0).get("name").asText()).isEqualTo("postback");
    assertThat(monitors.get(0).get("state").asText()).isEqualTo("DOWN");
    assertThat(monitors.get(1).get("state").asText()).isEqualTo("MAINTENANCE");
    assertThat(Instant.parse(monitors.get(1).get("since").asText()))
        .isEqualTo(now.minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
  }

  @Test
  void needs_a_data_directory_with_tickr_data() {
    CliRunner.Run run = cli.run("incident", "list", "--data", dir.resolve("nope").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no Tickr data");
  }
}
