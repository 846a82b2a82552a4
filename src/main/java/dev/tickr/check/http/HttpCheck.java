package dev.tickr.check.http;

import dev.tickr.check.Check;
import dev.tickr.check.Deadline;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Observation;

/** Placeholder while the engine is written. */
public final class HttpCheck implements Check<HttpTarget> {
  @Override
  public Observation observe(HttpTarget target, Deadline deadline) {
    throw new IllegalStateException();
  }
}
