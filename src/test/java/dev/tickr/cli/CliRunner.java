package dev.tickr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.Tickr;
import dev.tickr.config.TypeDefinition;
import dev.tickr.schedule.Waiter;
import dev.tickr.time.Ticker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Runs the real command line in-process, with a given environment, and captures what it prints. */
public final class CliRunner {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> environment;
  private final Clock clock;
  private final Supplier<Waiter> waiters;
  private final List<TypeDefinition> moreTypes;

  public CliRunner(Map<String, String> environment) {
    this(environment, Clock.systemUTC(), Waiter::system);
  }

  /**
   * With time the test controls: {@code clock} for every part, {@code waiters} for each timer of
   * {@code tickr run} (see {@link dev.tickr.testing.JumpClock}).
   */
  public CliRunner(Map<String, String> environment, Clock clock, Supplier<Waiter> waiters) {
    this(environment, clock, waiters, List.of());
  }

  private CliRunner(
      Map<String, String> environment,
      Clock clock,
      Supplier<Waiter> waiters,
      List<TypeDefinition> moreTypes) {
    this.environment = environment;
    this.clock = clock;
    this.waiters = waiters;
    this.moreTypes = List.copyOf(moreTypes);
  }

  /** A runner whose Tickr also registers these monitor types, after the built-in ones. */
  public CliRunner withTypes(TypeDefinition... types) {
    return new CliRunner(environment, clock, waiters, List.of(types));
  }

  public CliRunner() {
    this(Map.of());
  }

  public record Run(int exitCode, String out, String err) {
    public JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new UncheckedIOException("not JSON: " + out + "\nerr: " + err, e);
      }
    }

    public String all() {
      return out + err;
    }
  }

  /**
   * {@code tickr run -c CONFIG --data DATA --listen 127.0.0.1:0 [MORE…]} on a thread of its own,
   * returned once it listens; the test stops it ({@link RunningDaemon#stop()}, or {@code close()}).
   */
  public RunningDaemon start(Path config, Path data, String... more) throws InterruptedException {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "run", "-c", config.toString(), "--data", data.toString(), "--listen", "127.0.0.1:0"));
    args.addAll(List.of(more));
    return RunningDaemon.start(this, args.toArray(String[]::new));
  }

  public Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    return run(out, err, args);
  }

  /** Runs the command line, writing as it goes to {@code out} and {@code err}. */
  Run run(Writer out, Writer err, String... args) {
    Tickr tickr = new Tickr(environment, clock, Ticker.system(), waiters, moreTypes);
    int code = Main.run(tickr, Ticker.system(), new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Whether a daemon answers {@code /healthz} yet. */
  public static boolean up(dev.tickr.testing.Browser browser) {
    try {
      return browser.get("/healthz").statusCode() == 200;
    } catch (java.io.IOException | InterruptedException notYet) {
      return false;
    }
  }

  /** A new API token made with {@code tickr token create}, as printed. */
  public String token(Path data, String name, String role) {
    Run made = run("token", "create", "--name", name, "--role", role, "--data", data.toString());
    if (made.exitCode() != 0) {
      throw new AssertionError("tickr token create failed: " + made.err());
    }
    return made.out().strip();
  }
}
