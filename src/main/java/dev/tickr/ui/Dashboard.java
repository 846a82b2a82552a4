package dev.tickr.ui;

import dev.tickr.alert.ChannelHealth;
import dev.tickr.check.Redaction;
import dev.tickr.daemon.DaemonControl;
import dev.tickr.documents.ApiMonitors;
import dev.tickr.store.Store;
import io.javalin.config.JavalinConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard for logged-in people: server-rendered pages (they read the daemon and the store
 * directly) whose scripts change things through the REST API, with the session's CSRF token. Every
 * page is behind {@link dev.tickr.web.Access}; the public status pages live in {@link
 * dev.tickr.web.StatusPages}.
 */
public final class Dashboard {
  private final DaemonControl daemon;
  private final Store store;
  private final ApiMonitors api;
  private final Clock clock;

  public Dashboard(DaemonControl daemon, Store store, ApiMonitors api, Clock clock) {
    this.daemon = daemon;
    this.store = store;
    this.api = api;
    this.clock = clock;
  }

  public void install(JavalinConfig config) {
    new Assets().install(config);
    new MonitorFormPage(daemon, api).install(config); // before any /monitors/{name} page
    new ChannelsPage(this::channels).install(config);
    new MaintenancePage(daemon, clock).install(config);
    new ImpactPage(daemon, store, clock).install(config);
    new OverviewPage(daemon, store, clock, this::channels).install(config);
    // after every fixed path under /monitors/ (such as /monitors/new): Javalin takes the first
    // match
    new MonitorPage(daemon, store, clock).install(config);
  }

  ApiMonitors api() {
    return api;
  }

  /** The daemon's alert channels with how their deliveries are going. */
  List<ChannelView> channels() {
    Map<String, String> types = new HashMap<>();
    daemon.config().channels().forEach(c -> types.put(c.name(), c.type()));
    var secrets = daemon.config().secretValues().values();
    List<ChannelView> views = new ArrayList<>();
    for (ChannelHealth h : daemon.channelHealth()) {
      String error = h.lastErrorText();
      views.add(
          new ChannelView(
              h.channel(),
              types.getOrDefault(h.channel(), "?"),
              h.failures(),
              h.pending(),
              h.lastSuccess(),
              h.lastError(),
              error == null ? null : Redaction.scrub(error, secrets)));
    }
    return views;
  }
}
