package dev.tickr.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** What the fuzz tests share: the seeded secret and how inputs become text. */
final class Fuzz {
  /** A secret the targets are given (environment, secret header); it must never be shown. */
  static final String SECRET = "s3cr3t-Q7vXk2";

  private Fuzz() {}

  /** The input as text, the way a file or request body would be read (invalid UTF-8 replaced). */
  static String text(byte[] input) {
    return new String(input, StandardCharsets.UTF_8);
  }

  /**
   * {@code shown} must not contain the secret, unless the input itself spelled it out (then it is
   * not the target that revealed it).
   */
  static void assertNoSecret(String input, @Nullable String shown) {
    if (shown != null && !input.contains(SECRET)) {
      assertThat(shown).doesNotContain(SECRET);
    }
  }
}
