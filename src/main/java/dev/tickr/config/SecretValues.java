package dev.tickr.config;

import java.util.Set;

/**
 * The values {@code ${NAME}} placeholders of a config were replaced with. They may be secrets, so
 * this never prints them: {@link #toString()} says only how many there are.
 */
public record SecretValues(Set<String> values) {
  public static final SecretValues NONE = new SecretValues(Set.of());

  public SecretValues {
    values = Set.copyOf(values);
  }

  @Override
  public String toString() {
    return "SecretValues[" + values.size() + " values, ***]";
  }
}
