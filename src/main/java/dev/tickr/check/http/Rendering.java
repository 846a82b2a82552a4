package dev.tickr.check.http;

import dev.tickr.check.HttpTarget;
import dev.tickr.check.RequestTemplate;
import dev.tickr.check.template.RenderContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Fills in a target's placeholders once per check, before auth is applied: its URL, headers and
 * body share one time from the check's clock, and a signature covers the values sent. A target
 * without placeholders is returned as it is.
 */
final class Rendering {
  private final Clock clock;

  /** Made on the first use: a daemon without placeholders never seeds one. */
  private volatile @Nullable RandomGenerator random;

  Rendering(Clock clock) {
    this.clock = clock;
  }

  /** The request to send for {@code written}. */
  HttpTarget of(HttpTarget written) {
    RequestTemplate template = written.template();
    return template == null
        ? written
        : template.render(written, new RenderContext(clock.instant(), random()));
  }

  private RandomGenerator random() {
    RandomGenerator r = random;
    if (r == null) {
      r = new SecureRandom(); // two threads may each make one: either does
      random = r;
    }
    return r;
  }
}
