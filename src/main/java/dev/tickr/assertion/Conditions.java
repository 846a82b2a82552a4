package dev.tickr.assertion;

/** Well-known conditions. */
public final class Conditions {
  /** What a monitor checks when its user gives no condition. */
  public static final String DEFAULT = "[STATUS] < 400";

  private Conditions() {}
}
