package dev.tickr.alert;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A hand-written notifier for tests: records every notification it is asked to send and answers
 * from a script (SENT once the script runs out); can be made to stall until released.
 */
final class FakeNotifier implements Notifier {
  private final boolean groups;
  private final List<Notification> received = new ArrayList<>();
  private final Deque<Delivery> script = new ArrayDeque<>();
  private @Nullable CountDownLatch stall;

  FakeNotifier(boolean groups) {
    this.groups = groups;
  }

  /** A notifier for a channel that folds alerts into summaries, as chat channels do. */
  static FakeNotifier recording() {
    return new FakeNotifier(true);
  }

  /** A notifier for a provider that tracks each incident by key, so never folds. */
  static FakeNotifier perIncident() {
    return new FakeNotifier(false);
  }

  /** The next answers, in order. */
  synchronized FakeNotifier answers(Delivery... deliveries) {
    script.addAll(List.of(deliveries));
    return this;
  }

  /** Every send waits until {@link #release} is called. */
  synchronized FakeNotifier stalling() {
    stall = new CountDownLatch(1);
    return this;
  }

  void release() {
    CountDownLatch s;
    synchronized (this) {
      s = stall;
    }
    if (s != null) {
      s.countDown();
    }
  }

  static Delivery retry(@Nullable Duration retryAfter) {
    return new Delivery(Delivery.Outcome.RETRY, 503, "Service Unavailable", retryAfter);
  }

  static Delivery refused() {
    return new Delivery(Delivery.Outcome.FAILED, 400, "Bad Request: no such room", null);
  }

  @Override
  public Delivery send(Notification notification) {
    CountDownLatch s;
    synchronized (this) {
      received.add(notification);
      notifyAll();
      s = stall;
    }
    if (s != null) {
      try {
        if (!s.await(30, TimeUnit.SECONDS)) {
          return retry(null);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return retry(null);
      }
    }
    synchronized (this) {
      Delivery next = script.poll();
      return next != null ? next : Delivery.sent(200, "ok");
    }
  }

  @Override
  public boolean groups() {
    return groups;
  }

  synchronized List<Notification> received() {
    return List.copyOf(received);
  }

  /** Every alert received, in order, across notifications. */
  synchronized List<Alert> alerts() {
    return received.stream().flatMap(n -> n.alerts().stream()).toList();
  }

  synchronized List<AlertEvent> events() {
    return received.stream().map(Notification::event).toList();
  }

  /** Waits (for a real event, not for time to pass) until {@code count} notifications came. */
  synchronized void awaitReceived(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (received.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("expected " + count + " notifications, got " + received);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }
}
