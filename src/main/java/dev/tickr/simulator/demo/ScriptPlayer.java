package dev.tickr.simulator.demo;

import dev.tickr.simulator.Fault;
import dev.tickr.simulator.PlatformFake;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Plays the demo's incidents, one after the other: sets a platform's fault, holds it for the pace's
 * {@code hold} and until the step's monitor alerted (at most {@code cap}), says whether the alert
 * gave the scripted reason, clears the fault, and lets the monitor recover before the next. Over
 * and over, or once ({@code once}), then it says how many alerted as scripted.
 */
public final class ScriptPlayer implements AutoCloseable {
  /**
   * How a step went.
   *
   * @param got the reason of the monitor's alert, or "" when none came
   */
  public record Outcome(Step step, String got) {
    public boolean asScripted() {
      return step.reason().equals(got);
    }
  }

  private final List<Step> steps;
  private final Map<String, PlatformFake> platforms;
  private final AlertReceiver alerts;
  private final Pace pace;
  private final boolean once;
  private final Terminal terminal;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final List<Outcome> outcomes = new ArrayList<>();
  private final Thread thread;

  public ScriptPlayer(
      List<Step> steps,
      Map<String, PlatformFake> platforms,
      AlertReceiver alerts,
      Pace pace,
      boolean once,
      Terminal terminal) {
    for (Step s : steps) {
      if (!platforms.containsKey(s.platform())) {
        throw new IllegalArgumentException("the script names no simulated " + s.platform());
      }
    }
    this.steps = List.copyOf(steps);
    this.platforms = Map.copyOf(platforms);
    this.alerts = alerts;
    this.pace = pace;
    this.once = once;
    this.terminal = terminal;
    this.thread = Thread.ofPlatform().daemon().name("tickr-demo-script").unstarted(this::play);
  }

  public ScriptPlayer start() {
    thread.start();
    return this;
  }

  /** The steps played so far, in order. */
  public synchronized List<Outcome> outcomes() {
    return List.copyOf(outcomes);
  }

  private void play() {
    try {
      if (pause(pace.lead())) {
        return;
      }
      do {
        for (int i = 0; i < steps.size(); i++) {
          if (play(steps.get(i), i + 1)) {
            return;
          }
        }
      } while (!once);
      long good = outcomes().stream().filter(Outcome::asScripted).count();
      terminal.say(
          "Script done: %d of %d incidents alerted with the scripted reason."
              .formatted(good, steps.size()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      platforms.values().forEach(p -> p.fault(Fault.NONE));
    }
  }

  /**
   * Plays one step.
   *
   * @return whether the player was stopped meanwhile
   */
  private boolean play(Step step, int number) throws InterruptedException {
    PlatformFake platform = java.util.Objects.requireNonNull(platforms.get(step.platform()));
    long from = alerts.mark();
    long began = System.nanoTime();
    platform.fault(step.fault());
    terminal.say(
        "▶ incident %d/%d: %s (expect %s on %s)"
            .formatted(number, steps.size(), step.story(), step.reason(), step.monitor()));
    Optional<AlertReceiver.Received> alert =
        alerts.await(
            r ->
                r.monitor().equals(step.monitor())
                    && (r.event().equals("down") || r.event().equals("degraded")),
            from,
            pace.cap());
    if (pause(pace.hold().minusNanos(System.nanoTime() - began))) {
      return true;
    }
    long recovering = alerts.mark();
    platform.fault(Fault.NONE);
    Outcome outcome = new Outcome(step, alert.map(AlertReceiver.Received::reason).orElse(""));
    synchronized (this) {
      outcomes.add(outcome);
    }
    if (outcome.asScripted()) {
      terminal.say(
          "✓ incident %d/%d: %s alerted %s, as scripted; %s is healthy again"
              .formatted(number, steps.size(), step.monitor(), step.reason(), step.platform()));
    } else {
      terminal.say(
          "✗ incident %d/%d: %s alerted %s, the script expected %s; %s is healthy again"
              .formatted(
                  number,
                  steps.size(),
                  step.monitor(),
                  alert.isEmpty() ? "nothing within " + pace.cap().toSeconds() + "s" : outcome.got,
                  step.reason(),
                  step.platform()));
    }
    began = System.nanoTime();
    if (alert.isPresent()) {
      var unused =
          alerts.await(
              r -> r.monitor().equals(step.monitor()) && r.event().equals("up"),
              recovering,
              pace.cap());
    }
    return pause(pace.calm().minusNanos(System.nanoTime() - began));
  }

  /**
   * Waits {@code d} (nothing when negative) unless stopped.
   *
   * @return whether it was stopped
   */
  private boolean pause(Duration d) throws InterruptedException {
    if (d.isNegative() || d.isZero()) {
      return stop.getCount() == 0;
    }
    return stop.await(d.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Stops playing; every fault is cleared. */
  @Override
  public void close() {
    stop.countDown();
    thread.interrupt();
    try {
      if (thread.getState() != Thread.State.NEW) {
        var unused = thread.join(Duration.ofSeconds(5));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    platforms.values().forEach(p -> p.fault(Fault.NONE));
  }
}
