package dev.tickr.cli;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code tickr report ...}: reports over the history; for now {@code impact}. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Reports over the recorded history.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {ImpactReportCommand.class})
final class ReportCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.@Nullable CommandSpec spec;

  /** Without a subcommand: say which there are, as bad usage. */
  @Override
  public Integer call() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    throw new UsageException("which report? " + String.join(", ", spec.subcommands().keySet()));
  }
}
