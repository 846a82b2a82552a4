package dev.tickr.alert;

import dev.tickr.check.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One monitor's part of a notification, everything already redacted: nothing here may hold a
 * secret, since every field can end up in a chat message.
 *
 * @param monitor the monitor, or {@link #NO_MONITOR} for a notice about Tickr itself
 * @param incidentId the incident, or 0 when there is none (a test, a certificate warning)
 * @param startedAt when the incident (or the degraded spell) began
 * @param endedAt when it ended, for {@link AlertEvent#UP} (and {@link
 *     AlertEvent#CONNECTIVITY_RESTORED})
 * @param reason the stable reason class
 * @param detail what failed, in one phrase: the failed condition with its actual value, or the
 *     probe's error ({@code [STATUS] == 200 (actual 500)}, {@code timeout after 5s while
 *     connecting})
 * @param status the HTTP status of the evidence, when there was an answer
 * @param evidence the start of the evidence body, redacted, at most a KB
 * @param certificateExpiresAt for {@link AlertEvent#CERTIFICATE}
 * @param dedupKey stable per incident (the same for its down, reminder and up), for providers that
 *     deduplicate or resolve by key: PagerDuty {@code dedup_key}, Opsgenie alias, Alertmanager
 *     labels; on a paging channel that shares pages, the key of the page the incident's DOWN went
 *     out on
 * @param impact for the recovery of a revenue-relevant monitor, what the outage is estimated to
 *     have put at risk ("estimated commission at risk: 20.00 EUR, 10 expected conversions"); ""
 *     otherwise
 */
public record Alert(
    AlertEvent event,
    String monitor,
    List<String> tags,
    long incidentId,
    Instant startedAt,
    @Nullable Instant endedAt,
    Reason reason,
    String detail,
    @Nullable Integer status,
    String evidence,
    @Nullable Instant certificateExpiresAt,
    String dedupKey,
    String impact) {

  /** The monitor of a notice about Tickr itself (its connectivity), which concerns none. */
  public static final String NO_MONITOR = "";

  public Alert {
    tags = List.copyOf(tags);
  }

  /** An alert that carries no impact estimate. */
  public Alert(
      AlertEvent event,
      String monitor,
      List<String> tags,
      long incidentId,
      Instant startedAt,
      @Nullable Instant endedAt,
      Reason reason,
      String detail,
      @Nullable Integer status,
      String evidence,
      @Nullable Instant certificateExpiresAt,
      String dedupKey) {
    this(
        event,
        monitor,
        tags,
        incidentId,
        startedAt,
        endedAt,
        reason,
        detail,
        status,
        evidence,
        certificateExpiresAt,
        dedupKey,
        "");
  }

  /** This alert with the estimate of what its outage put at risk. */
  public Alert withImpact(String estimate) {
    return new Alert(
        event,
        monitor,
        tags,
        incidentId,
        startedAt,
        endedAt,
        reason,
        detail,
        status,
        evidence,
        certificateExpiresAt,
        dedupKey,
        estimate);
  }

  /** This alert under another provider-side key: the key of the page it shares with others. */
  public Alert withDedupKey(String key) {
    return new Alert(
        event,
        monitor,
        tags,
        incidentId,
        startedAt,
        endedAt,
        reason,
        detail,
        status,
        evidence,
        certificateExpiresAt,
        key,
        impact);
  }

  /** Whether this is about Tickr itself rather than one monitor. */
  public boolean aboutTickr() {
    return monitor.equals(NO_MONITOR);
  }

  public @Nullable Duration duration() {
    return endedAt == null ? null : Duration.between(startedAt, endedAt);
  }
}
