package dev.tickr.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the packaged jar (or the launcher) as a real process, as a user would. */
final class TickrProcess {
  static final Path JAR = Path.of(System.getProperty("tickr.jar", "target/tickr.jar"));
  static final Path ROOT = Path.of(System.getProperty("tickr.root", "."));
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  /** What {@code tickr run} prints once it listens. */
  private static final Pattern DASHBOARD = Pattern.compile("Dashboard: http://[^\\s/]+:(\\d+)/");

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

  /**
   * Runs to the end, bounded in time; output is captured. A process still running after {@code
   * limit} (or when the wait is interrupted, as by a test's timeout) is ended with everything it
   * started.
   */
  static Result run(ProcessBuilder builder, Duration limit)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("tickr-out", ".txt");
    Path err = Files.createTempFile("tickr-err", ".txt");
    try {
      Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      boolean exited = false;
      try {
        exited = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
      } finally {
        if (!exited) {
          ChildProcesses.endTree(p.toHandle());
        }
      }
      if (!exited) {
        throw new AssertionError("still running after " + limit + ": " + builder.command());
      }
      return new Result(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /**
   * The port a {@code tickr run --listen 127.0.0.1:0} listens on, from the dashboard's address it
   * prints to {@code out} (where its standard output goes); fails when it stops first or does not
   * print it within {@code limit}.
   */
  static int port(Process daemon, Path out, Duration limit) throws InterruptedException {
    int[] port = {0};
    waitUntil(
        limit,
        "the daemon's dashboard address in " + out,
        () -> {
          String text = readOrEmpty(out);
          Matcher m = DASHBOARD.matcher(text);
          if (m.find()) {
            port[0] = Integer.parseInt(m.group(1));
            return true;
          }
          if (!daemon.isAlive()) {
            throw new AssertionError(
                "tickr run exited (" + daemon.exitValue() + ") before it listened:\n" + text);
          }
          return false;
        });
    return port[0];
  }

  /** The file's text so far; empty while it does not exist yet. */
  static String readOrEmpty(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> env(ProcessBuilder b) {
    return b.environment();
  }

  static String read(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
