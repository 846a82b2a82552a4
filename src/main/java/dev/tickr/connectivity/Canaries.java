package dev.tickr.connectivity;

import dev.tickr.check.Deadline;
import dev.tickr.check.DnsTarget;
import dev.tickr.check.Failure;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import dev.tickr.check.Target;
import dev.tickr.check.TcpTarget;
import dev.tickr.check.TlsTarget;
import dev.tickr.check.http.HttpCheck;
import dev.tickr.check.tcp.TcpCheck;
import dev.tickr.config.ConnectivitySpec.Canary;
import dev.tickr.time.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Probes every canary at once, each through the check of its type and within the round's timeout: a
 * round is up when at least one canary answers (an HTTP answer of any status counts).
 */
final class Canaries {
  private static final int DETAIL_CHARS = 400;

  /** How much of a canary's answer is read: any answer will do. */
  static final long CANARY_BODY = 1024;

  private final HttpCheck http;
  private final TcpCheck tcp;
  private final Clock clock;
  private final Ticker ticker;
  private final Executor executor;

  Canaries(HttpCheck http, TcpCheck tcp, Clock clock, Ticker ticker, Executor executor) {
    this.http = http;
    this.tcp = tcp;
    this.clock = clock;
    this.ticker = ticker;
    this.executor = executor;
  }

  Round probe(List<Canary> wanted, Duration timeout) {
    long start = ticker.nanos();
    Instant at = clock.instant();
    Deadline deadline = Deadline.after(timeout, ticker);
    List<Target> canaries = wanted.stream().map(Canaries::target).toList();
    List<CompletableFuture<Observation>> running = new ArrayList<>(canaries.size());
    for (Target t : canaries) {
      running.add(CompletableFuture.supplyAsync(() -> observe(t, deadline), executor));
    }
    List<String> failed = new ArrayList<>();
    Reason reason = null;
    for (int i = 0; i < canaries.size(); i++) {
      Failure f = failure(running.get(i));
      if (f == null) {
        return new Round(start, at, true, Reason.CONNECT, canaries.get(i).describe() + " answered");
      }
      reason = reason == null ? f.reason() : reason;
      failed.add(canaries.get(i).describe() + ": " + f.reason().code() + " (" + f.message() + ")");
    }
    String detail =
        (canaries.size() == 1
                ? "the canary failed: "
                : "all " + canaries.size() + " canaries failed: ")
            + String.join("; ", failed);
    if (detail.length() > DETAIL_CHARS) {
      detail = detail.substring(0, DETAIL_CHARS - 1) + "…";
    }
    return new Round(start, at, false, reason == null ? Reason.CONNECT : reason, detail);
  }

  /** Any answer says the link works: a redirect is not followed, and little of a body read. */
  private static Target target(Canary canary) {
    return switch (canary) {
      case Canary.Http h ->
          new HttpTarget(h.url(), "GET", List.of(), null, false, CANARY_BODY, false, List.of());
      case Canary.Tcp t -> new TcpTarget(t.host(), t.port());
    };
  }

  private Observation observe(Target target, Deadline deadline) {
    return switch (target) {
      case HttpTarget h -> http.observe(h, deadline);
      case TcpTarget t -> tcp.observe(t, deadline);
      case TlsTarget t -> throw new IllegalArgumentException("not a canary: " + t.describe());
      case DnsTarget t -> throw new IllegalArgumentException("not a canary: " + t.describe());
    };
  }

  private static @Nullable Failure failure(CompletableFuture<Observation> running) {
    try {
      return running.join().failure();
    } catch (RuntimeException e) {
      return new Failure(Reason.INTERNAL, "the probe crashed: " + e);
    }
  }
}
