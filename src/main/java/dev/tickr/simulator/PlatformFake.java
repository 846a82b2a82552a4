package dev.tickr.simulator;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A simulated affiliate platform: its API as the platform documents it (authentication checked
 * exactly, the success and error shapes, errors inside a {@code 200}), answering from a {@link
 * Ledger}, with a {@link Fault} switched at run time. Mounted under {@code /NAME} of a {@link
 * SimulatedNetwork}; for tests and {@code tickr demo}, never on the product path.
 */
public abstract class PlatformFake {
  /** How long {@link Fault#HANG} holds a request before it gives up (so nothing hangs forever). */
  protected static final Duration HANG_LIMIT = Duration.ofSeconds(30);

  /** What {@link Fault#RATE_LIMITED} asks for in {@code Retry-After}, in seconds. */
  protected static final int RETRY_AFTER_SECONDS = 30;

  /** How much later than usual {@link Fault#LATE_REPORT} shows a conversion in the report. */
  public static final Duration LATE_BY = Duration.ofDays(1);

  private final String name;
  private final Ledger ledger;
  private final AtomicLong requests = new AtomicLong();
  private volatile Fault fault = Fault.NONE;
  private final Object hanging = new Object();

  protected PlatformFake(String name, Ledger ledger) {
    this.name = name;
    this.ledger = ledger;
  }

  /** The preset it plays, and its path under the network: {@code impact}. */
  public final String name() {
    return name;
  }

  public final Ledger ledger() {
    return ledger;
  }

  public final Fault fault() {
    return fault;
  }

  public final void fault(Fault fault) {
    synchronized (hanging) {
      this.fault = fault;
      hanging.notifyAll(); // requests held by HANG end when the fault does
    }
  }

  /** Requests answered so far, of any kind. */
  public final long requests() {
    return requests.get();
  }

  /**
   * Records a conversion sent to the platform (a postback, a conversion API call) as the current
   * fault has it: shown after the ledger's attribution delay; never ({@link Fault#UNREPORTED}); a
   * day late ({@link Fault#LATE_REPORT}); or with its amount in cents taken for units ({@link
   * Fault#WRONG_AMOUNT}: {@code 12.50} recorded as {@code 0.13}).
   */
  protected final Conversion convert(String orderId, String clickId, BigDecimal amount) {
    Duration delay = ledger.attributionDelay();
    return switch (fault) {
      case UNREPORTED -> ledger.record(orderId, clickId, amount, null);
      case LATE_REPORT -> ledger.record(orderId, clickId, amount, delay.plus(LATE_BY));
      case WRONG_AMOUNT ->
          ledger.record(
              orderId, clickId, amount.movePointLeft(2).setScale(2, RoundingMode.HALF_UP), delay);
      default -> ledger.record(orderId, clickId, amount, delay);
    };
  }

  /** A parameter's text, stripped; empty when it was not sent. */
  protected static String text(@Nullable String value) {
    return value == null ? "" : value.strip();
  }

  /** A decimal amount as sent, or {@code null} when it is not one. */
  protected static @Nullable BigDecimal amount(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      BigDecimal value = new BigDecimal(text.strip());
      return value.signum() < 0 ? null : value;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Adds its routes under {@code prefix} ({@code /impact}). */
  public abstract void routes(RoutesConfig routes, String prefix);

  /**
   * The keys a monitor with this platform's preset gives to reach this fake's healthy account, the
   * credentials included: {@code base-url}, {@code account}, {@code token}...
   *
   * @param baseUrl where the network serves it, e.g. {@code http://127.0.0.1:41234/impact}
   */
  public abstract Map<String, String> presetKeys(String baseUrl);

  /**
   * Plays the faults every platform shows the same way ({@link Fault#OUTAGE}, {@link Fault#HANG},
   * and {@link Fault#RATE_LIMITED} as a plain {@code 429}); call first in each handler.
   *
   * @return whether the request was answered
   */
  protected final boolean common(Context ctx) throws InterruptedException {
    requests.incrementAndGet();
    return switch (fault) {
      case OUTAGE -> {
        ctx.status(503).contentType("text/html").result(outagePage());
        yield true;
      }
      case HANG -> {
        hang();
        ctx.status(504).result("");
        yield true;
      }
      case RATE_LIMITED -> {
        rateLimited(ctx);
        yield true;
      }
      default -> false;
    };
  }

  /** Holds the request while the fault is {@link Fault#HANG}, at most {@link #HANG_LIMIT}. */
  private void hang() throws InterruptedException {
    long end = System.nanoTime() + HANG_LIMIT.toNanos();
    synchronized (hanging) {
      long left;
      while (fault == Fault.HANG && (left = end - System.nanoTime()) > 0) {
        java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(hanging, left);
      }
    }
  }

  /** {@code 429} with {@code Retry-After}; platforms add their own headers and body. */
  protected void rateLimited(Context ctx) {
    ctx.status(429)
        .header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS))
        .contentType("application/json")
        .result("{\"message\":\"Too Many Requests\"}");
  }

  private static String outagePage() {
    return "<html><head><title>503 Service Temporarily Unavailable</title></head><body>"
        + "<center><h1>503 Service Temporarily Unavailable</h1></center></body></html>";
  }
}
