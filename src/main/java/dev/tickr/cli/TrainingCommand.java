package dev.tickr.cli;

import dev.tickr.Tickr;
import dev.tickr.time.Ticker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * {@code tickr aot-training} (hidden): a few seconds of typical work for the JVM to learn from. The
 * launcher runs it once per build under {@code -XX:AOTCacheOutput} (JDK 25 and newer), and later
 * starts load their classes from that cache: {@code tickr run} with 10,000 monitors starts in about
 * half the time. It runs the daemon on loopback against its own health endpoint in a scratch
 * directory, reads the status back, and removes the directory.
 */
@Command(name = "aot-training", hidden = true, description = "Start-up training (the launcher).")
final class TrainingCommand implements Callable<Integer> {
  private static final int MONITORS = 200;

  private final Tickr tickr;
  private final Ticker ticker;

  TrainingCommand(Tickr tickr, Ticker ticker) {
    this.tickr = withoutTickrSettings(tickr, ticker);
    this.ticker = ticker;
  }

  @Override
  public Integer call() throws IOException {
    Path dir = Files.createTempDirectory("tickr-training");
    try {
      int port;
      try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = probe.getLocalPort();
      }
      StringBuilder yaml =
          new StringBuilder("defaults:\n  interval: 1s\n  timeout: 1s\nmonitors:\n");
      for (int i = 0; i < MONITORS; i++) {
        yaml.append("  - name: training-")
            .append(i)
            .append("\n    url: http://127.0.0.1:")
            .append(port)
            .append("/healthz?m=")
            .append(i)
            .append(
                "\n    conditions: ['[STATUS] == 200', '[BODY] == ok', '[RESPONSE_TIME] < 2000']\n")
            .append("    tags: [training]\n");
      }
      Path config = Files.writeString(dir.resolve("tickr.yml"), yaml);
      PrintWriter quiet = new PrintWriter(Writer.nullWriter());
      StringWriter problems = new StringWriter();
      String data = dir.resolve("data").toString();
      int code =
          Main.run(
              tickr,
              ticker,
              quiet,
              new PrintWriter(problems),
              "run",
              "-c",
              config.toString(),
              "--data",
              data,
              "--listen",
              "127.0.0.1:" + port,
              "--stop-after",
              "4s");
      Main.run(tickr, ticker, quiet, quiet, "validate", "-c", config.toString());
      Main.run(tickr, ticker, quiet, quiet, "status", "--data", data, "--json");
      Main.run(tickr, ticker, quiet, quiet, "status", "--data", data);
      if (code != 0) {
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        err.print(problems);
        err.flush();
      }
      return code;
    } finally {
      delete(dir);
    }
  }

  /**
   * The same wiring without the user's {@code TICKR_*} settings: the training must not depend on
   * them (an admin password the daemon refuses would end it early and leave a poor cache behind).
   */
  private static Tickr withoutTickrSettings(Tickr tickr, Ticker ticker) {
    Map<String, String> environment = new HashMap<>(tickr.environment());
    environment.keySet().removeIf(name -> name.startsWith("TICKR_"));
    return new Tickr(environment, tickr.clock(), ticker, tickr::waiter);
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
