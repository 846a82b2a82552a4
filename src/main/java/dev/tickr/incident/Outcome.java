package dev.tickr.incident;

import dev.tickr.check.Reason;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One judged check, reduced to what the state machine needs.
 *
 * @param at when the check started
 * @param reason why it failed, {@code null} when it passed
 * @param detail one phrase for people, {@code null} when it passed
 */
public record Outcome(
    Instant at,
    Verdict verdict,
    @Nullable Reason reason,
    @Nullable String detail,
    Evidence evidence) {

  public static Outcome ok(Instant at) {
    return new Outcome(at, Verdict.OK, null, null, Evidence.NONE);
  }
}
