package dev.tickr.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Byte sizes as people write them: {@code 1MiB}, {@code 512KiB}, {@code 10MB}, {@code 4096}. */
public final class ByteSizes {
  /** How a size is written, for messages. */
  public static final String EXAMPLES = "4096, 512KiB, 1MiB or 10MB";

  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|kib|k|mb|mib|m|gb|gib|g)?");

  private ByteSizes() {}

  /** The number of bytes {@code text} stands for, or {@code null} when it is not a size. */
  public static @Nullable Long parse(String text) {
    Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return null;
    }
    String unit = m.group(2) == null ? "b" : m.group(2);
    long factor =
        switch (unit) {
          case "kb" -> 1_000L;
          case "kib", "k" -> 1_024L;
          case "mb" -> 1_000_000L;
          case "mib", "m" -> 1_048_576L;
          case "gb" -> 1_000_000_000L;
          case "gib", "g" -> 1_073_741_824L;
          default -> 1L;
        };
    return Math.round(Double.parseDouble(m.group(1)) * factor);
  }
}
