package dev.tickr.config;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * A config's monitors: an unmodifiable list that also finds a monitor by name without a scan. The
 * daemon asks for a monitor by name on every check (flapping rules, alert set-up), so with 10,000
 * monitors a scan of the list was a fifth of the CPU a check costs.
 */
final class MonitorList extends AbstractList<MonitorSpec> implements RandomAccess {
  private final List<MonitorSpec> monitors;
  private final Map<String, MonitorSpec> byName;

  private MonitorList(List<MonitorSpec> monitors) {
    this.monitors = List.copyOf(monitors);
    this.byName = HashMap.newHashMap(this.monitors.size());
    for (MonitorSpec m : this.monitors) {
      byName.putIfAbsent(m.name(), m);
    }
  }

  static MonitorList of(List<MonitorSpec> monitors) {
    return monitors instanceof MonitorList list ? list : new MonitorList(monitors);
  }

  /** The first monitor named {@code name}, or null. */
  @Nullable MonitorSpec named(String name) {
    return byName.get(name);
  }

  @Override
  public MonitorSpec get(int index) {
    return monitors.get(index);
  }

  @Override
  public int size() {
    return monitors.size();
  }
}
