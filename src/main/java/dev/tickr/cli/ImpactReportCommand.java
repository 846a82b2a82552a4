package dev.tickr.cli;

import dev.tickr.Tickr;
import dev.tickr.affiliate.ImpactCsv;
import dev.tickr.affiliate.ImpactEstimator;
import dev.tickr.affiliate.ImpactJson;
import dev.tickr.affiliate.ImpactReport;
import dev.tickr.affiliate.ImpactText;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.Problem;
import dev.tickr.config.ServerSpec;
import dev.tickr.impact.ImpactReports;
import dev.tickr.store.SqliteStore;
import dev.tickr.store.Store;
import dev.tickr.time.Durations;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tickr report impact}: every outage window of the config's revenue-relevant monitors in the
 * period, with the conversions and commission it is estimated to have put at risk, read from the
 * data directory (works while {@code tickr run} runs). Monitors made through the API are in the
 * dashboard's and the API's report, not in this one: their settings are sealed in the store.
 */
@Command(
    name = "impact",
    mixinStandardHelpOptions = true,
    description =
        "Outage windows of revenue-relevant monitors with estimated missed conversions and"
            + " commission.",
    footer = {"", "Exit codes: 0 done, 2 usage or an invalid config."})
final class ImpactReportCommand implements Callable<Integer> {
  private final Tickr tickr;

  @Spec picocli.CommandLine.Model.@Nullable CommandSpec spec;

  @Option(
      names = "--since",
      paramLabel = "DURATION",
      description = "How far back the report looks, e.g. 30d (default 30d).")
  String since = "30d";

  @Option(names = "--monitor", paramLabel = "NAME", description = "Only this monitor's windows.")
  @Nullable String monitor;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text (default), csv (one row per window, for a claim) or json.")
  String format = "text";

  @Option(
      names = "--claim-warning",
      paramLabel = "DURATION",
      description = "Warn about windows this close to their claim deadline (default 14d).")
  String claimWarning = Durations.format(ImpactEstimator.CLAIM_WARNING);

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data directory (default ./tickr-data).")
  Path data = Path.of("tickr-data");

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "The YAML config with the monitors' revenue: (default ./tickr.yml).")
  Path config = Path.of("tickr.yml");

  ImpactReportCommand(Tickr tickr) {
    this.tickr = tickr;
  }

  @Override
  public Integer call() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    Duration back = duration("--since", since);
    Duration warning = duration("--claim-warning", claimWarning);
    String wanted = format.strip().toLowerCase(Locale.ROOT);
    if (!wanted.equals("text") && !wanted.equals("csv") && !wanted.equals("json")) {
      throw new UsageException("--format: text, csv or json, got \"" + format + "\"");
    }
    if (!Files.isRegularFile(config)) {
      throw new UsageException(
          "-c: no config at " + config + " (the monitors' revenue: is read from it)");
    }
    if (!Files.exists(data.resolve(SqliteStore.FILE_NAME))) {
      throw new UsageException("--data: no Tickr data in " + data + " (has `tickr run` used it?)");
    }
    PrintWriter err = spec.commandLine().getErr();
    Config loaded;
    try {
      loaded = tickr.configLoader().load(config);
    } catch (ConfigException e) {
      for (Problem p : e.problems()) {
        err.println(p);
      }
      err.flush();
      return 2;
    }
    String name = monitor == null ? null : monitor.strip();
    if (name != null && loaded.monitor(name).map(m -> m.revenue() == null).orElse(true)) {
      throw new UsageException(
          "--monitor: no revenue-relevant monitor \"" + name + "\" in " + config);
    }
    Instant now = tickr.clock().instant();
    ImpactReport report;
    try (Store store = SqliteStore.openReadOnly(data)) {
      report = ImpactReports.over(store).report(loaded, name, now.minus(back), now, warning);
    }
    String base = dashboardUrl(loaded.server());
    PrintWriter out = spec.commandLine().getOut();
    switch (wanted) {
      case "csv" -> out.print(ImpactCsv.of(report, base));
      case "json" -> out.print(ImpactJson.of(report, base).toPrettyString() + "\n");
      default -> out.print(ImpactText.of(report, base));
    }
    out.flush();
    return 0;
  }

  /** Where the evidence links point: {@code server.public-url}, else the listen address. */
  static String dashboardUrl(ServerSpec server) {
    return server.publicUrl() != null ? server.publicUrl().toString() : "http://" + server.listen();
  }

  private static Duration duration(String flag, String text) {
    try {
      Duration d = Durations.parse(text);
      if (d.isNegative() || d.isZero()) {
        throw new UsageException(flag + ": must be more than 0, got \"" + text + "\"");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new UsageException(flag + ": a duration like 30d or 12h, got \"" + text + "\"");
    }
  }
}
