package dev.tickr.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged jar (or the launcher) as a real process, as a user would. */
final class TickrProcess {
  static final Path JAR = Path.of(System.getProperty("tickr.jar", "target/tickr.jar"));
  static final Path ROOT = Path.of(System.getProperty("tickr.root", "."));
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private TickrProcess() {}

  record Result(int exitCode, String out, String err) {}

  static ProcessBuilder jar(Path workDir, String... args) {
    List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(workDir.toFile());
  }

  /** Polls {@code condition} every 50 ms until it holds; fails after {@code limit}. */
  static void waitUntil(Duration limit, String what, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long until = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError(what + ": not within " + limit);
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  /** Runs to the end, bounded in time; output is captured. */
  static Result run(ProcessBuilder builder, Duration limit)
      throws IOException, InterruptedException {
    Path out = java.nio.file.Files.createTempFile("tickr-out", ".txt");
    Path err = java.nio.file.Files.createTempFile("tickr-err", ".txt");
    Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("still running after " + limit + ": " + builder.command());
    }
    return new Result(
        p.exitValue(),
        java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
        java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
  }

  static Map<String, String> env(ProcessBuilder b) {
    return b.environment();
  }

  static String read(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
