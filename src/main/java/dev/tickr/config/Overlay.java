package dev.tickr.config;

import dev.tickr.config.Node.Entry;
import dev.tickr.config.Node.Mapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lays a monitor's own keys over {@code defaults:}, and keeps only the keys its type uses: a key
 * the type does not use is a problem when the monitor sets it, and quietly dropped when it comes
 * from {@code defaults:}, which serves every type.
 */
final class Overlay {
  private final Fields defaults;
  private final Read read;
  private final Types types;

  /**
   * @param defaults the checked {@code defaults:} entries
   */
  Overlay(Fields defaults, Read read, Types types) {
    this.defaults = defaults;
    this.read = read;
    this.types = types;
  }

  /** Defaults first, then the monitor's own non-empty keys; {@code headers} merge by name. */
  Fields merge(Fields own) {
    Map<String, Entry> merged = new LinkedHashMap<>();
    for (String key : defaults.keys()) {
      Entry e = defaults.entry(key);
      if (e != null && defaults.has(key)) {
        merged.put(key, e);
      }
    }
    for (String key : own.keys()) {
      Entry e = own.entry(key);
      if (e == null || !own.has(key) || !types.monitorKeys().contains(key)) {
        continue;
      }
      Entry base = merged.get(key);
      if (key.equals("headers")
          && base != null
          && base.value() instanceof Mapping baseHeaders
          && e.value() instanceof Mapping ownHeaders) {
        merged.put(key, new Entry(e.key(), mergeHeaders(baseHeaders, ownHeaders)));
      } else {
        merged.put(key, e);
      }
    }
    return Fields.owning(own.at(), merged);
  }

  /** The defaults' headers with the monitor's replacing those of the same name (in any case). */
  static Mapping mergeHeaders(Mapping base, Mapping own) {
    List<Entry> out = new ArrayList<>();
    Set<String> replaced = new LinkedHashSet<>();
    for (Entry b : base.entries()) {
      Entry override = null;
      for (Entry o : own.entries()) {
        if (o.key().text().equalsIgnoreCase(b.key().text())) {
          override = o;
        }
      }
      if (override == null) {
        out.add(b);
      } else {
        out.add(override);
        replaced.add(override.key().text());
      }
    }
    for (Entry o : own.entries()) {
      if (!replaced.contains(o.key().text())) {
        out.add(o);
      }
    }
    return new Mapping(out, own.at());
  }

  /**
   * A key the type does not use is a problem when the monitor sets it, and quietly ignored when it
   * comes from {@code defaults:}, which serves every type. Conditions from {@code defaults:} apply
   * only to types that have default conditions (they are written for that kind of answer).
   */
  void dropWhatDoesNotApply(TypeDefinition type, Fields own, Fields fields) {
    Set<String> allowed = types.keysOf(type);
    boolean takesDefaultConditions = !type.defaultConditions().isEmpty();
    for (String key : List.copyOf(fields.keys())) {
      boolean fromDefaults = !own.has(key);
      if (allowed.contains(key)
          && !(key.equals("conditions") && fromDefaults && !takesDefaultConditions)) {
        continue;
      }
      Entry ownEntry = own.entry(key);
      if (!fromDefaults && ownEntry != null) {
        read.problem(
            ownEntry.key().at(),
            Node.quote(key) + " does not apply to " + type.name() + " monitors" + type.hint(key));
      }
      fields.entries().remove(key);
    }
  }
}
