package dev.tickr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.Tickr;
import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.incident.ShownState;
import dev.tickr.store.HeartbeatToken;
import dev.tickr.store.MaintenanceMark;
import dev.tickr.store.MonitorRow;
import dev.tickr.store.SqliteStore;
import dev.tickr.store.Store;
import dev.tickr.store.Uptime;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tickr status}: every monitor's state and figures, read from the data directory. A monitor
 * inside a maintenance window shows as MAINTENANCE, since the window began (unless it is paused).
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show each monitor's state, open incident, uptime and p95 (works while running).")
final class StatusCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final Tickr tickr;

  @Spec picocli.CommandLine.Model.@Nullable CommandSpec spec;

  @Mixin DataOptions dataOptions = new DataOptions();

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  StatusCommand(Tickr tickr) {
    this.tickr = tickr;
  }

  /** One monitor's line, gathered once for both outputs. */
  private record Line(
      String name,
      MonitorState state,
      @Nullable Instant since,
      @Nullable Instant lastCheck,
      @Nullable Incident incident,
      Uptime day,
      Uptime month) {}

  @Override
  public Integer call() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    Path data = dataOptions.dir(tickr);
    List<Line> lines = new ArrayList<>();
    Map<String, String> pingPaths = new TreeMap<>();
    Instant now = tickr.clock().instant();
    try (Store store = SqliteStore.openReadOnly(data)) {
      Map<String, MonitorStatus> statuses = store.loadStatuses();
      Map<String, MaintenanceMark> maintenance = store.maintenance();
      Map<String, Instant> lastChecks = store.lastChecks();
      Map<String, Uptime> day = store.uptimes(now.minus(Duration.ofHours(24)), now);
      Map<String, Uptime> month = store.uptimes(now.minus(Duration.ofDays(30)), now);
      Map<String, HeartbeatToken> tokens = store.heartbeatTokens();
      PingTokens pingTokens = new PingTokens(tickr.environment(), data);
      for (MonitorRow row : store.monitors()) {
        HeartbeatToken token = tokens.get(row.name());
        if (token != null && pushed(row.type())) {
          pingPaths.put(row.name(), pingTokens.path(token));
        }
        MonitorStatus s = statuses.get(row.name());
        MaintenanceMark mark = maintenance.get(row.name());
        ShownState shown = ShownState.of(s, mark == null ? null : mark.window(), now);
        MonitorState state = shown.state();
        Instant since = shown.since();
        lines.add(
            new Line(
                row.name(),
                state,
                since,
                lastChecks.get(row.name()),
                s == null ? null : s.incident(),
                day.getOrDefault(row.name(), Uptime.NONE),
                month.getOrDefault(row.name(), Uptime.NONE)));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? json(lines) + "\n" : table(lines) + pingUrls(pingPaths));
    out.flush();
    return 0;
  }

  private static String table(List<Line> lines) {
    if (lines.isEmpty()) {
      return "No monitors yet.\n";
    }
    int width = Math.max(7, lines.stream().mapToInt(l -> l.name().length()).max().orElse(7));
    String format = "%-" + width + "s  %-11s  %-19s  %-19s  %8s  %8s  %8s  %s%n";
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            format,
            "MONITOR",
            "STATE",
            "SINCE",
            "LAST CHECK",
            "UP 24H",
            "UP 30D",
            "P95",
            "INCIDENT"));
    for (Line l : lines) {
      Incident i = l.incident();
      Duration p95 = l.day().p95();
      out.append(
          String.format(
              Locale.ROOT,
              format,
              l.name(),
              l.state(),
              l.since() == null ? "-" : TIME.format(l.since()),
              l.lastCheck() == null ? "-" : TIME.format(l.lastCheck()),
              percent(l.day()),
              percent(l.month()),
              p95 == null ? "-" : p95.toMillis() + "ms",
              i == null ? "" : "#" + i.id() + " " + i.reason() + ": " + i.detail()));
    }
    return out.toString();
  }

  /**
   * Where each heartbeat is pinged. The token is its only secret: shown here, to whoever may read
   * the data directory, and nowhere else.
   */
  private static String pingUrls(Map<String, String> paths) {
    if (paths.isEmpty()) {
      return "";
    }
    int width = Math.max(9, paths.keySet().stream().mapToInt(String::length).max().orElse(9));
    StringBuilder out = new StringBuilder("\n");
    String format = "%-" + width + "s  %s%n";
    out.append(String.format(Locale.ROOT, format, "HEARTBEAT", "PING URL PATH (secret)"));
    paths.forEach((name, path) -> out.append(String.format(Locale.ROOT, format, name, path)));
    return out.toString();
  }

  private static String percent(Uptime u) {
    return Double.isNaN(u.ratio()) ? "-" : String.format(Locale.ROOT, "%.2f%%", u.ratio() * 100);
  }

  private static String json(List<Line> lines) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode monitors = root.putArray("monitors");
    for (Line l : lines) {
      ObjectNode m = monitors.addObject();
      m.put("name", l.name());
      m.put("state", l.state().name());
      putTime(m, "since", l.since());
      putTime(m, "last_check", l.lastCheck());
      Incident i = l.incident();
      if (i == null) {
        m.putNull("incident");
      } else {
        ObjectNode incident = m.putObject("incident");
        incident.put("id", i.id());
        incident.put("started_at", i.startedAt().toString());
        incident.put("reason", i.reason().code());
      }
      ObjectNode uptime = m.putObject("uptime");
      putPercent(uptime, "24h", l.day());
      putPercent(uptime, "30d", l.month());
      Duration p95 = l.day().p95();
      if (p95 == null) {
        m.putNull("p95_ms");
      } else {
        m.put(
            "p95_ms",
            BigDecimal.valueOf(p95.toNanos()).movePointLeft(6).setScale(1, RoundingMode.HALF_UP));
      }
    }
    return root.toString();
  }

  private static void putTime(ObjectNode node, String field, @Nullable Instant t) {
    if (t == null) {
      node.putNull(field);
    } else {
      node.put(field, t.toString());
    }
  }

  /** Uptime in percent (99.95), or null when there were no checks in the window. */
  private static void putPercent(ObjectNode node, String field, Uptime u) {
    if (Double.isNaN(u.ratio())) {
      node.putNull(field);
    } else {
      node.put(field, BigDecimal.valueOf(u.ratio() * 100).setScale(3, RoundingMode.HALF_UP));
    }
  }

  /** Whether monitors of the type the store names are pushed to (heartbeats), not probed. */
  private boolean pushed(String type) {
    return tickr.types().definitions().find(type).map(t -> t.pushed()).orElse(false);
  }
}
