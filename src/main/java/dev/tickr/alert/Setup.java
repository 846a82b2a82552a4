package dev.tickr.alert;

import dev.tickr.config.ChannelPolicy;
import dev.tickr.config.ChannelSpec;
import dev.tickr.config.Config;
import dev.tickr.config.MonitorSpec;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The config the engine runs with and the notifiers made for its channels, swapped as one on
 * reload; with the questions every part of the engine asks of them.
 *
 * @param listening where Tickr's web server listens ({@code HOST:PORT}), once it does; else empty
 */
record Setup(Config config, Map<String, Notifier> notifiers, String listening) {

  Setup {
    notifiers = Map.copyOf(notifiers);
  }

  Setup(Config config, Map<String, Notifier> notifiers) {
    this(config, notifiers, "");
  }

  Setup listeningOn(String hostPort) {
    return new Setup(config, notifiers, hostPort);
  }

  Optional<MonitorSpec> monitor(String name) {
    return config.monitor(name);
  }

  /** The channel's policy, or null when there is no such channel (any more). */
  @Nullable ChannelPolicy policy(String channel) {
    ChannelSpec spec = config.channel(channel).orElse(null);
    return spec == null ? null : config.policy(spec);
  }

  /** The channels of {@code channels} that exist and hear {@code event}, in order. */
  List<String> hearing(List<String> channels, ChannelPolicy.Event event) {
    List<String> out = new ArrayList<>();
    for (String c : channels) {
      ChannelPolicy p = policy(c);
      if (p != null && p.hears(event)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Whether alerts for the channel wait for its group window to fold into one message. */
  boolean folds(String channel) {
    ChannelPolicy p = policy(channel);
    Notifier n = notifiers.get(channel);
    return p != null && !p.group().isZero() && (n == null || n.groups());
  }

  /**
   * Whether DOWN alerts for the channel share pages: each goes out at once, and one of the same
   * reason within the group window of a page's first DOWN joins that page (the same provider key).
   */
  boolean sharesPages(String channel) {
    ChannelPolicy p = policy(channel);
    Notifier n = notifiers.get(channel);
    return p != null && !p.group().isZero() && n != null && n.sharesPages();
  }

  /**
   * How long an alert of {@code event} for the channel waits for others to join it: its group
   * window when it folds summaries; else zero (a paging channel never waits: its pages are shared
   * at once, see {@link #sharesPages}).
   */
  Duration window(String channel, AlertEvent event) {
    ChannelPolicy p = policy(channel);
    if (p == null) {
      return Duration.ZERO;
    }
    if (folds(channel)) {
      return p.group();
    }
    return Duration.ZERO;
  }

  boolean inMaintenance(MonitorSpec monitor, Instant at) {
    return MaintenanceCalendar.at(config.maintenance(), monitor, at) != null;
  }

  /**
   * Where notifications link to: {@code server.public-url}, else the address the web server listens
   * on (with {@code --listen} or port 0, not necessarily the config's {@code listen}).
   */
  String dashboardUrl() {
    URI url = config.server().publicUrl();
    if (url != null) {
      return url.toString();
    }
    return "http://" + (listening.isEmpty() ? config.server().listen() : listening) + "/";
  }
}
