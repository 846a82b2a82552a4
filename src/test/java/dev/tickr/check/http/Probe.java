package dev.tickr.check.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Deadline;
import dev.tickr.check.Failure;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import dev.tickr.check.net.DeadlineResolver;
import dev.tickr.testing.TestDnsServer;
import dev.tickr.testing.TestResolver;
import dev.tickr.time.Ticker;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What the HTTP check's tests share: checks, targets, timed observations and their bounds. */
final class Probe {
  /** A budget no healthy loopback exchange comes near, even on a loaded machine. */
  static final Duration BUDGET = Duration.ofSeconds(30);

  /**
   * Room for a busy two-core machine above a delay or a deadline. Lower bounds are exact (a phase
   * held back 800 ms took at least 800 ms), upper bounds get this much on top.
   */
  static final Duration SLACK = Duration.ofSeconds(5);

  static final Ticker TICKER = Ticker.system();
  static final Clock CLOCK = Clock.systemUTC();

  private Probe() {}

  /** A check resolving with the system resolver (for IP addresses and {@code localhost}). */
  static HttpCheck check() {
    return ready(new HttpCheck(CLOCK, TICKER, "Tickr/test"));
  }

  /** A check whose host names are looked up on {@code dns}. */
  static HttpCheck asking(TestDnsServer dns) {
    return ready(
        new HttpCheck(
            CLOCK,
            TICKER,
            "Tickr/test",
            new DeadlineResolver(TestResolver.asking(dns)::addresses)));
  }

  private static HttpCheck ready(HttpCheck check) {
    check.ready();
    return check;
  }

  static HttpTarget get(URI url) {
    return HttpTarget.get(url);
  }

  /** A GET that also trusts {@code ca}. */
  static HttpTarget get(URI url, X509Certificate ca) {
    return new HttpTarget(
        url, "GET", List.of(), null, true, HttpTarget.DEFAULT_MAX_BODY, false, List.of(ca));
  }

  /** An observation and how long the caller waited for it. */
  record Timed(Observation observation, Duration took) {
    Failure failure() {
      return Objects.requireNonNull(observation.failure(), "the check did not fail");
    }
  }

  static Timed observe(HttpCheck check, HttpTarget target, Duration budget) {
    long start = TICKER.nanos();
    Observation o = check.observe(target, Deadline.after(budget, TICKER));
    return new Timed(o, TICKER.since(start));
  }

  static Observation observe(HttpCheck check, HttpTarget target) {
    return observe(check, target, BUDGET).observation();
  }

  /** A phase timing that was measured, whatever its value. */
  static Duration measured(@Nullable Duration phase, String name) {
    assertThat(phase).as("%s time", name).isNotNull();
    return Objects.requireNonNull(phase);
  }

  /** Asserts that a phase took at least {@code delay}, and not much longer. */
  static void tookAbout(@Nullable Duration phase, String name, Duration delay) {
    assertThat(measured(phase, name)).as("%s time", name).isBetween(delay, delay.plus(SLACK));
  }

  static Failure timeout(String phrase) {
    return new Failure(Reason.TIMEOUT, phrase);
  }
}
