package dev.tickr;

import dev.tickr.alert.NotifierFactory;
import dev.tickr.alert.channel.Notifiers;
import dev.tickr.assertion.Judge;
import dev.tickr.check.Checks;
import dev.tickr.check.dns.DnsCheck;
import dev.tickr.check.http.HttpCheck;
import dev.tickr.check.tcp.TcpCheck;
import dev.tickr.check.tls.TlsCheck;
import dev.tickr.schedule.Waiter;
import dev.tickr.time.Ticker;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The composition root: builds every part once, by constructor, from the few things that come from
 * outside (environment, clock, ticker, how timers wait). Nothing else in Tickr reaches for globals.
 */
public final class Tickr {
  private final Map<String, String> environment;
  private final Clock clock;
  private final Supplier<Waiter> waiters;
  private final Checks checks;
  private final Judge judge;
  private final NotifierFactory notifiers;
  private Notifiers.@Nullable Context notifierContext;

  public Tickr(Map<String, String> environment, Clock clock, Ticker ticker) {
    this(environment, clock, ticker, Waiter::system);
  }

  /**
   * @param waiters makes the waiter of each timer of the daemon (scheduler, alerting), which waits
   *     until the next time due by {@code clock}
   */
  public Tickr(
      Map<String, String> environment, Clock clock, Ticker ticker, Supplier<Waiter> waiters) {
    this.environment = Map.copyOf(environment);
    this.clock = clock;
    this.waiters = waiters;
    this.checks =
        new Checks(
            new HttpCheck(clock, ticker, userAgent()),
            new TcpCheck(ticker),
            new TlsCheck(clock, ticker),
            new DnsCheck(ticker));
    this.judge = new Judge(clock);
    this.notifiers = channels -> Notifiers.build(channels, notifierContext()).notifiers();
  }

  /** One HTTP client for every channel, made when the first config with channels is applied. */
  private synchronized Notifiers.Context notifierContext() {
    if (notifierContext == null) {
      notifierContext = Notifiers.Context.create(clock, userAgent());
    }
    return notifierContext;
  }

  public static String version() {
    String v = Tickr.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  public static String userAgent() {
    return "Tickr/" + version() + " (monitor)";
  }

  public Map<String, String> environment() {
    return environment;
  }

  public Clock clock() {
    return clock;
  }

  /** A new waiter, for one timer thread of the daemon. */
  public Waiter waiter() {
    return waiters.get();
  }

  public Checks checks() {
    return checks;
  }

  public Judge judge() {
    return judge;
  }

  /** Makes the notifiers of a config's channels; the daemon calls it again on every reload. */
  public NotifierFactory notifiers() {
    return notifiers;
  }
}
