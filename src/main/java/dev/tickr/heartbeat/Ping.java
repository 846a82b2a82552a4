package dev.tickr.heartbeat;

import org.jspecify.annotations.Nullable;

/**
 * One request to a heartbeat's ping URL, as Healthchecks.io understands it: {@code /ping/<token>}
 * is a success, {@code /start} the start of a run, {@code /fail} a failure, and {@code
 * /<exit-code>} a success when the code is 0 and a failure otherwise.
 *
 * @param exitCode the exit code the job reported, {@code null} when it reported none
 * @param body the start of the request body, at most {@link #BODY_LIMIT} bytes, as text
 * @param bodyCut whether the body went on past {@code body}: the receiver cut it there
 */
public record Ping(Signal signal, @Nullable Integer exitCode, String body, boolean bodyCut) {
  /** How much of a ping's body is kept, in bytes. */
  public static final int BODY_LIMIT = 10 * 1024;

  /** The largest exit code a process can report. */
  public static final int MAX_EXIT_CODE = 255;

  /** What a ping says about the job. */
  public enum Signal {
    SUCCESS,
    START,
    FAIL
  }

  /**
   * The ping a path suffix names: {@code ""}, {@code "start"}, {@code "fail"} or an exit code from
   * 0 to 255; {@code null} for anything else.
   */
  public static @Nullable Ping of(String suffix, String body, boolean bodyCut) {
    return switch (suffix) {
      case "" -> new Ping(Signal.SUCCESS, null, body, bodyCut);
      case "start" -> new Ping(Signal.START, null, body, bodyCut);
      case "fail" -> new Ping(Signal.FAIL, null, body, bodyCut);
      default -> exitCode(suffix, body, bodyCut);
    };
  }

  private static @Nullable Ping exitCode(String suffix, String body, boolean bodyCut) {
    if (suffix.isEmpty() || suffix.length() > 3 || !suffix.chars().allMatch(Character::isDigit)) {
      return null;
    }
    int code = Integer.parseInt(suffix);
    if (code > MAX_EXIT_CODE) {
      return null;
    }
    return new Ping(code == 0 ? Signal.SUCCESS : Signal.FAIL, code, body, bodyCut);
  }
}
