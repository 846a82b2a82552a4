package dev.tickr.heartbeat;

import org.jspecify.annotations.Nullable;

/**
 * Takes the pings that arrive at {@code /ping/<token>}; the web server's only view of heartbeats.
 */
@FunctionalInterface
public interface PingReceiver {

  /** What became of a ping, with the HTTP status it is answered with. */
  enum Answer {
    /** Recorded (or, for a paused monitor, taken and ignored). */
    ACCEPTED(200),
    /** No heartbeat has this token: nothing was recorded. */
    UNKNOWN(404),
    /** Too many pings for this token just now: nothing was recorded. */
    RATE_LIMITED(429),
    /**
     * The ping's count is no number, or its body lacks the count the monitor reads: nothing was
     * recorded.
     */
    BAD_COUNT(400);

    private final int status;

    Answer(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  Answer receive(String token, Ping ping);

  /**
   * A ping that may carry a count ({@code ?count=N}); a receiver that counts nothing takes it as a
   * plain ping.
   *
   * @param count the count the URL gives, {@code null} when it gives none
   */
  default Answer receive(String token, Ping ping, @Nullable Double count) {
    return receive(token, ping);
  }

  /** Knows no token: every ping is {@link Answer#UNKNOWN}. */
  static PingReceiver none() {
    return (token, ping) -> Answer.UNKNOWN;
  }
}
