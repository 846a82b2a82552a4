package dev.tickr.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.bench.Soak.Kind;
import dev.tickr.bench.Soak.Life;
import dev.tickr.bench.Soak.Monitor;
import dev.tickr.bench.Soak.Served;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the soak found: Tickr's database against the targets' and the receiver's own records. */
record SoakReport(ObjectNode result) {

  /** An incident, implied by a target's log or found in Tickr's database; end 0 when open. */
  record Span(long start, long end) {}

  static SoakReport build(
      Soak.Settings s,
      Path db,
      List<Monitor> monitors,
      Soak.Targets targets,
      Soak.Receiver receiver,
      List<Life> lives,
      List<long[]> rss,
      int reloads)
      throws SQLException, IOException {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    long iv = s.intervalSeconds() * 1000L;
    long runEnd = lives.get(lives.size() - 1).ended();
    r.put("monitors", monitors.size())
        .put("minutes", s.minutes())
        .put("interval_s", s.intervalSeconds())
        .put("restarts_sigkill", lives.stream().filter(Life::killed).count())
        .put("reloads", reloads);
    ArrayNode starts = r.putArray("start_ms");
    for (Life l : lives) {
      starts.add(l.ready() - l.started());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro")) {
      incidents(r.putObject("incidents"), c, monitors, targets, runEnd - 2 * iv, iv);
      alerts(r.putObject("alerts"), c, receiver);
      lateness(r.putObject("lateness_ms"), c, lives, iv);
    }
    memory(r.putObject("rss_mib"), rss, lives);
    liveHeap(r.putObject("heap_after_gc_mib"), s.scratch(), lives.get(lives.size() - 1), rss);
    return new SoakReport(r);
  }

  private static void incidents(
      ObjectNode out,
      Connection c,
      List<Monitor> monitors,
      Soak.Targets targets,
      long settledBefore,
      long iv)
      throws SQLException {
    Map<String, List<Span>> found = new HashMap<>();
    try (Statement st = c.createStatement();
        ResultSet r =
            st.executeQuery(
                "SELECT monitor, started_at, coalesce(ended_at, 0) FROM incidents"
                    + " ORDER BY monitor, started_at")) {
      while (r.next()) {
        found
            .computeIfAbsent(r.getString(1), k -> new ArrayList<>())
            .add(new Span(r.getLong(2), r.getLong(3)));
      }
    }
    long expected = 0;
    long once = 0;
    long missing = 0;
    long duplicated = 0;
    long spurious = 0;
    long wrongEnd = 0;
    for (Monitor m : monitors) {
      List<Span> actual = found.getOrDefault(m.name(), List.of());
      if (m.kind() == Kind.FLAP) {
        List<Span> implied = implied(targets.served.getOrDefault(m.name(), List.of()));
        boolean[] used = new boolean[actual.size()];
        for (Span want : implied) {
          if (want.start() >= settledBefore) {
            continue; // decided in the last moments before the stop: may not be recorded yet
          }
          expected++;
          long until = want.end() == 0 ? Long.MAX_VALUE : want.end();
          int matches = 0;
          for (int i = 0; i < actual.size(); i++) {
            Span a = actual.get(i);
            if (!used[i] && a.start() >= want.start() - iv && a.start() <= until) {
              used[i] = true;
              matches++;
              if (want.end() != 0 && (a.end() == 0 || Math.abs(a.end() - want.end()) > 2 * iv)) {
                wrongEnd++;
              }
            }
          }
          if (matches == 0) {
            missing++;
          } else {
            once++;
            duplicated += matches - 1;
          }
        }
        for (int i = 0; i < used.length; i++) {
          if (!used[i] && actual.get(i).start() < settledBefore) {
            spurious++;
          }
        }
      } else if (m.kind().alwaysFails()) {
        expected++;
        if (actual.isEmpty()) {
          missing++;
        } else {
          once++;
          duplicated += actual.size() - 1;
        }
      } else {
        spurious += actual.size();
      }
    }
    long churn =
        found.entrySet().stream()
            .filter(e -> e.getKey().startsWith("churn-"))
            .mapToLong(e -> e.getValue().size())
            .sum();
    out.put("expected", expected)
        .put("found_exactly_once", once)
        .put("missing", missing)
        .put("duplicates", duplicated)
        .put("spurious", spurious + churn)
        .put("wrong_end", wrongEnd);
  }

