package dev.tickr.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One monitor's flap damping, an explicit state machine beside the judged one: STEADY until more
 * than {@code changes} judged state changes fall within {@code within}, then FLAPPING until no
 * change has come for {@code within} (at once when damping was turned off). Immutable: each step
 * returns the next state and the {@link Transition} taken, if any.
 *
 * @param changes the judged state changes within the window, oldest first
 * @param since when it started flapping; null while steady
 * @param lastChange when the last judged state change came
 */
public record FlapState(
    State state, List<Instant> changes, @Nullable Instant since, @Nullable Instant lastChange) {

  public enum State {
    STEADY,
    FLAPPING
  }

  /** The only ways the state changes. */
  public enum Transition {
    STARTED(State.STEADY, State.FLAPPING),
    SETTLED(State.FLAPPING, State.STEADY);

    private final State from;
    private final State to;

    Transition(State from, State to) {
      this.from = from;
      this.to = to;
    }

    public State from() {
      return from;
    }

    public State to() {
      return to;
    }
  }

  /** The next state, and the transition that led there; null when the state stayed. */
  public record Step(FlapState next, @Nullable Transition transition) {}

  public static final FlapState STEADY = new FlapState(State.STEADY, List.of(), null, null);

  public FlapState {
    changes = List.copyOf(changes);
  }

  public boolean flapping() {
    return state == State.FLAPPING;
  }

  /** How many changes fall into the current window. */
  public int recentChanges() {
    return changes.size();
  }

  /** Counts a judged state change at {@code at}; STARTED when it makes the monitor flap. */
  public Step change(Instant at, FlapRule rule) {
    List<Instant> recent = new ArrayList<>(after(changes, at.minus(rule.within())));
    recent.add(at);
    FlapState counted = new FlapState(state, recent, since, at);
    if (state == State.STEADY && rule.enabled() && recent.size() > rule.changes()) {
      return counted.move(Transition.STARTED, at);
    }
    return new Step(counted, null);
  }

  /** SETTLED once no change has come for {@code within} (or damping was turned off). */
  public Step settle(Instant now, FlapRule rule) {
    Instant due = settlesAt(rule);
    if (due == null || now.isBefore(due)) {
      return new Step(this, null);
    }
    return new FlapState(state, after(changes, now.minus(rule.within())), since, lastChange)
        .move(Transition.SETTLED, now);
  }

  /** When it settles if nothing changes meanwhile; null while steady. */
  public @Nullable Instant settlesAt(FlapRule rule) {
    if (state != State.FLAPPING || lastChange == null) {
      return null;
    }
    return rule.enabled() ? lastChange.plus(rule.within()) : lastChange;
  }

  private Step move(Transition t, Instant at) {
    if (state != t.from) {
      throw new IllegalStateException("illegal flap transition " + state + " -> " + t.to);
    }
    return new Step(
        new FlapState(t.to, changes, t.to == State.FLAPPING ? at : null, lastChange), t);
  }

  private static List<Instant> after(List<Instant> changes, Instant horizon) {
    return changes.stream().filter(c -> c.isAfter(horizon)).toList();
  }
}
