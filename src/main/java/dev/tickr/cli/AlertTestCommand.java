package dev.tickr.cli;

import dev.tickr.Tickr;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notifier;
import dev.tickr.alert.channel.Notifiers;
import dev.tickr.config.ChannelSpec;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.Problem;
import dev.tickr.config.ServerSpec;
import dev.tickr.config.Suggestions;
import dev.tickr.time.Durations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tickr alert test CHANNEL -c FILE}: sends one marked test notification through a configured
 * channel and prints what the provider answered; exit 0 sent, 1 not sent, 2 bad usage or config.
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = "Send a marked test notification to one channel of a config.",
    footer = {
      "",
      "Exit codes: 0 sent, 1 not sent (the provider's answer is printed), 2 bad usage or an"
          + " invalid config."
    })
final class AlertTestCommand implements Callable<Integer> {
  private final Tickr tickr;

  @Spec picocli.CommandLine.Model.@Nullable CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CHANNEL", description = "The channel's name.")
  String channel = "";

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "The YAML config (default: ./tickr.yml).")
  Path config = Path.of("tickr.yml");

  AlertTestCommand(Tickr tickr) {
    this.tickr = tickr;
  }

  @Override
  public Integer call() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Config loaded;
    try {
      loaded = tickr.configLoader().checkingChannels(Notifiers::validate).load(config);
    } catch (ConfigException e) {
      for (Problem p : e.problems()) {
        err.println(p);
      }
      err.flush();
      return 2;
    }
    ChannelSpec wanted = loaded.channel(channel).orElseThrow(() -> unknown(loaded));
    Notifiers.Context context = Notifiers.Context.create(tickr.clock(), Tickr.userAgent());
    Notifier notifier =
        Notifiers.build(List.of(wanted), context)
            .notifier(channel)
            .orElseThrow(() -> new IllegalStateException("a validated channel always builds"));
    Delivery delivery =
        notifier.send(Notifiers.test(channel, tickr.clock().instant(), dashboard(loaded.server())));
    String answer =
        (delivery.httpStatus() == null ? "" : delivery.httpStatus() + " ") + delivery.answer();
    if (delivery.outcome() == Delivery.Outcome.SENT) {
      out.println("Sent a test notification to " + notifier + ".");
      out.println("Answer: " + answer);
      out.flush();
      return 0;
    }
    err.println("Not sent to " + notifier + ": " + why(delivery) + ".");
    err.println("Answer: " + answer);
    err.flush();
    return 1;
  }

  private static String why(Delivery delivery) {
    if (delivery.outcome() == Delivery.Outcome.FAILED) {
      return "the provider refused it; check the channel's settings";
    }
    return "a temporary failure, which the daemon would retry"
        + (delivery.retryAfter() == null
            ? ""
            : " after " + Durations.format(delivery.retryAfter()));
  }

  private UsageException unknown(Config loaded) {
    List<String> names = loaded.channels().stream().map(ChannelSpec::name).toList();
    if (names.isEmpty()) {
      return new UsageException(config + " has no channels");
    }
    return new UsageException(
        "unknown channel \""
            + channel
            + "\""
            + Suggestions.didYouMean(channel, names)
            + "; "
            + config
            + " has "
            + String.join(", ", names));
  }

  /** Where links in the test point: the public URL, else where the daemon would listen. */
  private static String dashboard(ServerSpec server) {
    return server.publicUrl() != null ? server.publicUrl().toString() : "http://" + server.listen();
  }
}
