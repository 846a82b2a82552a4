package dev.tickr.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.RateLimits;
import dev.tickr.time.Durations;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The read-only rate-limit fields of the API's monitor object: {@code quota_stretch} when a quota
 * stretched its interval, {@code held_until} while a {@code Retry-After} holds it back.
 */
final class RateLimitsJson {
  private RateLimitsJson() {}

  static void put(ObjectNode o, MonitorSpec spec, @Nullable Instant heldUntil) {
    RateLimits.Stretch s = spec.limits().stretch();
    if (s != null) {
      ObjectNode q = o.putObject("quota_stretch");
      q.put("configured", Durations.format(s.configured()));
      q.put("interval", Durations.format(s.stretched()));
      q.put("key", s.budget());
      q.put("text", s.text());
    }
    if (heldUntil != null) {
      o.put("held_until", heldUntil.toString());
    }
  }
}
