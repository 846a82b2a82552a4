package dev.tickr.assertion;

/**
 * What a condition looks at. {@link Judge} uses the subjects of the failed conditions to pick the
 * reason class of a failed check.
 */
public enum Subject {
  STATUS,
  RESPONSE_TIME,
  BODY,
  HEADER,
  CERTIFICATE,
  CONNECTED,
  IP,
  /** The landing URL and the redirect chain: {@code [URL]}, {@code [REDIRECTS]}, {@code [HOP]}. */
  URL,
  /** Any {@code age(...)}: how old a timestamp in the answer is. */
  FRESHNESS,
  /** A declared metric, {@code [METRIC].name}. */
  METRIC,
  /** A metric against its history: {@code baseline()} or a look-back such as {@code avg()}. */
  VOLUME
}
