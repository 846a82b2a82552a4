package dev.tickr.alert;

/**
 * Formats a {@link Notification} as one provider's documented payload and sends it. One class per
 * channel type; implementations never import each other. Thread-safe.
 */
public interface Notifier {

  /**
   * Sends once, within the notifier's own timeout. A failing provider is data, not an exception:
   * every network or provider error comes back as a {@link Delivery}.
   */
  Delivery send(Notification notification);

  /**
   * Whether several monitors' alerts may be folded into one summary message. Channels whose
   * provider tracks each incident by key (PagerDuty, Opsgenie, Alertmanager) and machine receivers
   * get one notification per incident.
   */
  default boolean groups() {
    return true;
  }
}
