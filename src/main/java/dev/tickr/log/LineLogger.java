package dev.tickr.log;

import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;

/** One named logger of {@link LogLines}: asks it whether to write, and has it write. */
final class LineLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  private final transient LogLines lines;
  private final boolean library;

  LineLogger(String name, LogLines lines) {
    this.name = name;
    this.lines = lines;
    this.library = LogLines.library(name);
  }

  @Override
  public boolean isTraceEnabled() {
    return lines.enabled(library, Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return lines.enabled(library, Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return lines.enabled(library, Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return lines.enabled(library, Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return lines.enabled(library, Level.ERROR);
  }

  @Override
  protected @Nullable String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level,
      @Nullable Marker marker,
      @Nullable String pattern,
      Object @Nullable [] arguments,
      @Nullable Throwable thrown) {
    lines.write(name, level, pattern, arguments, thrown);
  }
}
