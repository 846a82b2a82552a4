package dev.tickr.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A whole config, validated and immutable: nothing downstream checks or changes it again. Made by
 * {@link ConfigLoader}.
 *
 * @param maintenance the {@code maintenance:} windows
 * @param policies each channel's alerting policy, by channel name (every channel has one)
 * @param connectivity the own-connectivity guard's canaries, {@link ConnectivitySpec#OFF} if none
 */
public record Config(
    List<MonitorSpec> monitors,
    List<ChannelSpec> channels,
    List<StatusPageSpec> statusPages,
    List<MaintenanceWindow> maintenance,
    StorageSpec storage,
    ServerSpec server,
    Map<String, ChannelPolicy> policies,
    SecretValues secretValues,
    ConnectivitySpec connectivity) {

  public static final Config EMPTY =
      new Config(
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          StorageSpec.DEFAULT,
          ServerSpec.DEFAULT,
          Map.of(),
          SecretValues.NONE,
          ConnectivitySpec.OFF);

  public Config {
    monitors = MonitorList.of(monitors);
    channels = List.copyOf(channels);
    statusPages = List.copyOf(statusPages);
    maintenance = List.copyOf(maintenance);
    policies = Map.copyOf(policies);
  }

  /**
   * This config with the values {@code ${NAME}} placeholders were replaced with: they may be
   * secrets, so evidence and errors that echo them are masked.
   */
  public Config withSecretValues(Set<String> values) {
    return new Config(
        monitors,
        channels,
        statusPages,
        maintenance,
        storage,
        server,
        policies,
        new SecretValues(values),
        connectivity);
  }

  /**
   * This config (from the file) with what the REST API added: its monitors after the file's (a name
   * the file uses keeps the file's monitor), its maintenance windows after the file's, the monitors
   * paused through the API paused, and the API monitors' secret values masked too.
   */
  public Config withApi(
      List<MonitorSpec> apiMonitors,
      List<MaintenanceWindow> apiWindows,
      Set<String> paused,
      Set<String> apiSecrets) {
    Set<String> names = new java.util.HashSet<>();
    List<MonitorSpec> all = new java.util.ArrayList<>(monitors.size() + apiMonitors.size());
    for (MonitorSpec m : monitors) {
      names.add(m.name());
      all.add(m);
    }
    for (MonitorSpec m : apiMonitors) {
      if (names.add(m.name())) {
        all.add(m);
      }
    }
    if (!paused.isEmpty()) {
      all.replaceAll(m -> paused.contains(m.name()) && !m.paused() ? m.withPaused() : m);
    }
    if (!apiMonitors.isEmpty() || !paused.isEmpty()) {
      all = new java.util.ArrayList<>(QuotaPlan.replan(all)); // the API's share quotas too
    }
    List<MaintenanceWindow> windows = new java.util.ArrayList<>(maintenance);
    windows.addAll(apiWindows);
    Set<String> secrets = new java.util.HashSet<>(secretValues.values());
    secrets.addAll(apiSecrets);
    return new Config(
        all,
        channels,
        statusPages,
        windows,
        storage,
        server,
        policies,
        new SecretValues(secrets),
        connectivity);
  }

  /**
   * This config with the status pages made through the REST API after its own (a slug this config
   * uses keeps this config's page).
   */
  public Config withStatusPages(List<StatusPageSpec> apiPages) {
    Set<String> slugs = new java.util.HashSet<>();
    List<StatusPageSpec> all = new java.util.ArrayList<>(statusPages);
    statusPages.forEach(p -> slugs.add(p.slug()));
    for (StatusPageSpec p : apiPages) {
      if (slugs.add(p.slug())) {
        all.add(p);
      }
    }
    return new Config(
        monitors,
        channels,
        all,
        maintenance,
        storage,
        server,
        policies,
        secretValues,
        connectivity);
  }

  /** The channel's alerting policy; the type's defaults for a channel that sets none. */
  public ChannelPolicy policy(ChannelSpec channel) {
    ChannelPolicy p = policies.get(channel.name());
    return p == null ? ChannelPolicy.defaults(channel.type()) : p;
  }

  public Optional<MonitorSpec> monitor(String name) {
    return Optional.ofNullable(((MonitorList) monitors).named(name));
  }

  public Optional<ChannelSpec> channel(String name) {
    return channels.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public Optional<StatusPageSpec> statusPage(String slug) {
    return statusPages.stream().filter(p -> p.slug().equals(slug)).findFirst();
  }
}
