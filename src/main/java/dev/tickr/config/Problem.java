package dev.tickr.config;

import dev.tickr.check.Redaction;
import java.util.Collection;

/**
 * One thing wrong with a config, where it is: {@code tickr.yml:14:15: interval must be at least 1s,
 * got "500ms"}. Lines and columns are 1-based.
 */
public record Problem(String file, int line, int column, String message) {

  /**
   * This problem with every value in {@code secrets} masked in its message: a message may quote a
   * value that a {@code ${NAME}} made (a name, a condition), and those may be secrets.
   */
  public Problem scrubbed(Collection<String> secrets) {
    return new Problem(file, line, column, Redaction.scrub(message, secrets));
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
