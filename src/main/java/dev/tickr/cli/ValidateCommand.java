package dev.tickr.cli;

import dev.tickr.Tickr;
import dev.tickr.alert.channel.Notifiers;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.Problem;
import dev.tickr.config.QuotaPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tickr validate [-c FILE]}: every problem at once as FILE:LINE:COL; exit 0 or 2. Without
 * {@code -c}, the file {@code tickr run} would read: {@code TICKR_CONFIG}, else {@code
 * ./tickr.yml}.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check a config file without running it.",
    footer = {
      "",
      "Exit codes: 0 valid, 2 invalid (each problem printed as FILE:LINE:COL: message).",
      "Warnings (FILE:LINE:COL: warning: message) leave the exit code 0."
    })
final class ValidateCommand implements Callable<Integer> {
  private final Tickr tickr;

  @Spec picocli.CommandLine.Model.@Nullable CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "The YAML config to check (default $TICKR_CONFIG, else ./tickr.yml).")
  Path config = Path.of("tickr.yml");

  ValidateCommand(Tickr tickr) {
    this.tickr = tickr;
  }

  @Override
  public Integer call() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    boolean named =
        spec.commandLine().getParseResult().hasMatchedOption("--config")
            || EnvironmentDefaults.given(tickr.environment(), "--config");
    if (!named && !Files.exists(config)) {
      err.println(
          "validate: no "
              + config
              + " in the current directory; name the config with -c FILE (or TICKR_CONFIG)");
      err.flush();
      return 2;
    }
    try {
      Config loaded = tickr.configLoader().checkingChannels(Notifiers::validate).load(config);
      for (Problem w : QuotaPlan.warnings(loaded.monitors())) {
        err.printf("%s:%d:%d: warning: %s%n", w.file(), w.line(), w.column(), w.message());
      }
      out.printf(
          "%s: valid (%d monitors, %d channels, %d status pages)%n",
          config, loaded.monitors().size(), loaded.channels().size(), loaded.statusPages().size());
      out.flush();
      return 0;
    } catch (ConfigException e) {
      for (Problem p : e.problems()) {
        err.println(p);
      }
      err.printf(
          "%s: %d problem%s%n", config, e.problems().size(), e.problems().size() == 1 ? "" : "s");
      err.flush();
      return 2;
    }
  }
}
