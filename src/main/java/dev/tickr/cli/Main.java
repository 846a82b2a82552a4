package dev.tickr.cli;

import dev.tickr.Tickr;
import dev.tickr.time.Ticker;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code tickr} jar: parses the command line and runs one command. */
@Command(
    name = "tickr",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Know the second your endpoint goes down.")
public final class Main {
  /**
   * The subcommands, by name, in the order help lists them. Only the one named on the command line
   * is built (picocli reads a command's annotations when it is added, which costs start-up time);
   * all of them for help, version and unknown names.
   */
  private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> out = new LinkedHashMap<>();
    out.put("check", CheckCommand.class);
    out.put("run", RunCommand.class);
    out.put("validate", ValidateCommand.class);
    out.put("status", StatusCommand.class);
    out.put("incident", IncidentCommand.class);
    out.put("aot-training", TrainingCommand.class);
    out.put("native-library", NativeLibraryCommand.class);
    out.put("alert", AlertCommand.class);
    out.put("token", TokenCommand.class);
    out.put("user", UserCommand.class);
    out.put("import", ImportCommand.class);
    out.put("completion", CompletionCommand.class);
    out.put("demo", DemoCommand.class);
    out.put("presets", PresetsCommand.class);
    out.put("report", ReportCommand.class);
    out.put("backup", BackupCommand.class);
    out.put("restore", RestoreCommand.class);
    out.put("export", ExportCommand.class);
    return out;
  }

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
    ConfigPrefetch prefetch = ConfigPrefetch.start(tickr, args);
    if (args.length > 0 && (args[0].equals("run") || args[0].equals("check"))) {
      // The checks' set-up (TLS stack, CA certificates) overlaps reading the command line and the
      // config; the first check waits for it.
      tickr.types().prepare();
    }
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            if (type == CheckCommand.class) {
              return type.cast(new CheckCommand(tickr, ticker));
            }
            if (type == RunCommand.class) {
              return type.cast(new RunCommand(tickr, ticker, prefetch));
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
            if (type == TokenCommand.class) {
              return type.cast(new TokenCommand(tickr));
            }
            if (type == UserCommand.class) {
              return type.cast(new UserCommand(tickr));
            }
            if (type == ImportCommand.class) {
              return type.cast(new ImportCommand(tickr));
            }
            if (type == CompletionCommand.class) {
              return type.cast(new CompletionCommand(() -> everyCommand(this)));
            }
            if (type == DemoCommand.class) {
              return type.cast(new DemoCommand(tickr, ticker));
            }
            if (type == PresetsCommand.class) {
              return type.cast(new PresetsCommand(tickr));
            }
            if (type == ImpactReportCommand.class) {
              return type.cast(new ImpactReportCommand(tickr));
            }
            if (type == BackupCommand.class) {
              return type.cast(new BackupCommand(tickr));
            }
            if (type == RestoreCommand.class) {
              return type.cast(new RestoreCommand(tickr));
            }
            if (type == ExportCommand.class) {
              return type.cast(new ExportCommand(tickr));
            }
            return CommandLine.defaultFactory().create(type);
          }
        };
    CommandLine cli = new CommandLine(new Main(), factory);
    String wanted = args.length > 0 && SUBCOMMANDS.containsKey(args[0]) ? args[0] : null;
    SUBCOMMANDS.forEach(
        (name, type) -> {
          if (wanted == null || wanted.equals(name)) {
            cli.addSubcommand(name, type);
          }
        });
    cli.setDefaultValueProvider(new EnvironmentDefaults(tickr.environment()));
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

  /** The whole command tree, every subcommand in, as help lists it. */
  static CommandLine everyCommand(CommandLine.IFactory factory) {
    CommandLine all = new CommandLine(new Main(), factory);
    SUBCOMMANDS.forEach(all::addSubcommand);
    return all;
  }

  /** The version from the pom and the commit of the build ({@link BuildInfo}). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"tickr " + BuildInfo.current().describe()};
    }
  }
}
