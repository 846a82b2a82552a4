package dev.tickr.log;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.MessageFormatter;

/**
 * Tickr's log: one line a call on standard error (read at each line, so a redirected {@code
 * System.err} gets it), as text or as JSON ({@link LogFormat}). Tickr's own loggers log at the
 * chosen level (default {@code info}); the libraries' ({@link #LIBRARIES}) at {@code warn}, or
 * stricter when the level is. The format and level can change while running ({@link #configure}); a
 * logger reads them at each call.
 */
public final class LogLines implements ILoggerFactory {
  /** Loggers whose info is noise: they speak from {@code warn} on. */
  private static final String[] LIBRARIES = {"org.flywaydb", "org.eclipse.jetty", "io.javalin"};

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

  private final Clock clock;
  private final Supplier<PrintStream> out;
  private final ConcurrentMap<String, LineLogger> loggers = new ConcurrentHashMap<>();
  private volatile LogFormat format = LogFormat.TEXT;
  private volatile Level level = Level.INFO;

  /**
   * @param clock the time each line carries
   * @param out where lines go, asked at each line
   */
  public LogLines(Clock clock, Supplier<PrintStream> out) {
    this.clock = clock;
    this.out = out;
  }

  /** Standard error and the system clock in its own zone, as the JVM has them. */
  static LogLines standard() {
    return new LogLines(Clock.system(ZoneId.systemDefault()), () -> System.err);
  }

  /** From now on, lines in this format, Tickr's own from this level on. */
  public void configure(LogFormat format, Level level) {
    this.format = format;
    this.level = level;
  }

  public LogFormat format() {
    return format;
  }

  public Level level() {
    return level;
  }

  @Override
  public Logger getLogger(String name) {
    return loggers.computeIfAbsent(name, n -> new LineLogger(n, this));
  }

  /** Whether a line of {@code wanted} from the logger {@code name} is written. */
  boolean enabled(String name, Level wanted) {
    return enabled(library(name), wanted);
  }

  /** Whether {@code name} is one of {@link #LIBRARIES}' loggers: asked once per logger. */
  static boolean library(String name) {
    for (String library : LIBRARIES) {
      if (name.startsWith(library)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a line at {@code wanted} is written, for a library's logger or one of Tickr's: on every
   * level check (libraries ask before each debug line), so no more than a field read and a compare.
   */
  boolean enabled(boolean library, Level wanted) {
    int threshold = level.toInt();
    if (library && threshold < Level.WARN.toInt()) {
      threshold = Level.WARN.toInt();
    }
    return wanted.toInt() >= threshold;
  }

  /** Writes one line (and the throwable's stack trace, in text after it, in JSON inside it). */
  void write(
      String name,
      Level at,
      @Nullable String pattern,
      Object @Nullable [] arguments,
      @Nullable Throwable thrown) {
    String time = TIME.format(clock.instant().atZone(clock.getZone()));
    String message = pattern == null ? "" : MessageFormatter.basicArrayFormat(pattern, arguments);
    String stack = thrown == null ? null : stackTrace(thrown);
    String line =
        switch (format) {
          case TEXT -> text(time, at, name, message, stack);
          case JSON ->
              JsonLine.of(time, at.name(), name, message, Fields.of(pattern, arguments), stack);
        };
    PrintStream stream = out.get();
    stream.print(line);
    stream.flush();
  }

  private static String text(
      String time, Level at, String name, String message, @Nullable String stack) {
    StringBuilder b = new StringBuilder(time.length() + name.length() + message.length() + 16);
    b.append(time).append(' ').append(at.name()).append(' ');
    b.append(name, name.lastIndexOf('.') + 1, name.length()).append(" - ").append(message);
    b.append(System.lineSeparator());
    if (stack != null) {
      b.append(stack);
    }
    return b.toString();
  }

  private static String stackTrace(Throwable thrown) {
    StringWriter w = new StringWriter();
    thrown.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
