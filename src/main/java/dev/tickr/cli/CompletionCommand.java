package dev.tickr.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tickr completion bash|zsh|fish}: a shell completion script made from the commands' own
 * definitions, so it never lags behind them. Bash and zsh get picocli's generated script (zsh runs
 * it through {@code bashcompinit}); fish gets {@code complete} lines for every command and flag.
 */
@Command(
    name = "completion",
    description = {
      "Print a shell completion script for tickr.",
      "bash: source <(tickr completion bash)   zsh: source <(tickr completion zsh)",
      "fish: tickr completion fish > ~/.config/fish/completions/tickr.fish"
    })
final class CompletionCommand implements Callable<Integer> {
  static final List<String> SHELLS = List.of("bash", "zsh", "fish");

  @Spec @Nullable CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish")
  String shell = "";

  private final Supplier<CommandLine> commands;

  /**
   * @param commands every command of tickr, as {@code tickr --help} lists them
   */
  CompletionCommand(Supplier<CommandLine> commands) {
    this.commands = commands;
  }

  @Override
  public Integer call() {
    String s = shell.toLowerCase(Locale.ROOT);
    if (!SHELLS.contains(s)) {
      throw new UsageException(
          "unknown shell \"" + shell + "\": one of " + String.join(", ", SHELLS));
    }
    CommandLine all = commands.get();
    String script =
        switch (s) {
          case "fish" -> fish(all.getCommandSpec());
          case "zsh" ->
              "autoload -U +X compinit && compinit\n"
                  + "autoload -U +X bashcompinit && bashcompinit\n"
                  + AutoComplete.bash("tickr", all);
          default -> AutoComplete.bash("tickr", all);
        };
    CommandSpec self = java.util.Objects.requireNonNull(spec, "picocli sets the spec");
    self.commandLine().getOut().print(script);
    self.commandLine().getOut().flush();
    return 0;
  }

  /** {@code complete} lines: each command where no command is given yet, its flags after it. */
  static String fish(CommandSpec root) {
    StringBuilder out =
        new StringBuilder("# tickr completions for fish, made by tickr completion\n");
    out.append("complete -c tickr -f\n");
    options(out, root, "__fish_use_subcommand");
    for (CommandLine sub : root.subcommands().values()) {
      CommandSpec c = sub.getCommandSpec();
      out.append("complete -c tickr -n __fish_use_subcommand -a ")
          .append(c.name())
          .append(" -d ")
          .append(quote(first(c.usageMessage().description())))
          .append('\n');
      String seen = "'__fish_seen_subcommand_from " + c.name() + "'";
      options(out, c, seen);
      for (CommandLine nested : c.subcommands().values()) {
        CommandSpec n = nested.getCommandSpec();
        out.append("complete -c tickr -n ")
            .append(seen)
            .append(" -a ")
            .append(n.name())
            .append(" -d ")
            .append(quote(first(n.usageMessage().description())))
            .append('\n');
        options(out, n, "'__fish_seen_subcommand_from " + n.name() + "'");
      }
    }
    return out.toString();
  }

  private static void options(StringBuilder out, CommandSpec c, String condition) {
    for (OptionSpec o : c.options()) {
      if (o.hidden()) {
        continue;
      }
      out.append("complete -c tickr -n ").append(condition);
      for (String name : o.names()) {
        if (name.startsWith("--")) {
          out.append(" -l ").append(name.substring(2));
        } else if (name.startsWith("-") && name.length() == 2) {
          out.append(" -s ").append(name.charAt(1));
        }
      }
      if (o.arity().max() > 0) {
        out.append(" -r");
        if (o.paramLabel().matches("(?i).*(FILE|DIR|PATH|CONFIG|DATA).*")) {
          out.append(" -F");
        }
      }
      out.append(" -d ").append(quote(first(o.description()))).append('\n');
    }
  }

  private static String first(String[] lines) {
    return lines.length == 0 ? "" : lines[0];
  }

  private static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
