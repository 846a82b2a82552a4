package dev.tickr.alert;

import dev.tickr.check.Reason;
import dev.tickr.check.TlsInfo;
import dev.tickr.config.ChannelPolicy;
import dev.tickr.config.ChannelPolicy.Event;
import dev.tickr.config.ChannelSpec;
import dev.tickr.config.MonitorSpec;
import dev.tickr.connectivity.LinkEvent;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * The alerts that are not about an incident: a certificate about to expire, a rate limit running
 * low, a redirect chain that changed, Tickr's own link lost or back. Each goes to the channels
 * whose events ask for it, through the engine's {@link Grouper}, under the engine's lock.
 */
final class Notices {
  private final Supplier<Setup> setup;
  private final Grouper grouper;
  private final Object lock;
  private final BiPredicate<MonitorSpec, Instant> heldBack;
  private final Runnable wake;
  private final Clock clock;
  private final Set<String> certificates = new HashSet<>();

  /**
   * @param lock the engine's lock, held while the grouper decides
   * @param heldBack whether a monitor's alerts are held back now (maintenance, flapping)
   * @param wake wakes the engine's timer to deliver
   */
  Notices(
      Supplier<Setup> setup,
      Grouper grouper,
      Object lock,
      BiPredicate<MonitorSpec, Instant> heldBack,
      Runnable wake,
      Clock clock) {
    this.setup = setup;
    this.grouper = grouper;
    this.lock = lock;
    this.heldBack = heldBack;
    this.wake = wake;
    this.clock = clock;
  }

  /**
   * A check saw this certificate: warns, once per certificate, each channel whose {@code
   * certificate-expiry} it expires within.
   */
  public void certificate(String monitor, TlsInfo tls, Instant at) {
    Setup s = setup.get();
    MonitorSpec spec = s.monitor(monitor).orElse(null);
    if (spec == null) {
      return;
    }
    Duration left = tls.untilExpiry(at);
    List<String> channels = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    String fingerprint = null;
    for (String channel : s.hearing(spec.alerts(), Event.CERTIFICATE)) {
      ChannelPolicy p = s.policy(channel);
      Duration ahead = p == null ? null : p.certificateExpiry();
      if (ahead != null && left.compareTo(ahead) <= 0) {
        fingerprint = fingerprint == null ? fingerprint(tls) : fingerprint;
        channels.add(channel);
        ids.add(AlertIds.certificate(monitor, fingerprint, ahead, channel));
      }
    }
    if (fingerprint == null) {
      return;
    }
    synchronized (lock) {
      if (heldBack.test(spec, at)) {
        return;
      }
      Alert alert = Alerts.certificate(monitor, spec.tags(), tls, fingerprint, at);
      for (int i = 0; i < ids.size(); i++) {
        if (certificates.add(ids.get(i))) {
          grouper.decide(ids.get(i), channels.get(i), alert, at);
        }
      }
    }
    wake.run();
  }

  /**
   * What a target says is left of its rate limit fell below the monitor's {@code warn-below}: a
   * notice to each of its channels whose events list asks for {@code quota-low}. The caller sends
   * it once per crossing.
   *
   * @param window the rate-limit window ({@code hour}), empty for none
   * @param detail what is left, e.g. {@code X-RateLimit-Remaining-hour is 40 of 500 (8%)}
   */
  public void quotaLow(String monitor, String window, String detail, Instant at) {
    Setup s = setup.get();
    MonitorSpec spec = s.monitor(monitor).orElse(null);
    if (spec == null) {
      return;
    }
    Alert alert = Alerts.quotaLow(monitor, spec.tags(), detail, window, at);
    synchronized (lock) {
      for (String channel : s.hearing(spec.alerts(), Event.QUOTA_LOW)) {
        grouper.decide(alert.dedupKey() + ":" + channel, channel, alert, at);
      }
    }
    wake.run();
  }

  /**
   * A monitor's redirect chain settled on another shape: a notice to each of its channels whose
   * events list asks for {@code chain-changed}. The caller sends it once per change.
   *
   * @param detail the old and the new shape, e.g. {@code redirect chain changed: was … (2 hops),
   *     now … (1 hop)}
   */
  public void chainChanged(String monitor, String detail, Instant at) {
    Setup s = setup.get();
    MonitorSpec spec = s.monitor(monitor).orElse(null);
    if (spec == null) {
      return;
    }
    Alert alert = Alerts.chainChanged(monitor, spec.tags(), detail, at);
    synchronized (lock) {
      for (String channel : s.hearing(spec.alerts(), Event.CHAIN_CHANGED)) {
        grouper.decide(alert.dedupKey() + ":" + channel, channel, alert, at);
      }
    }
    wake.run();
  }

  /**
   * Tickr's own link was lost or is back: a notice to every channel whose events list asks for it,
   * once per loss. Not about any monitor, so no maintenance window or flapping holds it back.
   */
  public void connectivity(LinkEvent event) {
    Instant now = clock.instant();
    Setup s = setup.get();
    Alert alert =
        switch (event) {
          case LinkEvent.Lost l -> Alerts.connectivity(l.lostAt(), null, l.reason(), l.detail());
          case LinkEvent.Restored r ->
              Alerts.connectivity(
                  r.lostAt(),
                  r.restoredAt(),
                  Reason.CONNECT,
                  "Tickr reaches its canaries again (" + r.detail() + ")");
        };
    Event wanted =
        event instanceof LinkEvent.Lost ? Event.CONNECTIVITY_LOST : Event.CONNECTIVITY_RESTORED;
    String what = event instanceof LinkEvent.Lost ? "lost" : "restored";
    List<String> all = s.config().channels().stream().map(ChannelSpec::name).toList();
    synchronized (lock) {
      for (String channel : s.hearing(all, wanted)) {
        grouper.decide(AlertIds.connectivity(event.lostAt(), what, channel), channel, alert, now);
      }
    }
    wake.run();
  }

  private static String fingerprint(TlsInfo tls) {
    try {
      return AlertIds.sha256(tls.leaf().getEncoded()).substring(0, 16);
    } catch (CertificateEncodingException e) {
      return AlertIds.sha256(tls.leaf().getSerialNumber().toString()).substring(0, 16);
    }
  }
}
