package dev.tickr.config;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A public status page: a unique URL {@code slug}, a {@code title} (the slug when none is given),
 * the monitors it shows, and the groups they are shown in.
 *
 * @param monitors names of monitors in {@link Config#monitors()}, each once
 * @param groups sections of the page, in order; each names monitors of {@code monitors}, and a
 *     monitor is in one group at most
 * @param emailChannel the {@code email} channel whose SMTP settings send the mails of visitors who
 *     subscribe ({@code subscriptions: {email: {channel: NAME}}}); null: no email subscriptions
 * @param locations where each key was written, by path ({@code title}, {@code groups[0].name}); for
 *     a page made through the API the file of each location is its JSON Pointer
 * @param line where the page is declared (1-based)
 * @param source {@link MonitorSpec#SOURCE_YAML} or {@link MonitorSpec#SOURCE_API}
 */
public record StatusPageSpec(
    String slug,
    String title,
    List<String> monitors,
    List<Group> groups,
    @Nullable String emailChannel,
    Map<String, Location> locations,
    int line,
    String source) {

  /** A section of a page: a heading and the monitors under it, in order. */
  public record Group(String name, List<String> monitors) {
    public Group {
      monitors = List.copyOf(monitors);
    }
  }

  public StatusPageSpec {
    monitors = List.copyOf(monitors);
    groups = List.copyOf(groups);
    locations = Raw.freeze(locations);
  }

  public Optional<Location> location(String path) {
    return Optional.ofNullable(locations.get(path));
  }

  /**
   * This page without the monitors not in {@code names}: what a page made through the API shows
   * once a monitor it names is gone (deleted, or left the config file).
   */
  public StatusPageSpec keeping(Collection<String> names) {
    List<String> kept = monitors.stream().filter(names::contains).toList();
    if (kept.size() == monitors.size()) {
      return this;
    }
    List<Group> keptGroups =
        groups.stream()
            .map(g -> new Group(g.name(), g.monitors().stream().filter(names::contains).toList()))
            .toList();
    return new StatusPageSpec(slug, title, kept, keptGroups, emailChannel, locations, line, source);
  }
}
