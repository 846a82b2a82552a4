package dev.tickr.store;

/**
 * What the alerting engine keeps and reads: the alerts it decides, the outbox that delivers them,
 * the monitors in maintenance, and the incidents they are about.
 */
public interface AlertingStore extends AlertStore, OutboxStore, MaintenanceStore, IncidentStore {}
