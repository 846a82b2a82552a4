package dev.tickr.types;

import dev.tickr.check.Deadline;
import dev.tickr.check.Observation;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.Presets;
import dev.tickr.config.TypeDefinition;
import dev.tickr.config.Types;
import java.util.List;

/**
 * The one registry of monitor types, in the order the composition root lists them (the first is the
 * type of a monitor that names none). A new type is one class and one line in that list.
 */
public final class MonitorTypes {
  private final List<TypeDefinition> all;
  private final Types types;

  public MonitorTypes(List<? extends TypeDefinition> all) {
    this(all, Presets.NONE);
  }

  /**
   * @param presets the platform presets a monitor may name with {@code preset:}
   */
  public MonitorTypes(List<? extends TypeDefinition> all, Presets presets) {
    this.all = List.copyOf(all);
    this.types = new Types(this.all, presets);
  }

  /** What the config loader knows of the types. */
  public Types definitions() {
    return types;
  }

  /** Starts the set-up the types can do in the background, so that it overlaps start-up. */
  public void prepare() {
    for (TypeDefinition type : all) {
      if (type instanceof MonitorType probed) {
        probed.prepare();
      }
    }
  }

  /** Waits for set-up that the types run in the background. */
  public void ready() {
    for (TypeDefinition type : all) {
      if (type instanceof MonitorType probed) {
        probed.ready();
      }
    }
  }

  /**
   * Probes the monitor once.
   *
   * @throws IllegalArgumentException for a monitor that is pushed to, not probed ({@link
   *     MonitorSpec#pushed()})
   */
  public Observation observe(MonitorSpec spec, Deadline deadline) {
    if (!(spec.type() instanceof MonitorType probed)) {
      throw new IllegalArgumentException(
          spec.type().name() + " monitors are not probed: results are pushed to them");
    }
    return probed.observe(spec.settings(), deadline);
  }
}
