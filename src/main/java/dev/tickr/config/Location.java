package dev.tickr.config;

/** A place in a config file, 1-based, as people and editors count lines and columns. */
public record Location(String file, int line, int column) {

  /** The same line, {@code columns} further right. */
  public Location plus(int columns) {
    return new Location(file, line, column + columns);
  }

  public Problem problem(String message) {
    return new Problem(file, line, column, message);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
