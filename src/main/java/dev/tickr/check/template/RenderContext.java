package dev.tickr.check.template;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * What one rendering fills placeholders from: every {@code {{now...}}} of it reads the same
 * instant.
 *
 * @param now the time of the request, taken once from the check's clock
 * @param random where {@code {{uuid}}} and {@code {{random:N}}} get their randomness
 * @param variables values of the named placeholders a caller declared (a flow's extracted ones)
 * @param fixed when not {@code null}, where {@code {{uuid}}} and {@code {{random:N}}} keep the
 *     value they got first, so that they stay the same across renderings (a flow's run); it is
 *     written to
 */
public record RenderContext(
    Instant now,
    RandomGenerator random,
    Map<String, String> variables,
    @Nullable Map<String, String> fixed) {
  public RenderContext {
    variables = Map.copyOf(variables);
  }

  public RenderContext(Instant now, RandomGenerator random, Map<String, String> variables) {
    this(now, random, variables, null);
  }

  public RenderContext(Instant now, RandomGenerator random) {
    this(now, random, Map.of());
  }

  /** {@code make}'s value, or the one it gave before for {@code key} when values are fixed. */
  String generated(String key, Function<RenderContext, String> make) {
    Map<String, String> values = fixed;
    if (values == null) {
      return make.apply(this);
    }
    return values.computeIfAbsent(key, k -> make.apply(this));
  }
}
