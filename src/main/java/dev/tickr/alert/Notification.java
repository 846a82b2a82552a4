package dev.tickr.alert;

import java.util.List;

/**
 * What one channel is asked to send once: usually one {@link Alert}; several when grouping folds
 * many monitors failing together into one summary message.
 *
 * @param id the idempotency key, the same on every retry of this notification (and after a
 *     restart), different for every other notification
 * @param event the event all alerts share
 * @param dashboardUrl the dashboard's base URL, for links
 */
public record Notification(String id, AlertEvent event, List<Alert> alerts, String dashboardUrl) {

  public Notification {
    alerts = List.copyOf(alerts);
    if (alerts.isEmpty()) {
      throw new IllegalArgumentException("a notification needs at least one alert");
    }
  }

  public boolean grouped() {
    return alerts.size() > 1;
  }

  public Alert first() {
    return alerts.get(0);
  }
}
