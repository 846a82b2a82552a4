package dev.tickr.alert;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How one attempt to send went.
 *
 * @param httpStatus the provider's status code, when it answered over HTTP
 * @param answer the provider's answer or the error, short and without secrets, for logs and {@code
 *     tickr alert test}
 * @param retryAfter the provider's {@code Retry-After}, when it gave one
 */
public record Delivery(
    Outcome outcome, @Nullable Integer httpStatus, String answer, @Nullable Duration retryAfter) {

  public enum Outcome {
    /** The provider accepted it. */
    SENT,
    /** Worth trying again later: a network error, a timeout, 408, 429, 5xx. */
    RETRY,
    /** Trying again will not help: the provider rejected it (other 4xx, bad settings). */
    FAILED
  }

  public static Delivery sent(@Nullable Integer httpStatus, String answer) {
    return new Delivery(Outcome.SENT, httpStatus, answer, null);
  }
}
