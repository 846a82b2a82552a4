package dev.tickr.assertion;

import dev.tickr.check.Reason;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One error message a platform is known to send, and the reason class it means: {@code Error Code
 * 4002} in a ShareASale answer means {@code ip-not-allowed}.
 *
 * @param pattern found anywhere in the start of the body ({@link ReasonRules#SCANNED} characters)
 * @param anyStatus whether the message counts in any answer, a {@code 200} included; such a message
 *     fails a check whose conditions all held, since a body saying it was refused is never a
 *     success. When {@code false}, it only names the reason of an answer with a status of 400 or
 *     more that failed its conditions.
 * @param source where the rule comes from, for people: {@code built-in} or {@code file:line:col}
 */
public record ReasonRule(Reason reason, Pattern pattern, boolean anyStatus, String source) {
  public ReasonRule {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(source, "source");
  }

  /** A rule from the text of a regular expression, matched without regard to case. */
  public static ReasonRule of(Reason reason, String regex, boolean anyStatus, String source) {
    return new ReasonRule(
        reason,
        Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
        anyStatus,
        source);
  }

  /** Whether the rule applies to an answer with this status. */
  boolean appliesTo(int status) {
    return anyStatus || status >= 400;
  }
}
