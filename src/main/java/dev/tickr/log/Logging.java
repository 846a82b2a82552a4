package dev.tickr.log;

import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** Sets the format and level of Tickr's log ({@code tickr run --log-format --log-level}). */
public final class Logging {
  private Logging() {}

  /**
   * From now on, lines in this format from this level on; nothing when another SLF4J binding than
   * Tickr's own is in use (then that binding's own configuration decides).
   */
  public static void configure(LogFormat format, Level level) {
    if (LoggerFactory.getILoggerFactory() instanceof LogLines lines) {
      lines.configure(format, level);
    }
  }
}