  /**
   * The incidents a flapping target's log implies: runs of failure-threshold failures or more, from
   * the run's first failure (Tickr dates an incident from the first failed check) to the success
   * that ends it.
   */
  static List<Span> implied(List<Served> log) {
    List<Served> sorted;
    synchronized (log) {
      sorted = new ArrayList<>(log);
    }
    sorted.sort(Comparator.comparingLong(Served::at));
    List<Span> out = new ArrayList<>();
    int fails = 0;
    long firstFailure = -1;
    long openedAt = -1; // the run's first failure, once the run has reached the threshold
    for (Served one : sorted) {
      if (one.ok()) {
        fails = 0;
        if (openedAt >= 0) {
          out.add(new Span(openedAt, one.at()));
          openedAt = -1;
        }
      } else {
        if (fails++ == 0) {
          firstFailure = one.at();
        }
        if (fails == Soak.FAILURE_THRESHOLD && openedAt < 0) {
          openedAt = firstFailure;
        }
      }
    }
    if (openedAt >= 0) {
      out.add(new Span(openedAt, 0));
    }
    return out;
  }

  private static void alerts(ObjectNode out, Connection c, Soak.Receiver receiver)
      throws SQLException {
    Map<String, String> states = new HashMap<>();
    try (Statement st = c.createStatement();
        ResultSet r = st.executeQuery("SELECT id, state FROM outbox")) {
      while (r.next()) {
        states.put(r.getString(1), r.getString(2));
      }
    }
    long sent = 0;
    long received = 0;
    long lost = 0;
    long extra = 0;
    Map<String, Long> byState = new HashMap<>();
    for (Map.Entry<String, String> e : states.entrySet()) {
      byState.merge(e.getValue(), 1L, Long::sum);
      int times = receiver.byKey.getOrDefault(e.getKey(), 0);
      if (e.getValue().equals("sent")) {
        sent++;
        if (times == 0) {
          lost++;
        }
      }
      if (times > 0) {
        received++;
        extra += times - 1;
      }
    }
    long unknown = receiver.byKey.keySet().stream().filter(k -> !states.containsKey(k)).count();
    Set<Long> downAlerted = new HashSet<>();
    Set<Long> upAlerted = new HashSet<>();
    try (Statement st = c.createStatement();
        ResultSet r = st.executeQuery("SELECT incident_id, event FROM alerts")) {
      while (r.next()) {
        (r.getString(2).equals("down") ? downAlerted : upAlerted).add(r.getLong(1));
      }
    }
    long noDown = 0;
    long noUp = 0;
    try (Statement st = c.createStatement();
        ResultSet r = st.executeQuery("SELECT id, ended_at FROM incidents WHERE maintenance = 0")) {
      while (r.next()) {
        noDown += downAlerted.contains(r.getLong(1)) ? 0 : 1;
        r.getLong(2);
        if (!r.wasNull() && !upAlerted.contains(r.getLong(1))) {
          noUp++;
        }
      }
    }
    ObjectNode st = out.putObject("outbox_states");
    byState.forEach(st::put);
    out.put("outbox_sent", sent)
        .put("received_unique", received)
        .put("sent_not_received", lost)
        .put("received_more_than_once", extra)
        .put("received_unknown", unknown)
        .put("incidents_without_down_alert", noDown)
        .put("closed_incidents_without_up_alert", noUp);
  }

