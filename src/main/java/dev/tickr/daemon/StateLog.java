package dev.tickr.daemon;

import dev.tickr.incident.IncidentEvent;
import dev.tickr.incident.MonitorState;
import dev.tickr.time.Durations;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One readable log line per state change and incident. */
final class StateLog {
  private static final Logger LOG = LoggerFactory.getLogger("tickr.state");

  private StateLog() {}

  static void log(IncidentEvent event) {
    switch (event) {
      case IncidentEvent.StateChanged c -> {
        if (c.transition().to() == MonitorState.DOWN) {
          return; // the incident line says it, with the reason
        }
        LOG.info(
            "monitor={} {} -> {} since={}",
            c.monitor(),
            c.transition().from(),
            c.transition().to(),
            c.status().since());
      }
      case IncidentEvent.ShownChanged shown -> {} // the alerting engine logs maintenance windows
      case IncidentEvent.FlappingChanged flap -> {} // and flapping
      case IncidentEvent.IncidentOpened o ->
          LOG.warn(
              "monitor={} DOWN since={} reason={} incident={} detail=\"{}\"",
              o.monitor(),
              o.incident().startedAt(),
              o.incident().reason(),
              o.incident().id(),
              o.incident().detail());
      case IncidentEvent.IncidentResolved r -> {
        Duration d = r.incident().duration();
        LOG.info(
            "monitor={} recovered incident={} after={}",
            r.monitor(),
            r.incident().id(),
            d == null ? "?" : Durations.format(d));
      }
    }
  }
}
