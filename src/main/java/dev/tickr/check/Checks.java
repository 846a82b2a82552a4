package dev.tickr.check;

import dev.tickr.check.http.HttpCheck;

/**
 * The one registry of check types: each {@link Target} kind maps to exactly one {@link Check}. A
 * new type is one record permitted by {@link Target}, one class, and one line here.
 */
public final class Checks {
  private final HttpCheck http;

  public Checks(HttpCheck http) {
    this.http = http;
  }

  public Observation observe(Target target, Deadline deadline) {
    return switch (target) {
      case HttpTarget t -> http.observe(t, deadline);
    };
  }
}
