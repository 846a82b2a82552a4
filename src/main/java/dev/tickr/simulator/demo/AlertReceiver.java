package dev.tickr.simulator.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The demo's webhook receiver, on loopback: prints each alert Tickr sends as it arrives (a
 * headline, then the JSON body as sent), and keeps the last ones for the script to wait on.
 */
public final class AlertReceiver implements AutoCloseable {
  /** Alerts kept for {@link #await}; older ones are forgotten. */
  static final int KEPT = 1_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One alert as received.
   *
   * @param seq its number, from 0, in order of arrival
   * @param event {@code down}, {@code up}, {@code degraded}...
   * @param reason the incident's reason, or "" when it has none
   */
  public record Received(
      long seq, Instant at, String event, String monitor, String reason, String body) {}

  private final Terminal terminal;
  private final Clock clock;
  private final Javalin app;
  private final Deque<Received> kept = new ArrayDeque<>();
  private long next;
  private int port;

  public AlertReceiver(Terminal terminal, Clock clock) {
    this.terminal = terminal;
    this.clock = clock;
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.concurrency.useVirtualThreads = true;
              config.routes.post("/alerts", this::receive);
            });
  }

  /** Starts listening on a free port of 127.0.0.1. */
  public AlertReceiver start() {
    app.start("127.0.0.1", 0);
    port = app.port();
    return this;
  }

  /** Where Tickr's webhook channel sends: {@code http://127.0.0.1:PORT/alerts}. */
  public String url() {
    return "http://127.0.0.1:" + port + "/alerts";
  }

  private void receive(Context ctx) {
    String body = ctx.body();
    JsonNode alert;
    try {
      alert = JSON.readTree(body);
    } catch (IOException e) {
      ctx.status(400).result("not JSON");
      return;
    }
    String event = alert.path("event").asText("?");
    String monitor = alert.at("/monitor/name").asText("");
    String reason = alert.at("/incident/reason").asText("");
    String detail = alert.at("/incident/detail").asText("");
    Received r;
    synchronized (this) {
      r = new Received(next++, clock.instant(), event, monitor, reason, body);
      kept.addLast(r);
      if (kept.size() > KEPT) {
        kept.removeFirst();
      }
      notifyAll();
    }
    terminal.alert(event, monitor, reason, detail, body.strip());
    // Alerts come a minute or more apart: a connection kept open for the next one would meet the
    // server's idle timeout just as Tickr reuses it, and that alert would wait for a retry.
    ctx.header("Connection", "close").result("ok");
  }

  /** The number the next alert will have: {@link #await} from it sees only alerts after now. */
  public synchronized long mark() {
    return next;
  }

  /**
   * The first alert numbered {@code from} or later that matches, waiting for it at most {@code
   * timeout}.
   */
  public synchronized Optional<Received> await(
      Predicate<Received> wanted, long from, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (Received r : kept) {
        if (r.seq() >= from && wanted.test(r)) {
          return Optional.of(r);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
