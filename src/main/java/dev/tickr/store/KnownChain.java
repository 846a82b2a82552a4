package dev.tickr.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is known of one monitor's redirect chain: the shape it settled on, and the shapes it had
 * before with when it left each. Shapes are opaque text here.
 *
 * @param shape the shape the chain has now
 * @param earlier earlier shapes, the most recent first, each with when the chain left it
 */
public record KnownChain(String shape, Map<String, Instant> earlier) {
  public KnownChain {
    earlier = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(earlier));
  }
}
