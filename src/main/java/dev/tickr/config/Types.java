package dev.tickr.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The monitor types the loader accepts, in the order the composition root registered them; the
 * first is what a monitor without {@code type:} is. Knows which keys each type takes, beside the
 * keys every monitor has ({@link Keys#MONITOR_COMMON}) and those of probed monitors ({@link
 * Keys#PROBED}).
 */
public final class Types {
  private final Map<String, TypeDefinition> byName = new LinkedHashMap<>();
  private final Map<String, Set<String>> keysByType = new LinkedHashMap<>();
  private final Set<String> monitorKeys;
  private final Set<String> defaultsKeys;
  private final Set<String> ownOnlyKeys;
  private final Presets presets;

  public Types(List<? extends TypeDefinition> types) {
    this(types, Presets.NONE);
  }

  /**
   * @param presets the platform presets a monitor may name with {@code preset:}
   */
  public Types(List<? extends TypeDefinition> types, Presets presets) {
    this.presets = presets;
    if (types.isEmpty()) {
      throw new IllegalArgumentException("no monitor type is registered");
    }
    Set<String> all = new LinkedHashSet<>(Keys.MONITOR_COMMON);
    Set<String> ownOnly = new LinkedHashSet<>(Keys.COMMON_OWN_ONLY);
    for (TypeDefinition type : types) {
      if (byName.putIfAbsent(type.name(), type) != null) {
        throw new IllegalArgumentException("monitor type " + type.name() + " is registered twice");
      }
      List<String> own = new ArrayList<>(Keys.MONITOR_COMMON);
      if (!type.pushed()) {
        own.addAll(Keys.PROBED);
      }
      for (Key key : type.keys()) {
        if (own.contains(key.name())) {
          throw new IllegalArgumentException(
              "monitor type " + type.name() + " declares the common key " + key.name());
        }
        own.add(key.name());
        if (key.perMonitor()) {
          ownOnly.add(key.name());
        }
      }
      if (!type.pushed()) {
        all.addAll(Keys.PROBED);
      }
      all.addAll(own);
      keysByType.put(type.name(), Set.copyOf(own));
    }
    this.monitorKeys = Collections.unmodifiableSet(all);
    this.ownOnlyKeys = Collections.unmodifiableSet(ownOnly);
    Set<String> defaults = new LinkedHashSet<>(all);
    defaults.removeAll(ownOnly);
    this.defaultsKeys = Collections.unmodifiableSet(defaults);
  }

  /** The platform presets a monitor may name. */
  public Presets presets() {
    return presets;
  }

  public static Types of(TypeDefinition... types) {
    return new Types(List.of(types));
  }

  public Optional<TypeDefinition> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The type of a monitor that does not say. */
  public TypeDefinition fallback() {
    return byName.values().iterator().next();
  }

  public List<TypeDefinition> all() {
    return List.copyOf(byName.values());
  }

  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** Every key some monitor may have, in the order they were declared (read for each monitor). */
  public Set<String> monitorKeys() {
    return monitorKeys;
  }

  /** The keys {@code defaults:} may hold: all but those that name one endpoint. */
  public Set<String> defaultsKeys() {
    return defaultsKeys;
  }

  /** Keys that name one endpoint, so {@code defaults:} cannot hold them. */
  public Set<String> ownOnlyKeys() {
    return ownOnlyKeys;
  }

  /** The keys a monitor of this type accepts. */
  public Set<String> keysOf(TypeDefinition type) {
    Set<String> keys = keysByType.get(type.name());
    if (keys == null) {
      throw new IllegalArgumentException("monitor type " + type.name() + " is not registered");
    }
    return keys;
  }

  /** Every key some type declares, with the types declaring it, in registration order. */
  public Map<String, List<TypeDefinition>> declaredKeys() {
    Map<String, List<TypeDefinition>> out = new LinkedHashMap<>();
    for (TypeDefinition type : byName.values()) {
      for (Key key : type.keys()) {
        out.computeIfAbsent(key.name(), k -> new ArrayList<>()).add(type);
      }
    }
    return out;
  }
}
