package dev.tickr.incident;

import dev.tickr.check.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Decides, for one monitor, what an outcome means: the explicit state machine over {@link
 * MonitorState} with {@link Transition} as its only way to change state. Pure: it returns the new
 * status and the events to announce, and keeps nothing itself.
 *
 * <p>A monitor goes DOWN after {@code failureThreshold} consecutive failed checks (DEGRADED when
 * those failures were only soft ones) and UP again after {@code successThreshold} consecutive good
 * ones. Going DOWN opens an incident that starts at the streak's first failure; leaving DOWN
 * resolves it.
 */
public final class StateMachine {
  private final LongSupplier incidentIds;

  /**
   * @param incidentIds hands out unique, increasing incident ids (the store's sequence)
   */
  public StateMachine(LongSupplier incidentIds) {
    this.incidentIds = incidentIds;
  }

  /** How many checks in a row change the verdict. */
  public record Thresholds(int failure, int success) {
    public Thresholds {
      if (failure < 1 || success < 1) {
        throw new IllegalArgumentException("thresholds are at least 1");
      }
    }
  }

  /** The new status and what to announce. */
  public record Step(MonitorStatus status, List<IncidentEvent> events) {
    public Step {
      events = List.copyOf(events);
    }
  }

  public Step apply(MonitorStatus s, Outcome o, Thresholds t) {
    if (s.state() == MonitorState.PAUSED || s.state() == MonitorState.MAINTENANCE) {
      return new Step(
          with(s, s.failures(), s.successes(), s.streakStart(), s.firstFailure(), o.at()),
          List.of());
    }
    if (o.verdict() == Verdict.INCONCLUSIVE) {
      return new Step(
          with(s, s.failures(), s.successes(), s.streakStart(), s.firstFailure(), o.at()),
          List.of());
    }
    if (o.verdict() == Verdict.OK) {
      return onSuccess(s, o, t);
    }
    return onFailure(s, o, t);
  }

  private Step onSuccess(MonitorStatus s, Outcome o, Thresholds t) {
    int successes = s.successes() + 1;
    MonitorStatus counted = with(s, 0, successes, null, null, o.at());
    boolean recovers = s.state() == MonitorState.PENDING || successes >= t.success();
    if (s.state() == MonitorState.UP || !recovers) {
      // Still bad until enough good checks in a row; keep the streak for a later relapse.
      return new Step(
          s.state() == MonitorState.UP
              ? counted
              : with(s, s.failures(), successes, s.streakStart(), s.firstFailure(), o.at()),
          List.of());
    }
    return change(counted, MonitorState.UP, o.at(), o.at(), null);
  }

  private Step onFailure(MonitorStatus s, Outcome o, Thresholds t) {
    int failures = s.failures() + 1;
    Outcome streakStart = s.streakStart() == null ? o : s.streakStart();
    Outcome firstFailure =
        s.firstFailure() == null && o.verdict() == Verdict.FAILED ? o : s.firstFailure();
    MonitorStatus counted = with(s, failures, 0, streakStart, firstFailure, o.at());
    if (failures < t.failure()) {
      return new Step(counted, List.of());
    }
    MonitorState target = o.verdict() == Verdict.FAILED ? MonitorState.DOWN : MonitorState.DEGRADED;
    if (s.state() == target) {
      return new Step(counted, List.of());
    }
    if (target == MonitorState.DOWN) {
      Outcome first = Objects.requireNonNull(firstFailure);
      Incident incident =
          new Incident(
              incidentIds.getAsLong(),
              s.monitor(),
              first.at(),
              null,
              Objects.requireNonNullElse(first.reason(), Reason.INTERNAL),
              Objects.requireNonNullElse(first.detail(), "failed"),
              first.evidence());
      return change(counted, MonitorState.DOWN, first.at(), o.at(), incident);
    }
    return change(counted, MonitorState.DEGRADED, streakStart.at(), o.at(), null);
  }

  /**
   * Forgets the current streaks, so the next outcomes judge the monitor afresh; its state, since
   * and open incident stay. For when Tickr's own link returns: what it counted around the loss may
   * have been its own fault.
   */
  public Step afresh(MonitorStatus s) {
    if (s.failures() == 0
        && s.successes() == 0
        && s.streakStart() == null
        && s.firstFailure() == null) {
      return new Step(s, List.of());
    }
    return new Step(with(s, 0, 0, null, null, s.lastCheck()), List.of());
  }

  /** Stops judging a monitor; an open incident ends now, since nobody watches any more. */
  public Step pause(MonitorStatus s, Instant at) {
    if (s.state() == MonitorState.PAUSED) {
      return new Step(s, List.of());
    }
    return change(with(s, 0, 0, null, null, s.lastCheck()), MonitorState.PAUSED, at, at, null);
  }

  /** Starts judging again from scratch. */
  public Step resume(MonitorStatus s, Instant at) {
    if (s.state() != MonitorState.PAUSED) {
      return new Step(s, List.of());
    }
    return change(s, MonitorState.PENDING, at, at, null);
  }

  /**
   * The monitor's maintenance window changed from {@code was} to {@code is} (either may be none):
   * its judged state stays, what it is shown as may enter or leave MAINTENANCE.
   */
  public Step maintenance(
      MonitorStatus s, @Nullable Maintenance was, @Nullable Maintenance is, Instant at) {
    return new Step(s, shown(s.monitor(), ShownState.of(s, was), ShownState.of(s, is), at));
  }

  /**
   * The event for a change of what a monitor is shown as, when it enters or leaves MAINTENANCE;
   * none otherwise (a change of the judged state is told by {@link IncidentEvent.StateChanged}).
   */
  static List<IncidentEvent> shown(
      String monitor, ShownState before, ShownState after, Instant at) {
    if (before.state() == after.state()
        || (before.state() != MonitorState.MAINTENANCE
            && after.state() != MonitorState.MAINTENANCE)) {
      return List.of();
    }
    return List.of(
        new IncidentEvent.ShownChanged(
            monitor, Transition.between(before.state(), after.state()), at, after));
  }

  private Step change(
      MonitorStatus s, MonitorState to, Instant since, Instant at, @Nullable Incident opened) {
    Transition transition = Transition.between(s.state(), to);
    List<IncidentEvent> events = new ArrayList<>();
    Incident incident = s.incident();
    if (incident != null && to != MonitorState.DOWN) {
      events.add(new IncidentEvent.IncidentResolved(incident.resolvedAt(at), at));
      incident = null;
    }
    if (opened != null) {
      incident = opened;
    }
    MonitorStatus next =
        new MonitorStatus(
            s.monitor(),
            to,
            since,
            s.failures(),
            s.successes(),
            s.streakStart(),
            s.firstFailure(),
            incident,
            s.lastCheck());
    events.add(new IncidentEvent.StateChanged(s.monitor(), transition, at, next));
    if (opened != null) {
      events.add(new IncidentEvent.IncidentOpened(opened, at));
    }
    return new Step(next, events);
  }

  private static MonitorStatus with(
      MonitorStatus s,
      int failures,
      int successes,
      @Nullable Outcome streakStart,
      @Nullable Outcome firstFailure,
      @Nullable Instant lastCheck) {
    return new MonitorStatus(
        s.monitor(),
        s.state(),
        s.since(),
        failures,
        successes,
        streakStart,
        firstFailure,
        s.incident(),
        lastCheck);
  }
}
