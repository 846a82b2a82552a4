package dev.tickr.log;

import java.util.Locale;
import org.slf4j.event.Level;

/**
 * Parses {@code --log-level}: {@code error}, {@code warn}, {@code info}, {@code debug}, {@code
 * trace}.
 */
public final class LogLevel {
  private LogLevel() {}

  /** The level of that name (any case; {@code warning} is {@code warn}). */
  public static Level parse(String name) {
    String n = name.strip().toUpperCase(Locale.ROOT);
    if (n.equals("WARNING")) {
      return Level.WARN;
    }
    for (Level level : Level.values()) {
      if (level.name().equals(n)) {
        return level;
      }
    }
    throw new IllegalArgumentException(
        "expected error, warn, info, debug or trace, got \"" + name + "\"");
  }
}
