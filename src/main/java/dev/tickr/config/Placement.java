package dev.tickr.config;

import java.util.List;
import java.util.Objects;

/**
 * Where a monitor is probed from ({@code locations:}) and how many of those places must agree
 * before its state changes ({@code confirm:}). A monitor with no locations is probed by one node,
 * wherever it runs.
 *
 * @param locations names of locations, each once, in the order written; empty for none
 * @param confirm how many locations must agree: 1 to {@code locations.size()}; 1 when there are no
 *     locations
 */
public record Placement(List<String> locations, int confirm) {

  /** A monitor written without {@code locations:}. */
  public static final Placement NONE = new Placement(List.of(), 1);

  /** How a location's name is written: letters, digits, {@code -} and {@code _}, up to 32. */
  public static final String NAME = "[A-Za-z0-9][A-Za-z0-9_-]{0,31}";

  public Placement {
    locations = List.copyOf(locations);
    Objects.requireNonNull(locations, "locations");
    int most = Math.max(1, locations.size());
    if (confirm < 1 || confirm > most) {
      throw new IllegalArgumentException("confirm must be between 1 and " + most + ": " + confirm);
    }
    if (locations.stream().distinct().count() != locations.size()) {
      throw new IllegalArgumentException("a location is named twice: " + locations);
    }
  }

  /**
   * The default {@code confirm} for {@code n} locations: a majority of them (1 of 1, 2 of 2 or 3).
   */
  public static int majority(int n) {
    return n / 2 + 1;
  }

  public boolean none() {
    return locations.isEmpty();
  }

  /** What counts as a change (not where it is written). */
  void fingerprint(Fingerprint c) {
    c.add(locations.size());
    locations.forEach(c::add);
    c.add(confirm);
  }
}
