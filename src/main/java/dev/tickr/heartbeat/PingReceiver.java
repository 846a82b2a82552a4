package dev.tickr.heartbeat;

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
    RATE_LIMITED(429);

    private final int status;

    Answer(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  Answer receive(String token, Ping ping);

  /** Knows no token: every ping is {@link Answer#UNKNOWN}. */
  static PingReceiver none() {
    return (token, ping) -> Answer.UNKNOWN;
  }
}
