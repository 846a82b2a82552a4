package dev.tickr.alert;

import dev.tickr.incident.Incident;

/**
 * What a recovery alert adds to its incident's detail: for a revenue-relevant monitor, the
 * estimated commission its outage put at risk. "" adds nothing.
 */
@FunctionalInterface
public interface RecoveryNote {
  RecoveryNote NONE = incident -> "";

  /**
   * @param incident the incident that just ended
   */
  String note(Incident incident);
}
