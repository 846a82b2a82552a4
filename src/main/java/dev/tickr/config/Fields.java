package dev.tickr.config;

import dev.tickr.config.Node.Entry;
import dev.tickr.config.Node.Mapping;
import dev.tickr.config.Node.Scalar;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The entries of one mapping by key. An empty value ({@code key:} alone) counts as absent. */
public final class Fields {
  private final Location at;
  private final Map<String, Entry> entries;

  private Fields(Location at, Map<String, Entry> owned) {
    this.at = at;
    this.entries = owned;
  }

  /** Fields over a copy of {@code entries}. */
  public static Fields copyOf(Location at, Map<String, Entry> entries) {
    return new Fields(at, new LinkedHashMap<>(entries));
  }

  /**
   * Fields over a modifiable map made for them alone, in key order (not copied: read once per
   * monitor, 10,000 times).
   */
  public static Fields owning(Location at, Map<String, Entry> entries) {
    return new Fields(at, entries);
  }

  public static Fields of(Mapping mapping) {
    Map<String, Entry> byKey = new LinkedHashMap<>();
    for (Entry e : mapping.entries()) {
      byKey.put(e.key().text(), e);
    }
    return owning(mapping.at(), byKey);
  }

  /** Where the mapping starts, for "missing key" problems. */
  public Location at() {
    return at;
  }

  public Set<String> keys() {
    return entries.keySet();
  }

  Map<String, Entry> entries() {
    return entries;
  }

  public @Nullable Entry entry(String key) {
    return entries.get(key);
  }

  /** The value, or {@code null} when the key is absent or has no value. */
  public @Nullable Node get(String key) {
    Entry e = entries.get(key);
    if (e == null || (e.value() instanceof Scalar s && s.isNull())) {
      return null;
    }
    return e.value();
  }

  public boolean has(String key) {
    return get(key) != null;
  }

  /** Reports each key not in {@code known}, suggesting the closest known one. */
  public void rejectUnknown(Collection<String> known, Read read) {
    rejectUnknown(known, read.problems());
  }

  /** Reports each key not in {@code known}, suggesting the closest known one. */
  void rejectUnknown(Collection<String> known, Problems problems) {
    for (Entry e : entries.values()) {
      String key = e.key().text();
      if (!known.contains(key)) {
        problems.add(
            e.key().at(), "unknown key " + Node.quote(key) + Suggestions.didYouMean(key, known));
      }
    }
  }
}
