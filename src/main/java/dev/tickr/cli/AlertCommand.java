package dev.tickr.cli;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code tickr alert ...}: commands about alert channels; for now {@code test}. */
@Command(
    name = "alert",
    mixinStandardHelpOptions = true,
    description = "Work with alert channels.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {AlertTestCommand.class})
final class AlertCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.@Nullable CommandSpec spec;

  /** Without a subcommand: say which there are, as bad usage. */
  @Override
  public Integer call() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    throw new UsageException(
        "which alert command? " + String.join(", ", spec.subcommands().keySet()));
  }
}
