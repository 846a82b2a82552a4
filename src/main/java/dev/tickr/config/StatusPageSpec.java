package dev.tickr.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A public status page: a unique URL {@code slug}, a {@code title} (the slug when none is given),
 * the monitors it shows, and its other keys ({@code groups}, ...) as raw, immutable settings.
 *
 * @param monitors names of monitors in {@link Config#monitors()}
 * @param locations where each setting was written, by path, like {@link ChannelSpec#locations()}
 * @param line where the page is declared (1-based)
 */
public record StatusPageSpec(
    String slug,
    String title,
    List<String> monitors,
    Map<String, Object> settings,
    Map<String, Location> locations,
    int line) {

  public StatusPageSpec {
    monitors = List.copyOf(monitors);
    settings = Raw.freeze(settings);
    locations = Raw.freeze(locations);
  }

  public Optional<Location> location(String path) {
    return Optional.ofNullable(locations.get(path));
  }
}
