package dev.tickr.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The platform presets a monitor may name with {@code preset:}. The config knows none by name: the
 * composition root hands it the catalog (the affiliate package's resources).
 */
public final class Presets {
  public static final Presets NONE = new Presets(List::of);

  private final Supplier<List<Preset>> source;
  private volatile @org.jspecify.annotations.Nullable Map<String, Preset> byName;

  /**
   * @param source read on first use only, so that a config without presets never reads them
   */
  public Presets(Supplier<List<Preset>> source) {
    this.source = source;
  }

  public static Presets of(List<Preset> presets) {
    List<Preset> copy = List.copyOf(presets);
    return new Presets(() -> copy);
  }

  private Map<String, Preset> byName() {
    Map<String, Preset> m = byName;
    if (m == null) {
      synchronized (this) {
        m = byName;
        if (m == null) {
          m = new LinkedHashMap<>();
          for (Preset p : source.get()) {
            if (m.putIfAbsent(p.name(), p) != null) {
              throw new IllegalStateException("preset " + p.name() + " is defined twice");
            }
          }
          byName = m;
        }
      }
    }
    return m;
  }

  public Optional<Preset> find(String name) {
    return Optional.ofNullable(byName().get(name));
  }

  /** Every preset, in the catalog's order. */
  public List<Preset> all() {
    return List.copyOf(byName().values());
  }

  public List<String> names() {
    return List.copyOf(byName().keySet());
  }
}
