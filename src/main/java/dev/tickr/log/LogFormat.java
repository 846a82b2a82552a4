package dev.tickr.log;

import java.util.Locale;

/** How each log line is written: for people ({@code text}) or for a log shipper ({@code json}). */
public enum LogFormat {
  /** {@code 2026-12-07T23:08:23.123Z INFO RunCommand - started monitors=3 inMs=812} */
  TEXT,
  /** One JSON object a line: time, level, logger, message, then the message's key=value fields. */
  JSON;

  /** The format named {@code text} or {@code json} (any case). */
  public static LogFormat parse(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "text" -> TEXT;
      case "json" -> JSON;
      default -> throw new IllegalArgumentException("expected text or json, got \"" + name + "\"");
    };
  }
}