  /** Lateness of checks planned outside the restarts (start to ready, plus two intervals). */
  private static void lateness(ObjectNode out, Connection c, List<Life> lives, long iv)
      throws SQLException {
    List<long[]> excluded = new ArrayList<>();
    long previousEnd = lives.get(0).started();
    for (Life l : lives) {
      excluded.add(new long[] {Math.min(previousEnd, l.started()), l.ready() + 2 * iv});
      previousEnd = l.ended();
    }
    long[] late = new long[1 << 20];
    int n = 0;
    long skipped = 0;
    try (Statement st = c.createStatement();
        ResultSet r = st.executeQuery("SELECT planned_at, started_at - planned_at FROM results")) {
      while (r.next()) {
        long planned = r.getLong(1);
        boolean out1 = false;
        for (long[] w : excluded) {
          if (planned >= w[0] && planned < w[1]) {
            out1 = true;
            break;
          }
        }
        if (out1) {
          skipped++;
          continue;
        }
        if (n == late.length) {
          late = Arrays.copyOf(late, n * 2);
        }
        late[n++] = Math.max(0, r.getLong(2));
      }
    }
    long[] sorted = Arrays.copyOf(late, n);
    Arrays.sort(sorted);
    long over = Arrays.stream(sorted).filter(x -> x >= 200).count();
    out.put("checks", n)
        .put("checks_in_restarts_left_out", skipped)
        .put("p50", pct(sorted, 50))
        .put("p99", pct(sorted, 99))
        .put("p999", pct(sorted, 99.9))
        .put("max", n == 0 ? 0 : sorted[n - 1])
        .put("over_200", over);
  }

  private static long pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /**
   * RSS of the last process (the stretch without kills), after two minutes of warm-up: first and
   * last five-minute medians, the peak, and the least-squares slope in MiB per hour.
   */
  private static void memory(ObjectNode out, List<long[]> rss, List<Life> lives) {
    Life last = lives.get(lives.size() - 1);
    List<long[]> stretch = new ArrayList<>();
    for (long[] sample : rss) {
      if (sample[0] >= last.ready() + 120_000 && sample[0] <= last.ended() && sample[1] > 0) {
        stretch.add(sample);
      }
    }
    long peakAll = rss.stream().mapToLong(x -> x[1]).max().orElse(0);
    out.put("peak_any_process", peakAll / 1024);
    out.put("stretch_minutes", (last.ended() - last.ready() - 120_000) / 60_000);
    if (stretch.size() < 4) {
      return;
    }
    double kibPerMs = slope(stretch);
    long first = median(stretch, stretch.get(0)[0], stretch.get(0)[0] + 300_000);
    long lastT = stretch.get(stretch.size() - 1)[0];
    long end = median(stretch, lastT - 300_000, lastT + 1);
    out.put("first_5min_median", first / 1024)
        .put("last_5min_median", end / 1024)
        .put("peak", stretch.stream().mapToLong(x -> x[1]).max().orElse(0) / 1024)
        .put("slope_mib_per_hour", Math.round(kibPerMs * 3_600_000 / 1024 * 10) / 10.0);
    ArrayNode series = out.putArray("series_min_mib");
    for (long[] x : stretch) {
      series.addArray().add((x[0] - last.ready()) / 60_000.0).add(x[1] / 1024);
    }
  }

  /**
   * The heap left after each collection of the last process (its live data, which a leak makes
   * grow; RSS also grows while the JVM takes heap up to its maximum), from its {@code -Xlog:gc}
   * log: medians of its first and last five minutes after two minutes of warm-up, and the slope.
   */
  private static void liveHeap(ObjectNode out, Path scratch, Life last, List<long[]> rss)
      throws IOException {
    long pid = rss.isEmpty() ? -1 : rss.get(rss.size() - 1)[2];
    Path log = scratch.resolve("gc-" + pid + ".log");
    if (!Files.exists(log)) {
      return;
    }
    Pattern line = Pattern.compile("^\\[([0-9.]+)s\\].*\\d+[MK]->(\\d+)([MK])\\(");
    List<long[]> points = new ArrayList<>(); // {epoch ms, KiB}
    for (String l : Files.readAllLines(log)) {
      Matcher m = line.matcher(l);
      if (m.find()) {
        long at = last.started() + (long) (Double.parseDouble(m.group(1)) * 1000);
        long kib = Long.parseLong(m.group(2)) * (m.group(3).equals("M") ? 1024 : 1);
        if (at >= last.ready() + 120_000) {
          points.add(new long[] {at, kib});
        }
      }
    }
    out.put("collections", points.size());
    if (points.size() < 4) {
      return;
    }
    long first = median(points, points.get(0)[0], points.get(0)[0] + 300_000);
    long lastT = points.get(points.size() - 1)[0];
    out.put("first_5min_median", first / 1024)
        .put("last_5min_median", median(points, lastT - 300_000, lastT + 1) / 1024)
        .put("slope_mib_per_hour", Math.round(slope(points) * 3_600_000 / 1024 * 10) / 10.0);
  }

