package dev.tickr.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** Collects problems while a config is read; nothing stops at the first. */
final class Problems {
  private static final Comparator<Problem> FILE_ORDER =
      Comparator.comparing(Problem::file)
          .thenComparingInt(Problem::line)
          .thenComparingInt(Problem::column);

  private final List<Problem> found = new ArrayList<>();

  void add(Location where, String message) {
    found.add(where.problem(message));
  }

  void add(Problem problem) {
    found.add(problem);
  }

  int count() {
    return found.size();
  }

  /**
   * Each problem once (a value from {@code defaults:} is judged once per monitor), in file order.
   */
  List<Problem> sorted() {
    List<Problem> distinct = new ArrayList<>(new LinkedHashSet<>(found));
    distinct.sort(FILE_ORDER);
    return List.copyOf(distinct);
  }
}
