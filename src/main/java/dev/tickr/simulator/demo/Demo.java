package dev.tickr.simulator.demo;

import dev.tickr.simulator.Ledger;
import dev.tickr.simulator.PlatformFake;
import dev.tickr.simulator.SimulatedNetwork;
import dev.tickr.simulator.platform.ImpactFake;
import dev.tickr.simulator.platform.RakutenFake;
import dev.tickr.simulator.platform.ShareasaleFake;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated affiliate network of {@code tickr demo}, on loopback only: the platforms' APIs and
 * the advertiser's tracker (one server), the webhook receiver that prints Tickr's alerts, the
 * shoppers' traffic and the incident script. {@link #start} serves; {@link #play} starts the
 * traffic and the script once Tickr watches; {@link #close} stops everything.
 */
public final class Demo implements AutoCloseable {
  /** Conversions each platform reports from before the demo began. */
  private static final int SEEDED = 40;

  /** The simulated ShareASale account's API credits a month. */
  private static final int CREDITS = 100_000;

  private final Pace pace;
  private final boolean once;
  private final Terminal terminal;
  private final SimulatedNetwork network;
  private final AlertReceiver receiver;
  private final Tracker tracker;
  private final List<DemoConfig.PresetMonitor> presets = new ArrayList<>();
  private final Traffic traffic;
  private final ScriptPlayer script;

  private Demo(Pace pace, boolean once, Terminal terminal, Clock clock) {
    this.pace = pace;
    this.once = once;
    this.terminal = terminal;
    SecureRandom random = new SecureRandom();
    List<PlatformFake> fakes = new ArrayList<>();
    fakes.add(new ImpactFake(new Ledger(clock), secret(random)));
    fakes.add(new RakutenFake(new Ledger(clock), "demo-client", secret(random)));
    fakes.add(new ShareasaleFake(new Ledger(clock), secret(random), secret(random), CREDITS));
    this.tracker = new Tracker(new Ledger(clock), secret(random));
    tracker.ledger().attributionDelay(DemoConfig.ATTRIBUTION_DELAY);
    fakes.add(tracker);
    List<Ledger> ledgers = new ArrayList<>();
    for (PlatformFake f : fakes) {
      f.ledger().seed(SEEDED, Duration.ofDays(2));
      ledgers.add(f.ledger());
    }
    this.network = new SimulatedNetwork(fakes);
    this.receiver = new AlertReceiver(terminal, clock);
    this.traffic = new Traffic(ledgers, pace.traffic());
    Map<String, PlatformFake> byName = new LinkedHashMap<>();
    fakes.forEach(f -> byName.put(f.name(), f));
    this.script =
        new ScriptPlayer(Script.standard(byName.keySet()), byName, receiver, pace, once, terminal);
  }

  /**
   * Starts serving the simulated network and the receiver on 127.0.0.1 (ports of the system's
   * choosing); no traffic and no incident yet.
   *
   * @param once play the script once (then say how it went) rather than over and over
   * @param clock the time of the simulated platforms and of what is printed
   */
  public static Demo start(Pace pace, boolean once, Terminal terminal, Clock clock) {
    Demo demo = new Demo(pace, once, terminal, clock);
    try {
      demo.network.start();
      demo.receiver.start();
    } catch (RuntimeException e) {
      demo.close();
      throw e;
    }
    for (PlatformFake f : demo.network.platforms()) {
      if (f != demo.tracker) {
        demo.presets.add(
            new DemoConfig.PresetMonitor(
                f.name() + "-" + endpoint(f.name()),
                f.name(),
                endpoint(f.name()),
                f.presetKeys(demo.network.baseUrl(f.name()))));
      }
    }
    return demo;
  }

  /** The endpoint of each platform's preset the demo watches. */
  private static String endpoint(String platform) {
    return switch (platform) {
      case "impact" -> "actions";
      case "rakuten" -> "transactions";
      case "shareasale" -> "ledger";
      default -> throw new IllegalArgumentException("no endpoint chosen for " + platform);
    };
  }

  /**
   * The config of the Tickr that watches this network.
   *
   * @param port the port of Tickr's dashboard, on 127.0.0.1
   */
  public String config(int port) {
    return DemoConfig.yaml(
        pace, presets, network.baseUrl(tracker.name()), tracker.apiToken(), receiver.url(), port);
  }

  /** Where the simulated network is served: {@code http://127.0.0.1:PORT}. */
  public String url() {
    return network.url();
  }

  /** The simulated platforms, by the name of their path ({@code impact}, {@code tracker}...). */
  public List<String> platforms() {
    return network.platforms().stream().map(PlatformFake::name).toList();
  }

  /** Starts the shoppers' traffic and the incident script. */
  public void play() {
    terminal.say(
        "The network converts a shopper every %s; the first incident comes in %ss%s."
            .formatted(
                human(pace.traffic()),
                pace.lead().toSeconds(),
                once ? ", the script plays once" : ", then about every minute and a half"));
    traffic.start();
    script.start();
  }

  /** How the incidents went so far. */
  public List<ScriptPlayer.Outcome> outcomes() {
    return script.outcomes();
  }

  @Override
  public void close() {
    script.close();
    traffic.close();
    receiver.close();
    network.close();
  }

  private static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static String secret(SecureRandom random) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