  /** The least-squares slope of {time ms, value} points, per millisecond. */
  private static double slope(List<long[]> points) {
    double n = points.size();
    double mx = points.stream().mapToDouble(x -> x[0]).sum() / n;
    double my = points.stream().mapToDouble(x -> x[1]).sum() / n;
    double sxy = 0;
    double sxx = 0;
    for (long[] x : points) {
      sxy += (x[0] - mx) * (x[1] - my);
      sxx += (x[0] - mx) * (x[0] - mx);
    }
    return sxx == 0 ? 0 : sxy / sxx;
  }

  private static long median(List<long[]> samples, long from, long to) {
    long[] v =
        samples.stream().filter(x -> x[0] >= from && x[0] < to).mapToLong(x -> x[1]).toArray();
    Arrays.sort(v);
    return v.length == 0 ? 0 : v[v.length / 2];
  }

  String json() {
    return result.toString();
  }

  String text() {
    ObjectNode i = (ObjectNode) result.get("incidents");
    ObjectNode a = (ObjectNode) result.get("alerts");
    ObjectNode l = (ObjectNode) result.get("lateness_ms");
    ObjectNode m = (ObjectNode) result.get("rss_mib");
    return String.format(
        Locale.ROOT,
        "incidents: %d expected, %d found exactly once, %d missing, %d duplicated, %d spurious,"
            + " %d ended at the wrong time%n"
            + "alerts: %d delivered per the outbox, %d received, %d not received, %d received"
            + " more than once, %d unknown; incidents without a down alert %d, closed without an"
            + " up alert %d%n"
            + "lateness outside restarts: %d checks, p50 %d ms, p99 %d ms, p99.9 %d ms, max %d ms,"
            + " %d >= 200 ms%n"
            + "RSS (last %s min without kills): first 5 min %s MiB, last 5 min %s MiB, peak %s MiB,"
            + " slope %s MiB/h; heap after GC: first 5 min %s MiB, last 5 min %s MiB, slope %s MiB/h;"
            + " restarts %s, reloads %s",
        i.get("expected").asLong(),
        i.get("found_exactly_once").asLong(),
        i.get("missing").asLong(),
        i.get("duplicates").asLong(),
        i.get("spurious").asLong(),
        i.get("wrong_end").asLong(),
        a.get("outbox_sent").asLong(),
        a.get("received_unique").asLong(),
        a.get("sent_not_received").asLong(),
        a.get("received_more_than_once").asLong(),
        a.get("received_unknown").asLong(),
        a.get("incidents_without_down_alert").asLong(),
        a.get("closed_incidents_without_up_alert").asLong(),
        l.get("checks").asLong(),
        l.get("p50").asLong(),
        l.get("p99").asLong(),
        l.get("p999").asLong(),
        l.get("max").asLong(),
        l.get("over_200").asLong(),
        m.path("stretch_minutes").asText(),
        m.path("first_5min_median").asText(),
        m.path("last_5min_median").asText(),
        m.path("peak").asText(),
        m.path("slope_mib_per_hour").asText(),
        result.path("heap_after_gc_mib").path("first_5min_median").asText(),
        result.path("heap_after_gc_mib").path("last_5min_median").asText(),
        result.path("heap_after_gc_mib").path("slope_mib_per_hour").asText(),
        result.get("restarts_sigkill").asText(),
        result.get("reloads").asText());
  }
}
