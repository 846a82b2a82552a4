package dev.tickr.store;

import java.time.Duration;
import java.util.List;

/**
 * A monitor in the catalogue, so {@code tickr status} can list monitors without the YAML.
 *
 * @param type the config's type spelling ({@code http}, {@code tcp}, ...)
 * @param source where it was defined: {@code yaml} or {@code api}
 * @param target what it checks, for display, with secrets redacted
 */
public record MonitorRow(
    String name, String type, String source, String target, Duration interval, List<String> tags) {

  public MonitorRow {
    tags = List.copyOf(tags);
  }
}
