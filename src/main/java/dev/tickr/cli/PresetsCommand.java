package dev.tickr.cli;

import dev.tickr.Tickr;
import dev.tickr.affiliate.PresetDocs;
import dev.tickr.config.Preset;
import dev.tickr.config.Presets;
import dev.tickr.config.Suggestions;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tickr presets [NAME]}: the platform presets, or one of them in full; exit 0 or 2. */
@Command(
    name = "presets",
    mixinStandardHelpOptions = true,
    description = "List the platform presets, or show one: what it calls, its keys, an example.",
    footer = {"", "Exit codes: 0 shown, 2 no preset of that name."})
final class PresetsCommand implements Callable<Integer> {
  private final Tickr tickr;

  @Spec picocli.CommandLine.Model.@Nullable CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "NAME",
      description = "A preset to show in full, e.g. impact.")
  @Nullable String name;

  PresetsCommand(Tickr tickr) {
    this.tickr = tickr;
  }

  @Override
  public Integer call() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    Presets presets = tickr.types().definitions().presets();
    String wanted = name;
    if (wanted == null) {
      out.print(PresetDocs.table(presets.all()));
      out.println();
      out.println("tickr presets NAME shows one: what it calls, its keys, an example to paste.");
      out.flush();
      return 0;
    }
    Optional<Preset> preset = presets.find(wanted);
    if (preset.isEmpty()) {
      err.println(
          "presets: no preset "
              + dev.tickr.config.Node.quote(wanted)
              + Suggestions.didYouMean(wanted, presets.names())
              + "; the presets are "
              + String.join(", ", presets.names()));
      err.flush();
      return 2;
    }
    out.print(PresetDocs.text(preset.get()));
    out.flush();
    return 0;
  }
}
