package dev.tickr.impact;

import dev.tickr.affiliate.ImpactEstimator;
import dev.tickr.affiliate.ImpactReport;
import dev.tickr.affiliate.ImpactText;
import dev.tickr.affiliate.ImpactWindow;
import dev.tickr.affiliate.Outage;
import dev.tickr.affiliate.RevenueMonitor;
import dev.tickr.affiliate.RevenueMonitors;
import dev.tickr.affiliate.VolumeHistory;
import dev.tickr.config.Config;
import dev.tickr.config.MonitorSpec;
import dev.tickr.incident.Incident;
import dev.tickr.store.IncidentStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outage-impact report over the store: the revenue-relevant monitors of a config, their
 * incidents from the store, and the volume history, handed to {@link ImpactEstimator}. The command
 * line, the API, the dashboard and the recovery alert all come through here.
 */
public final class ImpactReports {
  private final IncidentStore incidents;
  private final VolumeHistory history;

  public ImpactReports(IncidentStore incidents, VolumeHistory history) {
    this.incidents = incidents;
    this.history = history;
  }

  /**
   * Reports over the store's incidents, with volumes from its metric series: a metric's value for
   * an hour is the mean of what the checks of that hour read (a rate such as conversions per hour).
   */
  public static ImpactReports over(dev.tickr.store.Store store) {
    dev.tickr.store.MetricSeriesStore series = store.metricSeries();
    return new ImpactReports(
        store,
        (monitor, metric, from, to) -> {
          java.util.Map<Instant, Double> hours = new java.util.LinkedHashMap<>();
          for (dev.tickr.store.MetricPoint p : series.hourly(monitor, metric, from, to)) {
            if (p.count() > 0) {
              hours.put(p.start(), p.mean());
            }
          }
          return hours;
        });
  }

  /**
   * @param monitor one monitor's name, or null for every revenue-relevant one
   */
  public ImpactReport report(
      Config config, @Nullable String monitor, Instant from, Instant now, Duration claimWarning) {
    List<RevenueMonitor> monitors = RevenueMonitors.of(config, null, from, now);
    List<Outage> outages = new ArrayList<>();
    for (RevenueMonitor m : monitors) {
      for (Incident i : incidents.incidents(m.name(), from, now.plusMillis(1))) {
        outages.add(new Outage(i.id(), i.monitor(), i.startedAt(), i.endedAt(), i.reason().code()));
      }
    }
    ImpactReport all =
        new ImpactEstimator(history).estimate(monitors, outages, from, now, claimWarning);
    if (monitor == null) {
      return all;
    }
    // Every monitor is estimated, so that time another of the same volume counted stays out.
    return new ImpactReport(
        all.from(),
        all.to(),
        all.monitors().stream().filter(monitor::equals).toList(),
        all.windows().stream().filter(w -> w.monitor().equals(monitor)).toList(),
        all.claimWarning());
  }

  /** The window an incident belongs to, when its monitor is revenue-relevant. */
  public Optional<ImpactWindow> window(Config config, Incident incident, Instant now) {
    MonitorSpec spec = config.monitor(incident.monitor()).orElse(null);
    if (spec == null || spec.revenue() == null) {
      return Optional.empty();
    }
    Instant end = incident.endedAt() == null ? now : incident.endedAt();
    ImpactReport r =
        report(
            config,
            incident.monitor(),
            incident.startedAt(),
            end.isAfter(now) ? end : now,
            ImpactEstimator.CLAIM_WARNING);
    return r.windows().stream().filter(w -> w.incidentIds().contains(incident.id())).findFirst();
  }

  /** What the recovery alert of a revenue-relevant monitor's incident says of it; "" for others. */
  public String note(Config config, Incident incident, Instant now) {
    return window(config, incident, now).map(ImpactText::summary).orElse("");
  }
}
