package dev.tickr.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Kuma's status pages (from {@code kuma.db}) with their groups, for the monitors carried over. */
final class KumaStatusPages {
  private KumaStatusPages() {}

  static void add(Map<String, Object> p, Map<Long, String> names, Draft out) {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put(
        "slug",
        String.valueOf(p.get("slug")).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-"));
    page.put("title", String.valueOf(p.get("title")));
    List<String> monitors = new ArrayList<>();
    List<Map<String, Object>> groups = new ArrayList<>();
    Map<?, ?> kumaGroups = (Map<?, ?>) p.getOrDefault("groups", Map.of());
    kumaGroups.forEach(
        (group, ids) -> {
          List<String> members = new ArrayList<>();
          for (Object id : (List<?>) ids) {
            String name = names.get((Long) id);
            if (name != null && !monitors.contains(name)) {
              monitors.add(name);
              members.add(name);
            }
          }
          if (!members.isEmpty()) {
            Map<String, Object> g = new LinkedHashMap<>();
            String title = String.valueOf(group);
            String unique = title;
            for (int n = 2; named(groups, unique); n++) {
              unique = title + " (" + n + ")";
            }
            g.put("name", unique);
            g.put("monitors", members);
            groups.add(g);
          }
        });
    page.put("monitors", monitors);
    if (!groups.isEmpty()) {
      page.put("groups", groups);
    }
    out.statusPage(page);
  }

  private static boolean named(List<Map<String, Object>> groups, String name) {
    return groups.stream().anyMatch(g -> name.equals(g.get("name")));
  }
}
