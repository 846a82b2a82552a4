package dev.tickr.alert;

import dev.tickr.config.ChannelSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Makes the notifiers for a config's channels, by channel name; called again on every reload. A
 * channel left out has no notifier: its notifications wait and are retried like failed ones.
 */
@FunctionalInterface
public interface NotifierFactory {

  Map<String, Notifier> create(List<ChannelSpec> channels);

  /** No notifiers at all. */
  static NotifierFactory none() {
    return channels -> Map.of();
  }

  /**
   * One notifier per channel from {@code make}, which returns null for a channel it cannot serve.
   */
  static NotifierFactory perChannel(Function<ChannelSpec, @Nullable Notifier> make) {
    return channels -> {
      Map<String, Notifier> out = new LinkedHashMap<>();
      for (ChannelSpec c : channels) {
        Notifier n = make.apply(c);
        if (n != null) {
          out.put(c.name(), n);
        }
      }
      return out;
    };
  }
}
