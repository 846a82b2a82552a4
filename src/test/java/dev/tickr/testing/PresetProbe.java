package dev.tickr.testing;

import dev.tickr.Tickr;
import dev.tickr.assertion.CheckResult;
import dev.tickr.check.Deadline;
import dev.tickr.check.Observation;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.MonitorSpec;
import dev.tickr.simulator.PlatformFake;
import dev.tickr.simulator.SimulatedNetwork;
import dev.tickr.time.Ticker;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Probes a platform's simulated API through its preset, as the daemon does (the preset expanded by
 * the config loader, the check, then the judge with the built-in reasons): what a preset monitor
 * would find, without a daemon. Secrets are passed as {@code ${NAME}} from an environment, as a
 * user would write them.
 */
public final class PresetProbe implements AutoCloseable {
  private final PlatformFake fake;
  private final SimulatedNetwork network;
  private final Tickr tickr;
  private final Map<String, String> environment = new LinkedHashMap<>();

  public PresetProbe(PlatformFake fake) {
    this.fake = fake;
    this.network = new SimulatedNetwork(List.of(fake)).start();
    Map<String, String> keys = fake.presetKeys(network.baseUrl(fake.name()));
    keys.forEach((k, v) -> environment.put(variable(k), v));
    this.tickr = new Tickr(environment, Clock.systemUTC(), Ticker.system());
  }

  private static String variable(String key) {
    return "KEY_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
  }

  public PlatformFake fake() {
    return fake;
  }

  public SimulatedNetwork network() {
    return network;
  }

  /**
   * A monitor block with the fake's healthy keys, each written {@code ${KEY_NAME}}, and {@code
   * extra} lines (a line that sets one of those keys replaces it).
   */
  public String monitor(String name, String... extra) {
    StringBuilder out = new StringBuilder("  - name: ").append(name).append('\n');
    out.append("    preset: ").append(fake.name()).append('\n');
    for (String key : fake.presetKeys(network.baseUrl(fake.name())).keySet()) {
      if (java.util.Arrays.stream(extra).anyMatch(e -> e.startsWith(key + ":"))) {
        continue; // the test gives its own value
      }
      out.append("    ").append(key).append(": ${").append(variable(key)).append("}\n");
    }
    for (String line : extra) {
      out.append("    ").append(line).append('\n');
    }
    return out.toString();
  }

  /** Loads {@code monitors:} with these monitor blocks. */
  public Config load(String... monitors) throws ConfigException {
    return tickr.configLoader().parse("tickr.yml", "monitors:\n" + String.join("", monitors));
  }

  /** Probes the monitor once and judges the answer. */
  public CheckResult probe(MonitorSpec spec) {
    Observation observation =
        tickr.types().observe(spec, Deadline.after(spec.timeout(), Ticker.system()));
    return tickr.judge().judge(observation, spec.conditions(), spec.reasons());
  }

  /** Loads one monitor with the fake's healthy keys and {@code extra} lines, and probes it. */
  public CheckResult probe(String... extra) throws ConfigException {
    Config config = load(monitor("probe", extra));
    return probe(config.monitors().get(0));
  }

  /**
   * Probes once with the fake playing {@code fault} (healthy again after): the probe must fail, and
   * its reason is returned.
   */
  public dev.tickr.check.@org.jspecify.annotations.Nullable Reason reasonUnder(
      dev.tickr.simulator.Fault fault) throws ConfigException {
    fake.fault(fault);
    CheckResult r;
    try {
      r = probe();
    } finally {
      fake.fault(dev.tickr.simulator.Fault.NONE);
    }
    org.assertj.core.api.Assertions.assertThat(r.success()).as("%s under %s", r, fault).isFalse();
    return r.reason();
  }

  @Override
  public void close() {
    network.close();
  }
}
