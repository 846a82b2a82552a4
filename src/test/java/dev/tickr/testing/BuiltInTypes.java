package dev.tickr.testing;

import dev.tickr.Tickr;
import dev.tickr.config.ConfigLoader;
import dev.tickr.config.Types;
import dev.tickr.time.Ticker;
import dev.tickr.types.MonitorTypes;
import java.time.Clock;
import java.util.Map;

/** The monitor types the composition root registers, for tests that load configs directly. */
public final class BuiltInTypes {
  private static final MonitorTypes TYPES =
      new Tickr(Map.of(), Clock.systemUTC(), Ticker.system()).types();

  private BuiltInTypes() {}

  public static MonitorTypes registry() {
    return TYPES;
  }

  public static Types types() {
    return TYPES.definitions();
  }

  public static ConfigLoader loader(Map<String, String> environment) {
    return new ConfigLoader(environment, types());
  }
}
