package dev.tickr.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a monitor probes. Its {@link #code()} is the {@code type:} spelling in the config. */
public enum MonitorType {
  HTTP,
  TCP,
  DNS,
  TLS,
  HEARTBEAT;

  private final String code = name().toLowerCase(Locale.ROOT);

  /** The config spelling, e.g. {@code http}. */
  public String code() {
    return code;
  }

  public static Optional<MonitorType> ofCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(MonitorType::code).toList();
  }

  @Override
  public String toString() {
    return code;
  }
}
