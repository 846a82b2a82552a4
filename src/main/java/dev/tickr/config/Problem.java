package dev.tickr.config;

/**
 * One thing wrong with a config, where it is: {@code tickr.yml:14:15: interval must be at least 1s,
 * got "500ms"}. Lines and columns are 1-based.
 */
public record Problem(String file, int line, int column, String message) {

  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
