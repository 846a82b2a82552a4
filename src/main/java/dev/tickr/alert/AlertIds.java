package dev.tickr.alert;

import dev.tickr.store.AlertRow;
import dev.tickr.time.Durations;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Every identifier the alerting engine makes, in one place: they are stored, so a change here is a
 * change of the stored data. An alert's id says what it is about, which is how the engine decides
 * each alert once, across restarts.
 */
final class AlertIds {
  private AlertIds() {}

  /** The provider-side key of an incident: its down, reminders and up share it. */
  static String dedupKey(String monitor, long incidentId) {
    return "tickr-" + monitor + "-" + incidentId;
  }

  static String degradedKey(String monitor, Instant since) {
    return "tickr-" + monitor + "-degraded-" + since.toEpochMilli();
  }

  static String flappingKey(String monitor, Instant since) {
    return "tickr-" + monitor + "-flapping-" + since.toEpochMilli();
  }

  /**
   * The provider-side key of a page on a paging channel, opened by the DOWN {@code alertId} decided
   * {@code at}: a hash of both, so it stays the same on every retry and after a restart. Later
   * DOWNs of the same reason join the page under this key.
   */
  static String pageKey(String alertId, Instant at) {
    return SharedPages.PREFIX
        + sha256("page\n" + alertId + "@" + at.toEpochMilli() + "\n").substring(0, 16);
  }

  /** The provider-side key of one loss of Tickr's own link: its lost and restored share it. */
  static String connectivityKey(Instant lostAt) {
    return "tickr-connectivity-" + lostAt.toEpochMilli();
  }

  static String quotaLowKey(String monitor, String window, Instant at) {
    return "tickr-" + monitor + "-quota-low-" + window + "-" + at.toEpochMilli();
  }

  static String chainChangedKey(String monitor, Instant at) {
    return "tickr-" + monitor + "-chain-changed-" + at.toEpochMilli();
  }

  static String certificateKey(String monitor, String certificate) {
    return "tickr-" + monitor + "-certificate-" + certificate;
  }

  /**
   * An alert about an incident: {@code incident-42:down:ops}, {@code incident-42:reminder-3:ops}.
   */
  static String incident(long incidentId, String what, String channel) {
    return "incident-" + incidentId + ":" + what + ":" + channel;
  }

  static String degraded(String monitor, Instant since, String what, String channel) {
    return "degraded-" + monitor + "-" + since.toEpochMilli() + ":" + what + ":" + channel;
  }

  static String flapping(String monitor, Instant since, String what, String channel) {
    return "flapping-" + monitor + "-" + since.toEpochMilli() + ":" + what + ":" + channel;
  }

  /** {@code connectivity-1764979200000:lost:ops}. */
  static String connectivity(Instant lostAt, String what, String channel) {
    return "connectivity-" + lostAt.toEpochMilli() + ":" + what + ":" + channel;
  }

  static String certificate(String monitor, String certificate, Duration ahead, String channel) {
    return "certificate-"
        + monitor
        + "-"
        + certificate
        + "-"
        + Durations.format(ahead)
        + ":certificate:"
        + channel;
  }

  /**
   * A notification's id, its idempotency key: a hash of the alerts it carries and when each was
   * decided, so it stays the same for as long as the notification exists, and a data directory
   * started afresh (whose incident ids begin at 1 again) never repeats an old one.
   */
  static String notification(List<AlertRow> alerts) {
    StringBuilder text = new StringBuilder();
    for (AlertRow a : alerts) {
      text.append(a.id()).append('@').append(a.createdAt().toEpochMilli()).append('\n');
    }
    return "tickr-" + sha256(text.toString()).substring(0, 24);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
