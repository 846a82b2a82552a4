package dev.tickr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.Tickr;
import dev.tickr.incident.Incident;
import dev.tickr.store.IncidentRow;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import dev.tickr.store.Store;
import dev.tickr.time.Durations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tickr incident ack|list}: acknowledge an incident (its reminders and escalation stop) and
 * list incidents. Both work while the daemon runs: they use the data directory directly.
 */
@Command(
    name = "incident",
    mixinStandardHelpOptions = true,
    description = "Acknowledge and list incidents (works while `tickr run` is running).")
final class IncidentCommand {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final Tickr tickr;

  @Spec picocli.CommandLine.Model.@Nullable CommandSpec spec;

  IncidentCommand(Tickr tickr) {
    this.tickr = tickr;
  }

  @Command(
      name = "ack",
      mixinStandardHelpOptions = true,
      description = "Acknowledge an incident: renotify and escalation stop; its UP still goes out.",
      footer = {"", "Exit codes: 0 acknowledged (now or before), 1 no such incident, 2 usage."})
  int ack(
      @Parameters(paramLabel = "ID", description = "The incident's number.") long id,
      @Mixin DataOptions data,
      @Option(
              names = "--by",
              paramLabel = "NAME",
              description = "Who acknowledges (default: $USER).")
          @Nullable String by) {
    Path dir = data.dir(tickr);
    String who = by != null && !by.isBlank() ? by.strip() : user();
    PrintWriter out = out();
    try (Store store = SqliteStore.open(dir, Retention.defaults(), tickr.clock())) {
      Optional<IncidentRow> row = store.incidentRow(id);
      if (row.isEmpty()) {
        err().println("incident ack: no incident #" + id + " in " + dir);
        return 1;
      }
      Incident incident = row.get().incident();
      if (store.acknowledge(id, tickr.clock().instant(), who)) {
        out.printf(
            "Incident #%d (%s) acknowledged by %s: reminders and escalation stop.%n",
            id, incident.monitor(), who);
      } else {
        IncidentRow before = store.incidentRow(id).orElse(row.get());
        Instant at = before.acknowledgedAt();
        out.printf(
            "Incident #%d (%s) was already acknowledged by %s at %s.%n",
            id,
            incident.monitor(),
            before.acknowledgedBy(),
            at == null ? "?" : TIME.format(at) + " UTC");
      }
      if (!incident.open()) {
        out.println("It is resolved already.");
      }
    }
    out.flush();
    return 0;
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List incidents, newest first.")
  int list(
      @Mixin DataOptions data,
      @Option(names = "--open", description = "Only incidents not resolved yet.") boolean open,
      @Option(
              names = "--limit",
              paramLabel = "N",
              defaultValue = "50",
              description = "At most this many (default 50).")
          int limit,
      @Option(names = "--json", description = "Print one JSON object.") boolean json) {
    if (limit < 1) {
      throw new UsageException("--limit must be at least 1, got " + limit);
    }
    Path dir = data.dir(tickr);
    List<IncidentRow> rows;
    try (Store store = SqliteStore.openReadOnly(dir)) {
      rows = store.incidentRows(open, limit);
    }
    PrintWriter out = out();
    out.print(json ? json(rows) + "\n" : table(rows, tickr.clock().instant()));
    out.flush();
    return 0;
  }

  private static String table(List<IncidentRow> rows, Instant now) {
    if (rows.isEmpty()) {
      return "No incidents.\n";
    }
    int width =
        Math.max(7, rows.stream().mapToInt(r -> r.incident().monitor().length()).max().orElse(7));
    String format = "%-6s  %-" + width + "s  %-19s  %-9s  %-13s  %-12s  %s%n";
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT, format, "ID", "MONITOR", "STARTED", "LASTED", "REASON", "ACK", "DETAIL"));
    for (IncidentRow r : rows) {
      Incident i = r.incident();
      Instant end = i.endedAt();
      String lasted = Durations.format(Duration.between(i.startedAt(), end == null ? now : end));
      String ack = r.acknowledgedBy();
      out.append(
          String.format(
              Locale.ROOT,
              format,
              "#" + i.id(),
              i.monitor(),
              TIME.format(i.startedAt()),
              end == null ? lasted + "+" : lasted,
              i.reason().code(),
              ack == null ? "-" : ack,
              (r.maintenance() ? "[maintenance] " : "") + i.detail()));
    }
    return out.toString();
  }

  private static String json(List<IncidentRow> rows) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode incidents = root.putArray("incidents");
    for (IncidentRow r : rows) {
      Incident i = r.incident();
      ObjectNode n = incidents.addObject();
      n.put("id", i.id());
      n.put("monitor", i.monitor());
      n.put("started_at", i.startedAt().toString());
      Instant ended = i.endedAt();
      n.put("ended_at", ended == null ? null : ended.toString());
      Duration d = i.duration();
      n.put("duration_s", d == null ? null : d.toSeconds());
      n.put("reason", i.reason().code());
      n.put("detail", i.detail());
      Instant ackAt = r.acknowledgedAt();
      n.put("acknowledged_at", ackAt == null ? null : ackAt.toString());
      n.put("acknowledged_by", r.acknowledgedBy());
      n.put("maintenance", r.maintenance());
    }
    return root.toString();
  }

  private String user() {
    String user = tickr.environment().get("USER");
    if (user == null || user.isBlank()) {
      user = tickr.environment().get("USERNAME");
    }
    return user == null || user.isBlank() ? "cli" : user;
  }

  private PrintWriter out() {
    return commandSpec().commandLine().getOut();
  }

  private PrintWriter err() {
    return commandSpec().commandLine().getErr();
  }

  private picocli.CommandLine.Model.CommandSpec commandSpec() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    return spec;
  }
}
