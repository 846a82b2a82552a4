package dev.tickr;

import dev.tickr.affiliate.AffiliateReasons;
import dev.tickr.affiliate.PlatformPresets;
import dev.tickr.alert.NotifierFactory;
import dev.tickr.alert.channel.Notifiers;
import dev.tickr.assertion.Judge;
import dev.tickr.check.auth.OAuth2Tokens;
import dev.tickr.check.dns.DnsCheck;
import dev.tickr.check.http.HttpCheck;
import dev.tickr.check.tcp.TcpCheck;
import dev.tickr.check.tls.TlsCheck;
import dev.tickr.config.ConfigLoader;
import dev.tickr.config.TypeDefinition;
import dev.tickr.connectivity.ConnectivityGuard;
import dev.tickr.daemon.Daemon;
import dev.tickr.schedule.CheckSlots;
import dev.tickr.schedule.Waiter;
import dev.tickr.time.Ticker;
import dev.tickr.types.DnsType;
import dev.tickr.types.FlowType;
import dev.tickr.types.HeartbeatType;
import dev.tickr.types.HttpType;
import dev.tickr.types.MonitorTypes;
import dev.tickr.types.TcpType;
import dev.tickr.types.TlsType;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
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
  private final Ticker ticker;
  private final HttpCheck http;
  private final OAuth2Tokens tokens;
  private final TcpCheck tcp;
  private final MonitorTypes types;
  private final Judge judge;
  private final CheckSlots slots = new CheckSlots(Daemon.MAX_CONCURRENT_CHECKS);
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
    this(environment, clock, ticker, waiters, List.of());
  }

  /**
   * @param moreTypes monitor types registered after the built-in ones (a test's own)
   */
  public Tickr(
      Map<String, String> environment,
      Clock clock,
      Ticker ticker,
      Supplier<Waiter> waiters,
      List<TypeDefinition> moreTypes) {
    this.environment = Map.copyOf(environment);
    this.clock = clock;
    this.waiters = waiters;
    this.ticker = ticker;
    this.http = new HttpCheck(clock, ticker, userAgent());
    this.tcp = new TcpCheck(ticker);
    this.tokens = new OAuth2Tokens(http, clock);
    this.judge = new Judge(clock, AffiliateReasons.RULES);
    List<TypeDefinition> types =
        new java.util.ArrayList<>(
            List.of(
                new HttpType(http, tokens),
                new TcpType(tcp),
                new DnsType(new DnsCheck(ticker)),
                new TlsType(new TlsCheck(clock, ticker)),
                new HeartbeatType(),
                new FlowType(
                    http,
                    tokens,
                    judge,
                    ticker,
                    time -> slots.away(() -> waiters.get().await(time)))));
    types.addAll(moreTypes);
    this.types = new MonitorTypes(types, PlatformPresets.catalog());
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

  /** Every monitor type, the built-in ones first. */
  public MonitorTypes types() {
    return types;
  }

  /** The config loader, knowing every monitor type. */
  public ConfigLoader configLoader() {
    return new ConfigLoader(environment, types.definitions());
  }

  /** The HTTP check on its own, for what is not a monitor ({@code tickr check}). */
  public HttpCheck httpCheck() {
    return http;
  }

  /** The OAuth2 tokens the http monitors share, for {@code tickr check} too. */
  public OAuth2Tokens oauth2Tokens() {
    return tokens;
  }

  /** A guard of Tickr's own network link, probing its canaries on virtual threads of its own. */
  public ConnectivityGuard connectivityGuard() {
    return new ConnectivityGuard(
        http, tcp, clock, ticker, Executors.newVirtualThreadPerTaskExecutor());
  }

  /**
   * The bound on checks running at once that the daemon's scheduler keeps: a flow's polling step
   * gives its slot up while it waits between tries.
   */
  public CheckSlots checkSlots() {
    return slots;
  }

  public Judge judge() {
    return judge;
  }

  /** Makes the notifiers of a config's channels; the daemon calls it again on every reload. */
  public NotifierFactory notifiers() {
    return notifiers;
  }
}
