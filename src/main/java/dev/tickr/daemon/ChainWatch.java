package dev.tickr.daemon;

import dev.tickr.check.Observation;
import dev.tickr.store.ChainStore;
import dev.tickr.store.KnownChain;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the shape of each monitor's redirect chain ({@link ChainShape}) and says when a
 * successful check's chain settled on another one, for the {@code chain-changed} notice:
 *
 * <ul>
 *   <li>the first chain a monitor is seen with is its known shape, silently; monitors whose checks
 *       were never redirected are not remembered;
 *   <li>a new shape counts once it is seen on {@value #SETTLE} successful checks in a row, so a
 *       chain that alternates check by check never settles and says nothing;
 *   <li>a chain that settles back on a shape it had in the last {@link #RECENT} says nothing either
 *       (a flapping chain, or a change undone): one notice per new shape, not per swing;
 *   <li>a chain that starts at another URL (the monitor's URL was changed) starts afresh.
 * </ul>
 *
 * What it knows is stored ({@link ChainStore}) each time it changes, so it survives restarts.
 */
public final class ChainWatch {
  /** Successful checks in a row a new shape must be seen on before it counts. */
  static final int SETTLE = 2;

  /** How long a shape the chain left is remembered, so that returning to it is quiet. */
  static final Duration RECENT = Duration.ofHours(24);

  /** Earlier shapes remembered per monitor, at most. */
  static final int MAX_EARLIER = 4;

  /** A monitor's chain settled on another shape. */
  public record Changed(String monitor, ChainShape from, ChainShape to) {
    /** {@code redirect chain changed: was A (2 hops), now B (1 hop)}. */
    public String describe() {
      return "redirect chain changed: was " + from.describe() + ", now " + to.describe();
    }
  }

  private record Candidate(ChainShape shape, int seen) {}

  private final ChainStore store;
  private final Map<String, KnownChain> known = new HashMap<>();
  private final Map<String, Candidate> candidates = new HashMap<>();

  public ChainWatch(ChainStore store) {
    this.store = store;
  }

  /** Loads what is known from the store; call once before the first check. */
  synchronized void restore() {
    known.putAll(store.knownChains());
  }

  /**
   * Reads one successful check's chain.
   *
   * @param secrets values masked in the shape
   * @return the change, when this check settled the chain on a shape it did not recently have
   */
  Optional<Changed> observed(
      String monitor, Observation observation, Collection<String> secrets, Instant at) {
    if (observation.hops().isEmpty() && !knows(monitor)) {
      return Optional.empty();
    }
    ChainShape shape = ChainShape.of(observation, secrets);
    synchronized (this) {
      KnownChain was = known.get(monitor);
      if (was == null || !ChainShape.parse(was.shape()).startsLike(shape)) {
        candidates.remove(monitor);
        save(monitor, new KnownChain(shape.toString(), Map.of()));
        return Optional.empty();
      }
      String text = shape.toString();
      if (text.equals(was.shape())) {
        candidates.remove(monitor);
        return Optional.empty();
      }
      Candidate c = candidates.get(monitor);
      int seen = c != null && c.shape().equals(shape) ? c.seen() + 1 : 1;
      if (seen < SETTLE) {
        candidates.put(monitor, new Candidate(shape, seen));
        return Optional.empty();
      }
      candidates.remove(monitor);
      Instant left = was.earlier().get(text);
      boolean recent = left != null && left.isAfter(at.minus(RECENT));
      save(monitor, new KnownChain(text, earlier(was, text, at)));
      return recent
          ? Optional.empty()
          : Optional.of(new Changed(monitor, ChainShape.parse(was.shape()), shape));
    }
  }

  /** The shapes left before, with the one just left first, without {@code now} and old ones. */
  private static Map<String, Instant> earlier(KnownChain was, String now, Instant at) {
    Map<String, Instant> out = new LinkedHashMap<>();
    out.put(was.shape(), at);
    for (Map.Entry<String, Instant> e : was.earlier().entrySet()) {
      if (out.size() < MAX_EARLIER
          && !e.getKey().equals(now)
          && e.getValue().isAfter(at.minus(RECENT))) {
        out.putIfAbsent(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  private synchronized boolean knows(String monitor) {
    return known.containsKey(monitor);
  }

  private void save(String monitor, KnownChain chain) {
    store.saveKnownChain(monitor, chain);
    known.put(monitor, chain);
  }

  /** The shape a monitor's chain is known to have, for tests and the API. */
  synchronized @Nullable String shape(String monitor) {
    KnownChain k = known.get(monitor);
    return k == null ? null : k.shape();
  }
}
