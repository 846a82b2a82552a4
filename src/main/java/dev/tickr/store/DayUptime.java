package dev.tickr.store;

import java.time.LocalDate;

/** One UTC day of a monitor's checks, from the day rollups. */
public record DayUptime(LocalDate day, long checks, long failed, long degraded) {

  /** The share of checks that did not fail, NaN without checks. */
  public double ratio() {
    return checks == 0 ? Double.NaN : (double) (checks - failed) / checks;
  }
}
