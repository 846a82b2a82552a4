package dev.tickr.check.template;

import java.time.Instant;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What one rendering fills placeholders from: every {@code {{now...}}} of it reads the same
 * instant.
 *
 * @param now the time of the request, taken once from the check's clock
 * @param random where {@code {{uuid}}} and {@code {{random:N}}} get their randomness
 * @param variables values of the named placeholders a caller declared (a flow's extracted ones)
 */
public record RenderContext(Instant now, RandomGenerator random, Map<String, String> variables) {
  public RenderContext {
    variables = Map.copyOf(variables);
  }

  public RenderContext(Instant now, RandomGenerator random) {
    this(now, random, Map.of());
  }
}
