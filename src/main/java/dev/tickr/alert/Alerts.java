package dev.tickr.alert;

import dev.tickr.check.Reason;
import dev.tickr.check.TlsInfo;
import dev.tickr.incident.Evidence;
import dev.tickr.incident.Incident;
import dev.tickr.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds the {@link Alert} for each kind of news, from incidents and observations. */
final class Alerts {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Alerts() {}

  /** DOWN, REMINDER or UP about an incident; its dedup key is the incident's. */
  static Alert incident(AlertEvent event, Incident i, List<String> tags) {
    Evidence e = i.evidence();
    return new Alert(
        event,
        i.monitor(),
        tags,
        i.id(),
        i.startedAt(),
        event == AlertEvent.UP ? i.endedAt() : null,
        i.reason(),
        i.detail(),
        e.status(),
        e.bodyStart(),
        null,
        AlertIds.dedupKey(i.monitor(), i.id()));
  }

  /** DEGRADED, or the UP that ends it ({@code endedAt} set). */
  static Alert degraded(String monitor, List<String> tags, Degraded d, @Nullable Instant endedAt) {
    return new Alert(
        endedAt == null ? AlertEvent.DEGRADED : AlertEvent.UP,
        monitor,
        tags,
        0,
        d.since(),
        endedAt,
        d.reason(),
        d.detail(),
        d.evidence().status(),
        d.evidence().bodyStart(),
        null,
        AlertIds.degradedKey(monitor, d.since()));
  }

  /** The notice that a monitor flaps, or that it settled ({@code settledAt} set). */
  static Alert flapping(
      String monitor,
      List<String> tags,
      Instant since,
      @Nullable Instant settledAt,
      Reason reason,
      String detail) {
    return new Alert(
        AlertEvent.FLAPPING,
        monitor,
        tags,
        0,
        since,
        settledAt,
        reason,
        detail,
        null,
        "",
        null,
        AlertIds.flappingKey(monitor, since));
  }

  /**
   * The notice that Tickr's own link is lost ({@code restoredAt} null) or back. It is about no
   * monitor: its monitor is {@link Alert#NO_MONITOR}.
   */
  static Alert connectivity(
      Instant lostAt, @Nullable Instant restoredAt, Reason reason, String detail) {
    return new Alert(
        restoredAt == null ? AlertEvent.CONNECTIVITY_LOST : AlertEvent.CONNECTIVITY_RESTORED,
        Alert.NO_MONITOR,
        List.of(),
        0,
        lostAt,
        restoredAt,
        reason,
        detail,
        null,
        "",
        null,
        AlertIds.connectivityKey(lostAt));
  }

  static Alert certificate(
      String monitor, List<String> tags, TlsInfo tls, String fingerprint, Instant now) {
    Instant expires = tls.expiresAt();
    Duration left = tls.untilExpiry(now);
    String subject = tls.leaf().getSubjectX500Principal().getName();
    String detail =
        left.isNegative()
            ? "certificate " + subject + " expired on " + DAY.format(expires)
            : "certificate "
                + subject
                + " expires on "
                + DAY.format(expires)
                + " ("
                + Durations.format(left)
                + " left)";
    return new Alert(
        AlertEvent.CERTIFICATE,
        monitor,
        tags,
        0,
        now,
        null,
        Reason.TLS,
        detail,
        null,
        "",
        expires,
        AlertIds.certificateKey(monitor, fingerprint));
  }

  /** The notice that a target's remaining rate limit fell below {@code warn-below}. */
  static Alert quotaLow(
      String monitor, List<String> tags, String detail, String window, Instant at) {
    return new Alert(
        AlertEvent.QUOTA_LOW,
        monitor,
        tags,
        0,
        at,
        null,
        Reason.RATE_LIMITED,
        detail,
        null,
        "",
        null,
        AlertIds.quotaLowKey(monitor, window, at));
  }

  /** The notice that a monitor's redirect chain settled on another shape. */
  static Alert chainChanged(String monitor, List<String> tags, String detail, Instant at) {
    return new Alert(
        AlertEvent.CHAIN_CHANGED,
        monitor,
        tags,
        0,
        at,
        null,
        Reason.HTTP_STATUS,
        detail,
        null,
        "",
        null,
        AlertIds.chainChangedKey(monitor, at));
  }

  /** A DEGRADED spell: when it began and why. */
  record Degraded(Instant since, Reason reason, String detail, Evidence evidence) {}
}
