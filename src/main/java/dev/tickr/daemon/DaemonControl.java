package dev.tickr.daemon;

import dev.tickr.alert.ChannelHealth;
import dev.tickr.assertion.CheckResult;
import dev.tickr.config.Config;
import dev.tickr.config.MonitorSpec;
import dev.tickr.incident.MonitorStates;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the REST API and the dashboard read from, and ask of, the running daemon: the config it
 * runs, the live state of each monitor, one check at once, and "apply the API's changes". Nothing
 * of starting, stopping, reloading the file or wiring listeners: that is the composition root's,
 * through {@link Daemon}.
 */
public interface DaemonControl {
  /** The config that runs: the file's, plus what the API added. */
  Config config();

  /** The config from the file alone, without what the API added. */
  Config fileConfig();

  /** The config file the daemon reads, if it has one. */
  Optional<Path> configFile();

  /** Applies the API's layer again after it changed; the file is not read again. */
  void refresh();

  /**
   * Runs one check of a monitor at once, outside its schedule, and records it like any other.
   *
   * @return what it found, or empty when no such monitor runs (a heartbeat is not probed)
   */
  Optional<CheckResult> checkNow(String monitor);

  /**
   * Probes settings being tried out once and judges them; records, counts and alerts nothing.
   *
   * @param secrets values to mask besides the request's credentials and the config's
   * @return what it found, or empty when it did not finish in time
   * @throws IllegalArgumentException for a heartbeat, which is not probed
   */
  Optional<Trial> trial(MonitorSpec spec, Set<String> secrets);

  /** Each monitor's live state and the state it is shown as, read only. */
  MonitorStates tracker();

  /** When a monitor's target asked for time ({@code Retry-After}): its next check not before. */
  default Optional<java.time.Instant> heldUntil(String monitor) {
    return Optional.empty();
  }

  /** Every heartbeat monitor's ping URL path, {@code /ping/<token>}, by monitor: a secret. */
  Map<String, String> pingPaths();

  /** How each channel's deliveries are going. */
  List<ChannelHealth> channelHealth();
}
