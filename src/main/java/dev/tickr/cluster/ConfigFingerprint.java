package dev.tickr.cluster;

import dev.tickr.config.ChannelSpec;
import dev.tickr.config.Config;
import dev.tickr.config.Fingerprint;
import dev.tickr.config.MonitorSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A hash of what must be the same on every node of a cluster: the monitors of the config file and
 * its channels. Nodes write it with their heartbeat ({@link NodeBeat#fingerprint}); a node whose
 * hash differs from the cluster's runs nothing and says so.
 *
 * <p>It does not depend on the order of monitors or channels, on the order of keys, on where things
 * are written or on whether a value came from {@code defaults:}; monitors made through the API are
 * left out (they live in the shared database), as are {@code server:} and {@code storage:}, which
 * are each node's own. Secret values go in, hashed, so a token rotated on one node only counts as a
 * difference.
 */
public final class ConfigFingerprint {
  private ConfigFingerprint() {}

  public static String of(Config config) {
    Fingerprint c = new Fingerprint();
    List<MonitorSpec> monitors =
        config.monitors().stream()
            .filter(m -> m.source().equals(MonitorSpec.SOURCE_YAML))
            .sorted(Comparator.comparing(MonitorSpec::name))
            .toList();
    c.add(monitors.size());
    for (MonitorSpec m : monitors) {
      c.add(m.fingerprint());
    }
    List<ChannelSpec> channels =
        config.channels().stream().sorted(Comparator.comparing(ChannelSpec::name)).toList();
    c.add(channels.size());
    for (ChannelSpec ch : channels) {
      c.add(ch.name()).add(ch.type()).add(canonical(ch.settings()));
    }
    return c.hash();
  }

  /** A raw value as text with every mapping's keys sorted: the same whatever order was written. */
  private static String canonical(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, String> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
      StringBuilder out = new StringBuilder("{");
      sorted.forEach((k, v) -> out.append(k.length()).append(':').append(k).append('=').append(v));
      return out.append('}').toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder out = new StringBuilder("[");
      list.forEach(v -> out.append(canonical(v)).append(','));
      return out.append(']').toString();
    }
    String text = String.valueOf(value);
    return value.getClass().getSimpleName() + text.length() + ':' + text;
  }
}
