package dev.tickr.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * Something a test needs from the machine rather than from the build (Chromium, Prometheus, {@code
 * /proc}, a JDK 25): without it the test is skipped with a message that names what is missing and
 * how to get it, except on CI, where the same message fails the test.
 *
 * <p>CI is an environment variable {@code CI} whose value is {@code true} in any case ({@code
 * CI=true}, {@code CI=TRUE}): {@code .ci/run} exports it, and so do the usual CI services. Anything
 * else ({@code CI} unset, empty, {@code 1}, {@code false}) is a developer's machine.
 *
 * <pre>{@code
 * RequiredTool.requireExecutables("Prometheus", "apt-get install prometheus", PROMETHEUS, PROMTOOL);
 * }</pre>
 *
 * <p>The build has a second line behind this one: with {@code CI=true}, {@code ./mvnw verify} fails
 * when any test was skipped, for whatever reason ({@link SkippedTests}).
 */
public final class RequiredTool {
  private RequiredTool() {}

  /** Whether this is CI: {@code CI=true}, the value compared ignoring case. */
  public static boolean onCi() {
    return onCi(System.getenv("CI"));
  }

  static boolean onCi(@Nullable String value) {
    return "true".equalsIgnoreCase(value);
  }

  /**
   * Skips the calling test, or fails it on CI, unless every one of {@code executables} is there and
   * executable; the message names the tool, the missing files and {@code howToGet}.
   */
  public static void requireExecutables(String tool, String howToGet, Path... executables) {
    List<String> missing =
        Stream.of(executables).filter(p -> !Files.isExecutable(p)).map(Path::toString).toList();
    require(missing.isEmpty(), tool, String.join(" and ", missing) + " not found", howToGet);
  }

  /**
   * Skips the calling test, or fails it on CI, unless {@code present}: "{@code TOOL is missing
   * (DETAIL): HOW_TO_GET}".
   */
  public static void require(boolean present, String tool, String detail, String howToGet) {
    if (present) {
      return;
    }
    String message = tool + " is missing (" + detail + "): " + howToGet;
    if (onCi()) {
      throw new AssertionError(message + "; on CI (CI=true) it is required, not skipped");
    }
    Assumptions.abort(message + "; skipped (CI=true would fail instead)");
  }
}
