package dev.tickr.cluster;

import dev.tickr.incident.Verdict;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the locations of one monitor say together, and what each of them saw: the home node hands
 * {@link #verdict} to the state machine as the monitor's result (an {@link Verdict#INCONCLUSIVE}
 * one keeps its state) and records {@link #seen} with the result and its incident.
 *
 * @param verdict {@link Verdict#FAILED} when enough locations saw it fail, {@link Verdict#DEGRADED}
 *     when enough saw a problem, {@link Verdict#OK} when enough saw it pass, else {@link
 *     Verdict#INCONCLUSIVE}
 * @param needed how many counted locations had to agree
 * @param seen each of the monitor's locations, in the order configured
 */
public record Decision(Verdict verdict, int needed, List<Seen> seen) {

  /** Why a location's result did or did not count. */
  public enum Standing {
    COUNTED,
    /** No result within the window: no node there, or its checks stopped. */
    STALE,
    /** Most of the location's monitors fail at once: its own network, not the targets. */
    BROKEN,
    /** Its check itself was inconclusive (Tickr's own stall). */
    INCONCLUSIVE,
    /** No result at all yet. */
    MISSING
  }

  /**
   * One location's latest result.
   *
   * @param verdict what it saw, null when it has no result
   * @param at when, null when it has no result
   */
  public record Seen(
      String location, @Nullable Verdict verdict, @Nullable Instant at, Standing standing) {}

  public Decision {
    seen = List.copyOf(seen);
  }

  /** The locations whose counted result matches the verdict. */
  public List<String> agreeing() {
    return seen.stream()
        .filter(s -> s.standing() == Standing.COUNTED && matches(s.verdict()))
        .map(Seen::location)
        .toList();
  }

  private boolean matches(@Nullable Verdict v) {
    return switch (verdict) {
      case FAILED -> v == Verdict.FAILED;
      case DEGRADED -> v == Verdict.FAILED || v == Verdict.DEGRADED;
      case OK -> v == Verdict.OK;
      case INCONCLUSIVE -> false;
    };
  }
}
