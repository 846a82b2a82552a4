package dev.tickr.check;

/**
 * Observes one target. Implementations never decide pass or fail and never throw for a failing
 * target: a failure is data in the returned {@link Observation}.
 */
public interface Check<T extends Target> {
  Observation observe(T target, Deadline deadline);
}
