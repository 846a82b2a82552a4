package dev.tickr.it;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The processes a test started, ended after the test whether it passed or failed, with every
 * process they started in turn: a failed assertion never leaves a {@code tickr run} (or a
 * launcher's build, or its JVM) running. Register it on an instance field; start processes through
 * {@link #start}.
 *
 * <pre>{@code
 * @RegisterExtension final ChildProcesses children = new ChildProcesses();
 * ...
 * Process daemon = children.start(TickrProcess.jar(dir, "run", ...));
 * }</pre>
 *
 * <p>Each one still running is asked to stop (SIGTERM, so that a daemon tidies up as it does when
 * stopped), then killed if it has not within {@link #GRACE}; so are its descendants, found before
 * it stops (once it is gone they are no longer its descendants).
 */
final class ChildProcesses implements AfterEachCallback {
  /** How long a process may take to stop once asked to, before it is killed. */
  static final Duration GRACE = Duration.ofSeconds(10);

  private final List<Process> started = new ArrayList<>();

  /** Starts {@code builder}'s process and keeps it to end after the test. */
  Process start(ProcessBuilder builder) throws IOException {
    Process p = builder.start();
    synchronized (started) {
      started.add(p);
    }
    return p;
  }

  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    List<Process> all;
    synchronized (started) {
      all = List.copyOf(started);
      started.clear();
    }
    List<ProcessHandle> left = new ArrayList<>();
    for (Process p : all) {
      left.addAll(endTree(p.toHandle()));
    }
    if (!left.isEmpty()) {
      throw new AssertionError("processes still running after being killed: " + left);
    }
  }

  /** Ends {@code root} and its descendants; those still alive afterwards. */
  static List<ProcessHandle> endTree(ProcessHandle root) throws InterruptedException {
    List<ProcessHandle> tree =
        Stream.concat(Stream.of(root), root.descendants()).filter(ProcessHandle::isAlive).toList();
    tree.forEach(ProcessHandle::destroy);
    long until = System.nanoTime() + GRACE.toNanos();
    for (ProcessHandle h : tree) {
      waitFor(h, until);
    }
    List<ProcessHandle> stubborn = tree.stream().filter(ProcessHandle::isAlive).toList();
    stubborn.forEach(ProcessHandle::destroyForcibly);
    long killed = System.nanoTime() + GRACE.toNanos();
    for (ProcessHandle h : stubborn) {
      waitFor(h, killed);
    }
    return tree.stream().filter(ProcessHandle::isAlive).toList();
  }

  private static void waitFor(ProcessHandle h, long untilNanos) throws InterruptedException {
    long left = untilNanos - System.nanoTime();
    if (left <= 0) {
      return;
    }
    try {
      h.onExit().get(left, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      // still alive: the caller looks again
    }
  }
}
