package dev.tickr.alert;

import dev.tickr.config.Flapping;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One monitor's flap damping, an explicit state machine: STEADY until more than {@code changes}
 * state changes fall within {@code within}, then FLAPPING until no change has come for {@code
 * within}. Not thread-safe: the engine calls it under its lock.
 */
final class FlapDetector {
  enum State {
    STEADY,
    FLAPPING
  }

  /** The only ways the state changes. */
  enum Transition {
    STARTED(State.STEADY, State.FLAPPING),
    SETTLED(State.FLAPPING, State.STEADY);

    final State from;
    final State to;

    Transition(State from, State to) {
      this.from = from;
      this.to = to;
    }
  }

  private final Deque<Instant> changes = new ArrayDeque<>();
  private State state = State.STEADY;
  private @Nullable Instant since;
  private @Nullable Instant lastChange;

  State state() {
    return state;
  }

  boolean flapping() {
    return state == State.FLAPPING;
  }

  /** When the monitor started flapping; null while steady. */
  @Nullable Instant since() {
    return since;
  }

  /** How many changes fall into the current window. */
  int recentChanges() {
    return changes.size();
  }

  /** Counts a state change; STARTED when it makes the monitor flap. */
  Optional<Transition> change(Instant at, Flapping rule) {
    lastChange = at;
    changes.addLast(at);
    forgetBefore(at.minus(rule.within()));
    if (state == State.STEADY && rule.enabled() && changes.size() > rule.changes()) {
      return Optional.of(move(Transition.STARTED, at));
    }
    return Optional.empty();
  }

  /** SETTLED once no change has come for {@code within} (or damping was turned off). */
  Optional<Transition> settle(Instant now, Flapping rule) {
    Instant due = settlesAt(rule);
    if (due != null && !now.isBefore(due)) {
      forgetBefore(now.minus(rule.within()));
      return Optional.of(move(Transition.SETTLED, now));
    }
    return Optional.empty();
  }

  /** When it settles if nothing changes meanwhile; null while steady. */
  @Nullable Instant settlesAt(Flapping rule) {
    if (state != State.FLAPPING || lastChange == null) {
      return null;
    }
    return rule.enabled() ? lastChange.plus(rule.within()) : lastChange;
  }

  private Transition move(Transition t, Instant at) {
    if (state != t.from) {
      throw new IllegalStateException("illegal flap transition " + state + " -> " + t.to);
    }
    state = t.to;
    since = t.to == State.FLAPPING ? at : null;
    return t;
  }

  private void forgetBefore(Instant horizon) {
    while (!changes.isEmpty() && !changes.peekFirst().isAfter(horizon)) {
      changes.removeFirst();
    }
  }
}
