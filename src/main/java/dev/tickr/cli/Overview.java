package dev.tickr.cli;

import dev.tickr.alert.ChannelHealth;
import dev.tickr.daemon.Daemon;
import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.store.MaintenanceMark;
import dev.tickr.store.MonitorRow;
import dev.tickr.store.Store;
import dev.tickr.store.Uptime;
import dev.tickr.web.ChannelView;
import dev.tickr.web.MonitorView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Joins the daemon's live state with the store's figures for the overview page; a monitor inside a
 * maintenance window shows as MAINTENANCE.
 */
final class Overview {
  private Overview() {}

  static List<MonitorView> of(Daemon daemon, Store store, Clock clock) {
    Instant now = clock.instant();
    Map<String, MonitorStatus> statuses = daemon.tracker().snapshot();
    Map<String, MaintenanceMark> maintenance = store.maintenance();
    Map<String, Uptime> day = store.uptimes(now.minus(Duration.ofHours(24)), now);
    List<MonitorView> views = new ArrayList<>();
    for (MonitorRow row : store.monitors()) {
      MonitorStatus s = statuses.get(row.name());
      if (s == null) {
        continue;
      }
      Incident open = s.incident();
      MonitorState state = s.state();
      Instant since = s.since();
      MaintenanceMark mark = maintenance.get(row.name());
      if (mark != null && mark.covers(now) && state != MonitorState.PAUSED) {
        state = MonitorState.MAINTENANCE;
        since = mark.start();
      }
      views.add(
          new MonitorView(
              row.name(),
              row.type(),
              state.name(),
              since,
              s.lastCheck(),
              open == null ? null : open.reason() + ": " + open.detail(),
              day.getOrDefault(row.name(), Uptime.NONE).ratio()));
    }
    return views;
  }

  /** The daemon's alert channels with how their deliveries are going. */
  static List<ChannelView> channels(Daemon daemon) {
    Map<String, String> types = new java.util.HashMap<>();
    daemon.config().channels().forEach(c -> types.put(c.name(), c.type()));
    List<ChannelView> views = new ArrayList<>();
    for (ChannelHealth h : daemon.channelHealth()) {
      views.add(
          new ChannelView(
              h.channel(),
              types.getOrDefault(h.channel(), "?"),
              h.failures(),
              h.pending(),
              h.lastSuccess(),
              h.lastError(),
              h.lastErrorText()));
    }
    return views;
  }
}
