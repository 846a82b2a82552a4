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
   * get one notification per incident, except for pages they share ({@link #sharesPages()}).
   */
  default boolean groups() {
    return true;
  }

  /**
   * Whether several monitors going DOWN for the same reason within the channel's group window may
   * share one page: each DOWN is sent at once under the page's key, which the provider deduplicates
   * into one incident, with the monitors on it so far; resolved once all of them recovered. For
   * paging providers (PagerDuty, Opsgenie).
   */
  default boolean sharesPages() {
    return false;
  }

  /**
   * Whether this kind of channel takes {@code event} at all. Paging channels leave out the {@code
   * flapping} notice: it is not an outage, and a DOWN it holds back reaches them when it outlasts
   * the hold.
   */
  default boolean sends(AlertEvent event) {
    return true;
  }
}
