package dev.tickr.affiliate;

import dev.tickr.config.Config;
import dev.tickr.config.MaintenanceWindow;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.PresetUse;
import dev.tickr.config.Revenue;
import dev.tickr.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The revenue-relevant monitors of a config as the impact report takes them: each with its claim
 * period ({@code claim-within}, else its platform's default, from its own preset or its volume
 * source's) and the maintenance that covers it in the report's period.
 */
public final class RevenueMonitors {
  /**
   * The claim periods known per platform preset. Impact: missed actions are claimed within 88 days
   * (FTP batches ignore older events). Awin: a pending transaction is auto-validated after at most
   * 67 days (Awin Access), after which it no longer changes.
   */
  static final Map<String, Duration> CLAIM_DEFAULTS =
      Map.of("impact", Duration.ofDays(88), "awin", Duration.ofDays(67));

  /** A window never yields more occurrences than this for one report. */
  private static final int MAX_OCCURRENCES = 20_000;

  private RevenueMonitors() {}

  /**
   * @param only one monitor's name, or null for all
   */
  public static List<RevenueMonitor> of(
      Config config, @Nullable String only, Instant from, Instant to) {
    List<RevenueMonitor> out = new ArrayList<>();
    for (MonitorSpec m : config.monitors()) {
      Revenue r = m.revenue();
      if (r == null || (only != null && !only.equals(m.name()))) {
        continue;
      }
      List<Excluded> maintenance = new ArrayList<>();
      for (MaintenanceWindow w : config.maintenance()) {
        if (w.covers(m.name(), m.tags())) {
          maintenance.addAll(occurrences(w, from, to));
        }
      }
      out.add(new RevenueMonitor(m.name(), r, claim(config, m, r), maintenance));
    }
    return out;
  }

  /** The claim period of a monitor, or null when nobody says. */
  static @Nullable ClaimRule claim(Config config, MonitorSpec m, Revenue r) {
    Duration own = r.claimWithin();
    if (own != null) {
      return new ClaimRule(own, "revenue.claim-within " + Durations.format(own));
    }
    List<MonitorSpec> candidates = new ArrayList<>();
    candidates.add(m);
    Optional.ofNullable(r.volumeFrom()).flatMap(config::monitor).ifPresent(candidates::add);
    for (MonitorSpec c : candidates) {
      PresetUse use = c.preset();
      Duration known = use == null ? null : CLAIM_DEFAULTS.get(use.name());
      if (use != null && known != null) {
        return new ClaimRule(
            known, "the " + use.name() + " preset's default of " + known.toDays() + " days");
      }
    }
    return null;
  }

  /** The occurrences of a maintenance window that overlap {@code [from, to)}. */
  static List<Excluded> occurrences(MaintenanceWindow w, Instant from, Instant to) {
    List<Excluded> out = new ArrayList<>();
    Instant at = from.minus(Duration.ofDays(8));
    Optional<MaintenanceWindow.Span> current = w.spanAt(at);
    if (current.isEmpty()) {
      current = w.next(at);
    }
    for (int i = 0; i < MAX_OCCURRENCES && current.isPresent(); i++) {
      MaintenanceWindow.Span s = current.get();
      if (!s.start().isBefore(to)) {
        break;
      }
      if (s.end().isAfter(from)) {
        out.add(new Excluded(w.name(), s.start(), s.end()));
      }
      current = w.next(s.start());
    }
    return out;
  }
}
