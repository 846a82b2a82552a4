package dev.tickr.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code tickr import healthchecks FILE}: the checks of Healthchecks's API ({@code GET
 * /api/v3/checks/}) as heartbeat monitors. A check keeps its UUID as its ping token, so a job that
 * pinged {@code https://hc-ping.com/<uuid>} pings {@code <tickr>/ping/<uuid>}.
 */
public final class HealthchecksImport {
  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F-]{36}");

  public Imported read(Path file) throws ImportException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new ImportException(file + ": not readable as JSON: " + e.getMessage(), e);
    }
    JsonNode checks = root == null ? null : root.isArray() ? root : root.get("checks");
    if (checks == null && root != null && root.has("timeout") && root.has("name")) {
      checks = new ObjectMapper().createArrayNode().add(root);
    }
    if (checks == null || !checks.isArray()) {
      throw new ImportException(file + ": not a Healthchecks API answer (no \"checks\" list)");
    }
    Draft out = new Draft();
    for (JsonNode check : checks) {
      check(check, out);
    }
    return out.finish(
        "Imported from the Healthchecks checks in " + file.getFileName() + " by tickr import");
  }

  private static void check(JsonNode c, Draft out) {
    String name = first(c, "name", "slug", "uuid", "unique_key");
    String where = "check \"" + name + "\"";
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "");
    m.put("type", "heartbeat");
    String schedule = text(c, "schedule");
    if (schedule != null) {
      CronGaps.Gaps gaps = CronGaps.of(schedule);
      if (gaps == null) {
        out.lost(
            where,
            "left out: its schedule \""
                + schedule
                + "\" is not a cron expression"
                + " Tickr can turn into a period (OnCalendar, L, W and # are not read)");
        return;
      }
      m.put("period", Draft.seconds(gaps.longest().toSeconds()));
      if (!gaps.even()) {
        out.lost(
            where,
            "schedule \""
                + schedule
                + "\" ("
                + Objects.requireNonNullElse(text(c, "tz"), "UTC")
                + ") runs at uneven gaps, from "
                + Draft.seconds(gaps.shortest().toSeconds())
                + " to "
                + Draft.seconds(gaps.longest().toSeconds())
                + ": a Tickr heartbeat has one period,"
                + " the longest, so a missed run may be noticed later than Healthchecks would");
      }
    } else {
      m.put("period", Draft.seconds(c.path("timeout").asLong(86_400)));
    }
    m.put("grace", Draft.seconds(c.path("grace").asLong(3600)));
    String uuid = text(c, "uuid");
    if (uuid == null) {
      String ping = text(c, "ping_url");
      uuid = ping == null ? null : ping.substring(ping.lastIndexOf('/') + 1);
    }
    if (uuid != null && UUID.matcher(uuid).matches()) {
      m.put("token", uuid);
    } else {
      out.lost(where, "no UUID (a read-only API key leaves it out): Tickr makes a new ping URL");
    }
    String tags = text(c, "tags");
    if (tags != null && !tags.isBlank()) {
      m.put("tags", List.of(tags.strip().split("\\s+")));
    }
    if ("paused".equals(text(c, "status"))) {
      m.put("paused", true);
      if (!c.path("manual_resume").asBoolean(false)) {
        out.lost(where, "paused: in Tickr a ping does not resume it");
      }
    }
    m.put("name", out.monitorName(name));
    lost(c, where, out);
    out.monitor(m);
  }

  private static void lost(JsonNode c, String where, Draft out) {
    if (text(c, "desc") != null) {
      out.lost(where, "desc is not carried over: Tickr monitors have no description");
    }
    if ("POST".equalsIgnoreCase(text(c, "methods"))) {
      out.lost(where, "only POST pings counted: Tickr takes GET, HEAD and POST");
    }
    List<String> keywords = new ArrayList<>();
    for (String kw : List.of("start_kw", "success_kw", "failure_kw")) {
      if (text(c, kw) != null) {
        keywords.add(kw);
      }
    }
    if (!keywords.isEmpty()
        && (c.path("filter_subject").asBoolean()
            || c.path("filter_body").asBoolean()
            || c.path("filter_http_body").asBoolean())) {
      out.lost(
          where,
          "keyword filters "
              + keywords
              + " are not carried over: Tickr reads the"
              + " outcome from the ping URL (/start, /fail, /<exit-code>)");
    }
    if (text(c, "channels") != null) {
      out.lost(where, "its integrations are not in the checks API: add channels and alerts");
    }
  }

  private static String first(JsonNode c, String... fields) {
    for (String f : fields) {
      String v = text(c, f);
      if (v != null) {
        return v;
      }
    }
    return "unnamed";
  }

  private static @org.jspecify.annotations.Nullable String text(JsonNode c, String field) {
    JsonNode v = c.get(field);
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }
}
