package dev.tickr.alert;

import dev.tickr.config.ChannelPolicy;
import dev.tickr.config.ChannelPolicy.Event;
import dev.tickr.config.Escalation;
import dev.tickr.config.MonitorSpec;
import dev.tickr.incident.Incident;
import dev.tickr.store.AlertStore;
import dev.tickr.store.IncidentStore;
import dev.tickr.store.OutboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts of open incidents, level-triggered: at every event and due time, works out what each
 * open incident calls for by now (its DOWN to the monitor's channels, reminders every {@code
 * renotify}, each escalation step) and decides what is missing. Reminders and escalation stop once
 * someone acknowledges the incident, which is read from the store, so an acknowledgement from the
 * command line counts. Not thread-safe: the engine calls it under its lock.
 */
final class IncidentAlerts {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentAlerts.class);

  private final IncidentStore incidentStore;
  private final AlertStore alertStore;
  private final OutboxStore outboxStore;
  private final Supplier<Setup> setup;
  private final Grouper grouper;
  private final Hold hold;
  private final RecoveryNote recovery;
  private final Map<Long, OpenIncident> open = new LinkedHashMap<>();

  /**
   * The page each open incident's DOWN went out on, per channel, once known: it never changes, and
   * a burst of many DOWNs would otherwise read every other one's back from the store for each.
   */
  private final Map<String, SharedPages.Page> pages = new HashMap<>();

  /**
   * @param hold until when an open incident's alerts are held back (maintenance, flapping)
   */
  IncidentAlerts(
      IncidentStore incidentStore,
      AlertStore alertStore,
      OutboxStore outboxStore,
      Supplier<Setup> setup,
      Grouper grouper,
      Hold hold,
      RecoveryNote recovery) {
    this.recovery = recovery;
    this.incidentStore = incidentStore;
    this.alertStore = alertStore;
    this.outboxStore = outboxStore;
    this.setup = setup;
    this.grouper = grouper;
    this.hold = hold;
  }

  /** Takes back the open incidents of the last run, with what was decided about them. */
  void restore() {
    for (Incident i : incidentStore.openIncidents()) {
      open.put(i.id(), OpenIncident.load(i, alertStore, incidentStore));
    }
  }

  void opened(Incident incident, Instant now) {
    OpenIncident oi = new OpenIncident(incident);
    MonitorSpec spec = setup.get().monitor(incident.monitor()).orElse(null);
    if (spec != null && setup.get().inMaintenance(spec, now)) {
      incidentStore.markMaintenance(incident.id());
      oi.maintenance = true;
      LOG.info(
          "monitor={} incident={} opened during maintenance: no alert while it lasts",
          incident.monitor(),
          incident.id());
    }
    open.put(incident.id(), oi);
    reconcile(oi, now);
  }

  /**
   * UP to every channel told the incident was DOWN, whatever else holds alerts back. On a page it
   * shares with others, the UP waits for the last of them: it resolves the page.
   */
  void resolved(Incident incident, Instant now) {
    OpenIncident oi = open.remove(incident.id());
    pages.keySet().removeIf(k -> k.startsWith(incident.id() + "\n"));
    if (oi == null) {
      oi = OpenIncident.load(incident, alertStore, incidentStore);
    }
    Setup s = setup.get();
    List<String> tags = s.monitor(incident.monitor()).map(MonitorSpec::tags).orElse(List.of());
    String impact = impactOf(incident);
    for (String channel : s.hearing(List.copyOf(oi.downAt.keySet()), Event.UP)) {
      Alert up = Alerts.incident(AlertEvent.UP, incident, tags).withImpact(impact);
      if (s.sharesPages(channel)) {
        grouper.releaseDownOf(incident.id(), channel, now);
      }
      SharedPages.Page page =
          SharedPages.of(alertStore, outboxStore, incident.id(), channel).orElse(null);
      if (page != null) {
        List<Long> down = SharedPages.openOn(id -> pageOf(id, channel), open.keySet(), page.key());
        if (!down.isEmpty()) {
          LOG.info(
              "monitor={} incident={} channel={} page={} recovered; the page stays open for"
                  + " incidents {}",
              incident.monitor(),
              incident.id(),
              channel,
              page.key(),
              down);
          continue;
        }
        up = up.withDedupKey(page.key());
      }
      grouper.decide(AlertIds.incident(incident.id(), "up", channel), channel, up, now);
    }
  }

  /** What {@link RecoveryNote} says of the incident's impact; "" when it fails. */
  private String impactOf(Incident incident) {
    try {
      return recovery.note(incident);
    } catch (RuntimeException e) {
      LOG.warn(
          "monitor={} incident={} the recovery note failed: {}",
          incident.monitor(),
          incident.id(),
          e.toString());
      return "";
    }
  }

  /** Decides what every open incident calls for by now. */
  void reconcileAll(Instant now) {
    for (OpenIncident oi : List.copyOf(open.values())) {
      reconcile(oi, now);
    }
  }

  /** When an open incident next calls for something; MAX when none will. */
  Instant nextDue(Instant now) {
    Instant next = Instant.MAX;
    for (OpenIncident oi : open.values()) {
      next = Times.earliest(next, plan(oi, now).next());
    }
    return next;
  }

  /** Until when an open incident's alerts are held back. */
  @FunctionalInterface
  interface Hold {
    /**
     * @return the instant the hold ends by itself ({@link Instant#MAX} when only another event ends
     *     it); not after {@code now} when the incident's alerts are not held
     */
    Instant until(MonitorSpec spec, Incident incident, Instant now);
  }

  /** One alert an open incident calls for, due at {@code at}. */
  private record Step(
      String id, String channel, AlertEvent event, Instant at, boolean stoppedByAck) {}

  /** What an open incident calls for: steps due by now, and when the next one comes due. */
  private record Plan(List<Step> due, Instant next) {}

  private void reconcile(OpenIncident oi, Instant now) {
    Plan plan = plan(oi, now);
    if (plan.due().isEmpty()) {
      return;
    }
    if (plan.due().stream().anyMatch(Step::stoppedByAck) && acknowledged(oi)) {
      plan = plan(oi, now);
    }
    List<String> tags = setup.get().monitor(oi.monitor()).map(MonitorSpec::tags).orElse(List.of());
    for (Step step : plan.due()) {
      Alert alert = Alerts.incident(step.event(), oi.incident, tags);
      if (step.event() == AlertEvent.DOWN && setup.get().sharesPages(step.channel())) {
        page(oi, step, alert, now);
      } else {
        if (step.event() == AlertEvent.REMINDER) {
          String key =
              SharedPages.of(alertStore, outboxStore, oi.id(), step.channel())
                  .map(SharedPages.Page::key)
                  .orElse(null);
          alert = key == null ? alert : alert.withDedupKey(key);
        }
        grouper.decide(step.id(), step.channel(), alert, now);
      }
      oi.decided.add(step.id());
      if (step.event() == AlertEvent.DOWN) {
        oi.downAt.putIfAbsent(step.channel(), now);
      }
    }
  }

  /**
   * Sends a DOWN on a paging channel at once, on a page: the page of the same reason opened on the
   * channel within its group window when there is one (the provider folds it in by the page's key,
   * and is sent every monitor on it), else a page of its own that later DOWNs can join.
   */
  private void page(OpenIncident oi, Step step, Alert alert, Instant now) {
    ChannelPolicy p = setup.get().policy(step.channel());
    Duration window = p == null ? Duration.ZERO : p.group();
    List<Long> others = open.keySet().stream().filter(id -> id != oi.id()).toList();
    SharedPages.Page page =
        SharedPages.joinable(id -> pageOf(id, step.channel()), others, alert.reason(), now, window)
            .orElse(null);
    String key = page == null ? AlertIds.pageKey(step.id(), now) : page.key();
    List<Alert> before =
        page == null
            ? List.of()
            : page.alerts().stream().filter(a -> a.incidentId() != oi.id()).toList();
    grouper.sendNow(step.id(), step.channel(), alert.withDedupKey(key), before, now);
  }

  /** The page the open incident's DOWN went out on for the channel, remembered once found. */
  private Optional<SharedPages.Page> pageOf(long incidentId, String channel) {
    String k = incidentId + "\n" + channel;
    SharedPages.Page known = pages.get(k);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<SharedPages.Page> found = SharedPages.of(alertStore, outboxStore, incidentId, channel);
    found.ifPresent(p -> pages.put(k, p));
    return found;
  }

  private Plan plan(OpenIncident oi, Instant now) {
    Setup s = setup.get();
    MonitorSpec spec = s.monitor(oi.monitor()).orElse(null);
    if (spec == null) {
      return new Plan(List.of(), Instant.MAX);
    }
    Instant held = hold.until(spec, oi.incident, now);
    if (held.isAfter(now)) {
      return new Plan(List.of(), held);
    }
    List<Step> steps = new ArrayList<>();
    Set<String> told = new HashSet<>(oi.downAt.keySet());
    for (String channel : s.hearing(spec.alerts(), Event.DOWN)) {
      told.add(channel);
      steps.add(
          new Step(
              AlertIds.incident(oi.id(), "down", channel),
              channel,
              AlertEvent.DOWN,
              oi.incident.startedAt(),
              false));
    }
    Instant next = Instant.MAX;
    if (!oi.acknowledged) {
      next = reminders(oi, s, now, steps);
      next = Times.earliest(next, escalation(oi, spec, s, told, now, steps));
    }
    steps.removeIf(step -> oi.decided.contains(step.id()));
    return new Plan(steps, next);
  }

  /** Adds the reminder due now per channel told; returns when the next one comes due. */
  private Instant reminders(OpenIncident oi, Setup s, Instant now, List<Step> steps) {
    Instant next = Instant.MAX;
    for (Map.Entry<String, Instant> down : oi.downAt.entrySet()) {
      String channel = down.getKey();
      ChannelPolicy p = s.policy(channel);
      Duration every = p == null || !p.hears(Event.REMINDER) ? null : p.renotify();
      if (every == null) {
        continue;
      }
      long k = Math.max(0, Duration.between(down.getValue(), now).dividedBy(every));
      if (k >= 1) {
        steps.add(
            new Step(
                AlertIds.incident(oi.id(), "reminder-" + k, channel),
                channel,
                AlertEvent.REMINDER,
                down.getValue().plus(every.multipliedBy(k)),
                true));
      }
      next = Times.earliest(next, down.getValue().plus(every.multipliedBy(k + 1)));
    }
    return next;
  }

  /**
   * Adds the escalation steps due now: a DOWN to a channel not told yet, a REMINDER to one told;
   * returns when the next step comes due.
   */
  private Instant escalation(
      OpenIncident oi, MonitorSpec spec, Setup s, Set<String> told, Instant now, List<Step> steps) {
    Instant next = Instant.MAX;
    List<Escalation> escalate = spec.escalate();
    for (int j = 0; j < escalate.size(); j++) {
      Escalation e = escalate.get(j);
      Instant at = oi.incident.startedAt().plus(e.after());
      for (String channel : e.alerts()) {
        String id = AlertIds.incident(oi.id(), "escalation-" + (j + 1), channel);
        AlertEvent event = told.contains(channel) ? AlertEvent.REMINDER : AlertEvent.DOWN;
        ChannelPolicy p = s.policy(channel);
        if (p == null
            || oi.decided.contains(id)
            || !p.hears(event == AlertEvent.DOWN ? Event.DOWN : Event.REMINDER)) {
          continue;
        }
        if (at.isAfter(now)) {
          next = Times.earliest(next, at);
        } else {
          steps.add(new Step(id, channel, event, at, true));
        }
      }
    }
    return next;
  }

  /** Reads the acknowledgement again: someone may have given it from the command line. */
  private boolean acknowledged(OpenIncident oi) {
    if (!oi.acknowledged) {
      incidentStore
          .incidentRow(oi.id())
          .filter(r -> r.acknowledged())
          .ifPresent(
              r -> {
                oi.acknowledged = true;
                LOG.info(
                    "monitor={} incident={} acknowledged by={} at={}: reminders and escalation"
                        + " stop",
                    oi.monitor(),
                    oi.id(),
                    r.acknowledgedBy(),
                    r.acknowledgedAt());
              });
    }
    return oi.acknowledged;
  }
}
