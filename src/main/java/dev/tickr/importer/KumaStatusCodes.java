package dev.tickr.importer;

import static dev.tickr.importer.KumaData.get;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Kuma's accepted status codes ({@code "200-299"}, {@code "301"}) as Tickr conditions. */
final class KumaStatusCodes {
  private KumaStatusCodes() {}

  static List<String> conditions(List<String> accepted, String where, Draft out) {
    TreeSet<Integer> codes = new TreeSet<>();
    for (String item : accepted) {
      String[] range = item.strip().split("-");
      try {
        int from = Integer.parseInt(range[0].strip());
        int to = range.length == 2 ? Integer.parseInt(range[1].strip()) : from;
        for (int c = Math.max(from, 100); c <= Math.min(to, 999); c++) {
          codes.add(c);
        }
      } catch (NumberFormatException e) {
        out.lost(where, "accepted status code \"" + item + "\" is not a code or range");
      }
    }
    if (codes.isEmpty()) {
      return List.of();
    }
    int first = codes.first();
    int last = codes.last();
    if (codes.size() == last - first + 1) {
      return first == last
          ? List.of("[STATUS] == " + first)
          : List.of("[STATUS] >= " + first, "[STATUS] <= " + last);
    }
    return List.of(
        "[STATUS] == any("
            + codes.stream().map(String::valueOf).collect(Collectors.joining(", "))
            + ")");
  }

  /** The codes Kuma accepts, from the backup's list or the database's JSON text. */
  static List<String> accepted(Map<String, Object> k) {
    Object list = get(k, "accepted_statuscodes");
    if (list == null) {
      String json = Values.text(get(k, "accepted_statuscodes_json"));
      try {
        list = json == null ? null : new ObjectMapper().readValue(json, List.class);
      } catch (IOException e) {
        list = null;
      }
    }
    List<Object> codes = Values.list(list);
    return codes.isEmpty() ? List.of("200-299") : codes.stream().map(String::valueOf).toList();
  }
}
