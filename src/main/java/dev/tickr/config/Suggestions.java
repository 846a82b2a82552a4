package dev.tickr.config;

import java.util.Collection;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * "Did you mean" for misspelt keys, types and names: the closest candidate within two edits. Public
 * so that other readers of the config (channel settings, command-line names) hint the same way.
 */
public final class Suggestions {
  static final int MAX_DISTANCE = 2;

  private Suggestions() {}

  /** The closest candidate at most {@value #MAX_DISTANCE} edits away (first wins a tie). */
  public static @Nullable String closest(String wrong, Collection<String> candidates) {
    String w = wrong.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = MAX_DISTANCE + 1;
    for (String candidate : candidates) {
      int d = distance(w, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance && d < candidate.length()) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  /** {@code (did you mean "x"?)} with its leading space, or nothing. */
  public static String didYouMean(String wrong, Collection<String> candidates) {
    String best = closest(wrong, candidates);
    return best == null ? "" : " (did you mean \"" + best + "\"?)";
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    return dev.tickr.text.EditDistance.between(a, b);
  }
}
