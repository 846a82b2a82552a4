package dev.tickr.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, as Prometheus' own {@code
 * expfmt.TextParser} reads it, for tests. The official Java client writes this format but has no
 * parser (only Go's {@code expfmt} and Python's client have one), so the rules are checked here:
 * the line grammar, name and label syntax, escapes, one {@code HELP} and {@code TYPE} per family
 * before its samples, families not split, no duplicate series, counters not negative, and classic
 * histograms whole (increasing {@code le} ending in {@code +Inf}, cumulative counts, {@code _count}
 * equal to the {@code +Inf} bucket, a {@code _sum}).
 */
public final class PrometheusText {
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Set<String> TYPES =
      Set.of("counter", "gauge", "histogram", "summary", "untyped");

  /** One sample line. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  /** One metric family: its type, help and samples (histogram samples carry their suffixes). */
  public record Family(String name, String type, String help, List<Sample> samples) {}

  private final Map<String, Family> families;

  private PrometheusText(Map<String, Family> families) {
    this.families = families;
  }

  /**
   * @throws IllegalArgumentException naming the line, when the text breaks a rule of the format
   */
  public static PrometheusText parse(String text) {
    Map<String, String> types = new LinkedHashMap<>();
    Map<String, String> helps = new LinkedHashMap<>();
    Map<String, List<Sample>> samples = new LinkedHashMap<>();
    Set<String> closed = new HashSet<>();
    Set<String> series = new HashSet<>();
    String current = null;
    String[] lines = text.split("\n", -1);
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new IllegalArgumentException("the text must end with a line feed");
    }
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String where = "line " + (i + 1) + ": " + line + ": ";
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("#")) {
        String[] parts = line.split(" ", 4);
        if (parts.length >= 3 && (parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
          String family = parts[2];
          require(METRIC_NAME.matcher(family).matches(), where + "bad metric name");
          require(!closed.contains(family), where + "the family was already written");
          require(!samples.containsKey(family), where + parts[1] + " after the family's samples");
          if (current != null && !current.equals(family)) {
            closed.add(current);
          }
          current = family;
          String rest = parts.length == 4 ? parts[3] : "";
          if (parts[1].equals("TYPE")) {
            require(TYPES.contains(rest), where + "unknown type");
            require(types.put(family, rest) == null, where + "a second TYPE");
          } else {
            require(helps.put(family, unescapeHelp(rest, where)) == null, where + "a second HELP");
          }
        }
        continue;
      }
      Sample sample = sample(line, where);
      String family = familyOf(sample.name(), types);
      if (current != null && !current.equals(family)) {
        closed.add(current);
      }
      require(!closed.contains(family), where + "the family " + family + " is split");
      current = family;
      require(
          series.add(sample.name() + new TreeMap<>(sample.labels())), where + "a duplicate series");
      samples.computeIfAbsent(family, f -> new ArrayList<>()).add(sample);
    }
    Map<String, Family> out = new LinkedHashMap<>();
    Set<String> names = new HashSet<>(types.keySet());
    names.addAll(samples.keySet());
    for (String name : names) {
      String type = types.getOrDefault(name, "untyped");
      List<Sample> list = samples.getOrDefault(name, List.of());
      Family family = new Family(name, type, helps.getOrDefault(name, ""), List.copyOf(list));
      switch (type) {
        case "counter" -> {
          for (Sample s : list) {
            require(s.value() >= 0, name + ": a negative counter " + s);
          }
        }
        case "histogram" -> checkHistogram(family);
        default -> {}
      }
      out.put(name, family);
    }
    return new PrometheusText(out);
  }

  public Map<String, Family> families() {
    return families;
  }

  public Family family(String name) {
    Family f = families.get(name);
    if (f == null) {
      throw new AssertionError("no metric family " + name + " in " + families.keySet());
    }
    return f;
  }

  /** Every sample name (with histogram suffixes), for checking what dashboards use. */
  public Set<String> sampleNames() {
    Set<String> out = new HashSet<>();
    families.values().forEach(f -> f.samples().forEach(s -> out.add(s.name())));
    return out;
  }

  /** The value of the one sample named {@code name} whose labels include {@code labels}. */
  public OptionalDouble value(String name, Map<String, String> labels) {
    List<Sample> found = new ArrayList<>();
    for (Family f : families.values()) {
      for (Sample s : f.samples()) {
        if (s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet())) {
          found.add(s);
        }
      }
    }
    if (found.size() > 1) {
      throw new AssertionError(found.size() + " samples match " + name + labels + ": " + found);
    }
    return found.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(found.get(0).value());
  }

  private static String familyOf(String sample, Map<String, String> types) {
    for (String suffix : List.of("_bucket", "_count", "_sum")) {
      if (sample.endsWith(suffix)) {
        String base = sample.substring(0, sample.length() - suffix.length());
        String type = types.get(base);
        if ("histogram".equals(type) || "summary".equals(type)) {
          return base;
        }
      }
    }
    return sample;
  }

  private static void checkHistogram(Family f) {
    Map<Map<String, String>, List<Sample>> buckets = new LinkedHashMap<>();
    Map<Map<String, String>, Double> counts = new LinkedHashMap<>();
    Set<Map<String, String>> sums = new HashSet<>();
    for (Sample s : f.samples()) {
      String suffix = s.name().substring(f.name().length());
      Map<String, String> series = new TreeMap<>(s.labels());
      switch (suffix) {
        case "_bucket" -> {
          String le = series.remove("le");
          require(le != null, f.name() + ": a bucket without le " + s);
          buckets.computeIfAbsent(series, k -> new ArrayList<>()).add(s);
        }
        case "_count" -> counts.put(series, s.value());
        case "_sum" -> sums.add(series);
        default -> throw new IllegalArgumentException(f.name() + ": not a histogram sample " + s);
      }
    }
    require(!buckets.isEmpty() || f.samples().isEmpty(), f.name() + ": no buckets");
    buckets.forEach(
        (series, list) -> {
          double lastLe = Double.NEGATIVE_INFINITY;
          double lastCount = 0;
          for (Sample b : list) {
            double le = number(Objects.requireNonNull(b.labels().get("le")), f.name());
            require(le > lastLe, f.name() + series + ": le not increasing at " + le);
            require(b.value() >= lastCount, f.name() + series + ": buckets not cumulative");
            lastLe = le;
            lastCount = b.value();
          }
          require(lastLe == Double.POSITIVE_INFINITY, f.name() + series + ": no +Inf bucket");
          Double count = counts.get(series);
          require(
              count != null && count == lastCount,
              f.name() + series + ": _count " + count + " is not the +Inf bucket " + lastCount);
          require(sums.contains(series), f.name() + series + ": no _sum");
        });
  }

  private static Sample sample(String line, String where) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
      i++;
    }
    String name = line.substring(0, i);
    require(METRIC_NAME.matcher(name).matches(), where + "bad metric name");
    Map<String, String> labels = new LinkedHashMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i++;
      while (true) {
        require(i < line.length(), where + "unterminated labels");
        if (line.charAt(i) == '}') {
          i++;
          break;
        }
        int eq = line.indexOf('=', i);
        require(eq > i, where + "a label without =");
        String label = line.substring(i, eq);
        require(LABEL_NAME.matcher(label).matches(), where + "bad label name " + label);
        require(eq + 1 < line.length() && line.charAt(eq + 1) == '"', where + "unquoted value");
        StringBuilder value = new StringBuilder();
        int j = eq + 2;
        while (true) {
          require(j < line.length(), where + "unterminated label value");
          char c = line.charAt(j);
          if (c == '"') {
            break;
          }
          if (c == '\\') {
            require(j + 1 < line.length(), where + "a dangling escape");
            char e = line.charAt(j + 1);
            switch (e) {
              case '\\' -> value.append('\\');
              case '"' -> value.append('"');
              case 'n' -> value.append('\n');
              default -> throw new IllegalArgumentException(where + "bad escape \\" + e);
            }
            j += 2;
          } else {
            value.append(c);
            j++;
          }
        }
        require(labels.put(label, value.toString()) == null, where + "label " + label + " twice");
        i = j + 1;
        if (i < line.length() && line.charAt(i) == ',') {
          i++;
        }
      }
    }
    require(i < line.length() && line.charAt(i) == ' ', where + "no value");
    String[] rest = line.substring(i + 1).strip().split(" +");
    require(
        rest.length == 1 || rest.length == 2, where + "expected a value and a timestamp at most");
    double value = number(rest[0], where);
    if (rest.length == 2) {
      require(rest[1].matches("-?\\d+"), where + "bad timestamp");
    }
    return new Sample(name, Map.copyOf(labels), value);
  }

  private static double number(String text, String where) {
    switch (text) {
      case "+Inf", "Inf" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-Inf" -> {
        return Double.NEGATIVE_INFINITY;
      }
      case "NaN" -> {
        return Double.NaN;
      }
      default -> {
        try {
          return Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(where + "not a number: " + text, e);
        }
      }
    }
  }

  private static String unescapeHelp(String text, String where) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        require(i + 1 < text.length(), where + "a dangling escape in HELP");
        char e = text.charAt(++i);
        switch (e) {
          case '\\' -> out.append('\\');
          case 'n' -> out.append('\n');
          default -> throw new IllegalArgumentException(where + "bad escape in HELP \\" + e);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void require(boolean ok, String problem) {
    if (!ok) {
      throw new IllegalArgumentException(problem);
    }
  }
}
