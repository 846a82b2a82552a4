package dev.tickr.cli;

import dev.tickr.Tickr;
import dev.tickr.time.Ticker;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code tickr} jar: parses the command line and runs one command. */
@Command(
    name = "tickr",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Know the second your endpoint goes down.",
    subcommands = {
      CheckCommand.class,
      RunCommand.class,
      ValidateCommand.class,
      StatusCommand.class,
      IncidentCommand.class,
      TrainingCommand.class,
      AlertCommand.class
    })
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    Tickr tickr = new Tickr(System.getenv(), Clock.systemUTC(), Ticker.system());
    System.exit(run(tickr, Ticker.system(), out, err, args));
  }

  /** Runs one command line against the given wiring; returns the exit code. */
  public static int run(
      Tickr tickr, Ticker ticker, PrintWriter out, PrintWriter err, String... args) {
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            if (type == CheckCommand.class) {
              return type.cast(new CheckCommand(tickr, ticker));
            }
            if (type == RunCommand.class) {
              return type.cast(new RunCommand(tickr, ticker));
            }
            if (type == ValidateCommand.class) {
              return type.cast(new ValidateCommand(tickr));
            }
            if (type == StatusCommand.class) {
              return type.cast(new StatusCommand(tickr));
            }
            if (type == IncidentCommand.class) {
              return type.cast(new IncidentCommand(tickr));
            }
            if (type == TrainingCommand.class) {
              return type.cast(new TrainingCommand(tickr, ticker));
            }
            if (type == AlertTestCommand.class) {
              return type.cast(new AlertTestCommand(tickr));
            }
            return CommandLine.defaultFactory().create(type);
          }
        };
    CommandLine cli = new CommandLine(new Main(), factory);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof UsageException usage) {
            commandLine.getErr().println(commandLine.getCommandName() + ": " + usage.getMessage());
            commandLine
                .getErr()
                .println(
                    "Try '"
                        + commandLine.getCommandSpec().qualifiedName()
                        + " --help' for the flags.");
            return CommandLine.ExitCode.USAGE;
          }
          throw e;
        });
    cli.setParameterExceptionHandler(
        (e, args1) -> {
          CommandLine c = e.getCommandLine();
          c.getErr().println(c.getCommandName() + ": " + e.getMessage());
          c.getErr()
              .println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for the flags.");
          return CommandLine.ExitCode.USAGE;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"tickr " + Tickr.version()};
    }
  }
}
