package dev.tickr.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole config, validated and immutable: nothing downstream checks or changes it again. Made by
 * {@link ConfigLoader}.
 *
 * @param maintenance the {@code maintenance:} windows, raw until the incident code reads them
 */
public record Config(
    List<MonitorSpec> monitors,
    List<ChannelSpec> channels,
    List<StatusPageSpec> statusPages,
    List<Map<String, Object>> maintenance,
    StorageSpec storage,
    ServerSpec server) {

  public static final Config EMPTY =
      new Config(
          List.of(), List.of(), List.of(), List.of(), StorageSpec.DEFAULT, ServerSpec.DEFAULT);

  public Config {
    monitors = List.copyOf(monitors);
    channels = List.copyOf(channels);
    statusPages = List.copyOf(statusPages);
    maintenance = maintenance.stream().map(Raw::freeze).toList();
  }

  public Optional<MonitorSpec> monitor(String name) {
    return monitors.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  public Optional<ChannelSpec> channel(String name) {
    return channels.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public Optional<StatusPageSpec> statusPage(String slug) {
    return statusPages.stream().filter(p -> p.slug().equals(slug)).findFirst();
  }
}
