package dev.tickr.cli;

import dev.tickr.text.ByteSizes;

/** A flag's byte size ({@link ByteSizes}), or a usage error naming the flag. */
final class Sizes {
  private Sizes() {}

  static long parse(String flag, String text) {
    Long size = ByteSizes.parse(text);
    if (size == null) {
      throw new UsageException(
          flag + ": not a size: \"" + text + "\" (use e.g. " + ByteSizes.EXAMPLES + ")");
    }
    return size;
  }
}
