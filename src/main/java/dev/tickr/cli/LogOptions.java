package dev.tickr.cli;

import dev.tickr.log.LogFormat;
import dev.tickr.log.LogLevel;
import dev.tickr.log.Logging;
import org.slf4j.event.Level;
import picocli.CommandLine.Option;

/**
 * {@code --log-format text|json} and {@code --log-level} ({@code TICKR_LOG_FORMAT}, {@code
 * TICKR_LOG_LEVEL}), for the commands that run for long ({@code tickr run}).
 */
final class LogOptions {
  @Option(
      names = "--log-format",
      paramLabel = "text|json",
      description =
          "Log lines for people (text) or one JSON object a line (default $TICKR_LOG_FORMAT, else"
              + " text).")
  String format = "text";

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      description = "error, warn, info, debug or trace (default $TICKR_LOG_LEVEL, else info).")
  String level = "info";

  /** Applies the options to Tickr's log; a bad value is a usage error naming its flag. */
  void apply(java.util.function.UnaryOperator<String> named) {
    LogFormat f;
    Level l;
    try {
      f = LogFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new UsageException(named.apply("--log-format") + ": " + e.getMessage());
    }
    try {
      l = LogLevel.parse(level);
    } catch (IllegalArgumentException e) {
      throw new UsageException(named.apply("--log-level") + ": " + e.getMessage());
    }
    Logging.configure(f, l);
  }
}
