package dev.tickr.cli;

/** Bad input on the command line: exit code 2, the message names the flag or argument. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
