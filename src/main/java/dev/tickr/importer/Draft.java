package dev.tickr.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Tickr config being built by an importer, and the report of what it left out. Names are made
 * unique and valid here, so every importer gets them right the same way.
 */
final class Draft {
  private final List<Map<String, Object>> monitors = new ArrayList<>();
  private final List<Map<String, Object>> channels = new ArrayList<>();
  private final List<Map<String, Object>> maintenance = new ArrayList<>();
  private final List<Map<String, Object>> statusPages = new ArrayList<>();
  private final List<String> report = new ArrayList<>();
  private final Set<String> monitorNames = new HashSet<>();
  private final Set<String> channelNames = new HashSet<>();

  /** Notes that {@code what} at {@code where} was not carried over, and why. */
  void lost(String where, String why) {
    report.add(where + ": " + why);
  }

  /** A unique monitor name made from {@code wanted}: no "/", no control characters, not empty. */
  String monitorName(String wanted) {
    return unique(wanted, monitorNames);
  }

  String channelName(String wanted) {
    return unique(wanted, channelNames);
  }

  private static String unique(String wanted, Set<String> taken) {
    String base = wanted.replace('/', '-').replaceAll("\\p{Cntrl}", " ").strip();
    if (base.isEmpty()) {
      base = "unnamed";
    }
    String name = base;
    for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
      name = base + " (" + n + ")";
    }
    return name;
  }

  void monitor(Map<String, Object> monitor) {
    monitors.add(monitor);
  }

  void channel(Map<String, Object> channel) {
    channels.add(channel);
  }

  void maintenance(Map<String, Object> window) {
    maintenance.add(window);
  }

  void statusPage(Map<String, Object> page) {
    statusPages.add(page);
  }

  Imported finish(String comment) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("monitors", monitors);
    if (!channels.isEmpty()) {
      document.put("channels", channels);
    }
    if (!statusPages.isEmpty()) {
      document.put("status-pages", statusPages);
    }
    if (!maintenance.isEmpty()) {
      document.put("maintenance", maintenance);
    }
    String yaml = "# " + comment + "\n" + YamlOut.write(document);
    return new Imported(yaml, report, monitors.size(), channels.size());
  }

  /** A duration in whole seconds as Tickr reads it. */
  static String seconds(long seconds) {
    if (seconds % 86_400 == 0 && seconds > 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3600 == 0 && seconds > 0) {
      return seconds / 3600 + "h";
    }
    if (seconds % 60 == 0 && seconds > 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }

  /** Escapes <code>${</code> so that text from a source without variables stays literal. */
  static String literal(String text) {
    return text.replace("${", "$${");
  }
}
