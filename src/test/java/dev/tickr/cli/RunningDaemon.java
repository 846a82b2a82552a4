package dev.tickr.cli;

import java.io.Writer;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code tickr run} started in-process by {@link CliRunner#start}: it listens on a port the
 * kernel chose ({@code --listen 127.0.0.1:0}), which {@link #port()} tells once the daemon printed
 * its dashboard's address, and it runs until the test {@link #stop()}s or {@link #close()}s it,
 * never on a wall-clock lifetime. Use it in try-with-resources or close it in {@code @AfterEach},
 * so a failed assertion never leaves a daemon running.
 *
 * <pre>{@code
 * try (RunningDaemon tickr = cli.start(config, dir.resolve("data"))) {
 *   eventually(..., () -> receiver.requests().size() == 1, "the DOWN");
 *   CliRunner.Run done = tickr.stop(); // a clean stop, as for SIGTERM
 *   assertThat(done.exitCode()).isZero();
 * }
 * }</pre>
 */
public final class RunningDaemon implements AutoCloseable {
  /** How long the daemon may take to start listening, and to stop once asked to. */
  static final Duration LIMIT = Duration.ofSeconds(60);

  private static final Pattern DASHBOARD = Pattern.compile("Dashboard: http://[^\\s/]+:(\\d+)/");

  private final Output out;
  private final Output err;
  private final Thread thread;
  private final CompletableFuture<CliRunner.Run> run;
  private final int port;

  private RunningDaemon(Output out, Output err, Thread thread, CompletableFuture<CliRunner.Run> run)
      throws InterruptedException {
    this.out = out;
    this.err = err;
    this.thread = thread;
    this.run = run;
    this.port = awaitPort();
  }

  static RunningDaemon start(CliRunner cli, String... args) throws InterruptedException {
    Output out = new Output();
    Output err = new Output();
    CompletableFuture<CliRunner.Run> run = new CompletableFuture<>();
    Thread thread =
        Thread.ofPlatform()
            .name("tickr-run")
            .unstarted(
                () -> {
                  try {
                    run.complete(cli.run(out, err, args));
                  } catch (Throwable t) {
                    run.completeExceptionally(t);
                  }
                });
    thread.start();
    try {
      return new RunningDaemon(out, err, thread, run);
    } catch (AssertionError | InterruptedException | RuntimeException e) {
      stop(thread, run);
      throw e;
    }
  }

  private int awaitPort() throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    synchronized (out) {
      while (true) {
        Matcher m = DASHBOARD.matcher(out.text);
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
        if (run.isDone()) {
          throw new AssertionError("tickr run stopped before it listened:\n" + output());
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("tickr run did not listen within " + LIMIT + ":\n" + output());
        }
        // Output notifies on every write, and the run's end writes nothing: wake up now and then.
        TimeUnit.NANOSECONDS.timedWait(out, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
      }
    }
  }

  /** The port the dashboard, API and pings listen on. */
  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** {@code http://127.0.0.1:PORT/path}. */
  public URI uri(String path) {
    return URI.create(url() + path);
  }

  /** Whether it still runs. */
  public boolean isRunning() {
    return !run.isDone();
  }

  /** What it printed so far, standard output then standard error. */
  public String output() {
    return out.text() + err.text();
  }

  /**
   * Asks the daemon to stop (as SIGTERM would: checks finish, the store is closed) and waits for
   * it; what it printed and its exit code. Safe to call again.
   */
  public CliRunner.Run stop() throws InterruptedException {
    return stop(thread, run);
  }

  /** What it returned, if it stopped by itself; fails if it still runs after {@code timeout}. */
  public CliRunner.Run awaitExit(Duration timeout) throws InterruptedException {
    try {
      return run.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("tickr run still runs after " + timeout + ":\n" + output(), e);
    } catch (ExecutionException e) {
      throw new AssertionError("tickr run failed:\n" + output(), e.getCause());
    }
  }

  private static CliRunner.Run stop(Thread thread, CompletableFuture<CliRunner.Run> run)
      throws InterruptedException {
    if (!run.isDone()) {
      thread.interrupt();
    }
    thread.join(LIMIT.toMillis());
    if (thread.isAlive()) {
      throw new AssertionError("tickr run did not stop within " + LIMIT + " of being asked to");
    }
    try {
      return run.get();
    } catch (ExecutionException e) {
      throw new AssertionError("tickr run failed", e.getCause());
    }
  }

  /** Stops it if it still runs; for try-with-resources and {@code @AfterEach}. */
  @Override
  public void close() {
    try {
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while stopping tickr run", e);
    }
  }

  /** Text written so far, readable while the daemon writes; notifies waiters on each write. */
  static final class Output extends Writer {
    private final StringBuilder text = new StringBuilder();

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
      text.append(chars, offset, length);
      notifyAll();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    synchronized String text() {
      return text.toString();
    }

    @Override
    public String toString() {
      return text();
    }
  }
}
