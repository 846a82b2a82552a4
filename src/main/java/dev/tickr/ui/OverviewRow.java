package dev.tickr.ui;

import dev.tickr.config.MonitorSpec;
import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.incident.ShownState;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One monitor as the overview lists it: what its config says and what the daemon knows now. */
record OverviewRow(
    String name,
    String type,
    List<String> tags,
    MonitorState state,
    @Nullable Instant since,
    @Nullable Instant lastCheck,
    @Nullable Incident incident) {

  static OverviewRow of(MonitorSpec spec, @Nullable MonitorStatus status, ShownState shown) {
    return new OverviewRow(
        spec.name(),
        spec.type().name(),
        spec.tags(),
        shown.state(),
        shown.since(),
        status == null ? null : status.lastCheck(),
        status == null ? null : status.incident());
  }
}
