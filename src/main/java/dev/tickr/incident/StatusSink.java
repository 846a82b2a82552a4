package dev.tickr.incident;

import java.util.Map;

/**
 * Where the tracker makes state durable before it announces anything: a state change and its
 * incident are written before any alert can go out about them.
 */
public interface StatusSink {
  void saveStatus(MonitorStatus status);

  void saveIncident(Incident incident);

  /** Replaces the maintenance windows monitors are in, by monitor. */
  void saveMaintenance(Map<String, Maintenance> windows);
}
