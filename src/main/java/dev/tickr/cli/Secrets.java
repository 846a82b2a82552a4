package dev.tickr.cli;

import java.util.Map;

/**
 * Resolves flag values written {@code env:NAME}, so secrets need not sit in shell history or the
 * process list.
 */
final class Secrets {
  static final String PREFIX = "env:";

  private final Map<String, String> environment;

  Secrets(Map<String, String> environment) {
    this.environment = environment;
  }

  static boolean isReference(String value) {
    return value.startsWith(PREFIX) && value.length() > PREFIX.length();
  }

  /** The value itself, or the named variable's value; a missing variable is a usage error. */
  String resolve(String flag, String value) {
    if (!isReference(value)) {
      return value;
    }
    String name = value.substring(PREFIX.length());
    String resolved = environment.get(name);
    if (resolved == null) {
      throw new UsageException(flag + ": environment variable " + name + " is not set");
    }
    return resolved;
  }
}
