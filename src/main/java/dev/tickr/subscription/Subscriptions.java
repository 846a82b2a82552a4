package dev.tickr.subscription;

import dev.tickr.alert.Delivery;
import dev.tickr.alert.Mail;
import dev.tickr.auth.Sealer;
import dev.tickr.config.StatusPageSpec;
import dev.tickr.heartbeat.RateLimiter;
import dev.tickr.store.SubscriptionStore;
import dev.tickr.store.SubscriptionStore.Outcome;
import dev.tickr.store.SubscriptionStore.Subscriber;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribing to a status page by email, with double opt-in: a request stores the address (hashed
 * and sealed, see {@link AddressKey}) as pending and mails a single-use link, valid for {@link
 * #CONFIRM_WITHIN}; only a confirmed subscriber gets incident mails. Requests are rate-limited per
 * client address and per page, a page has at most {@link #MAX_PENDING} pending subscribers, and an
 * address gets one confirmation mail per {@link #RESEND_AFTER}, so the form cannot flood anyone's
 * inbox. The answer to a request never tells whether the address was subscribed already.
 */
public final class Subscriptions implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);

  static final Duration CONFIRM_WITHIN = Duration.ofDays(2);
  static final Duration RESEND_AFTER = Duration.ofMinutes(10);
  static final int MAX_PENDING = 1000;
  static final int MAX_ADDRESS = 254;

  /** How a request to subscribe was answered. */
  public enum Answer {
    /** Taken: a confirmation link is on its way if the address can be subscribed. */
    ACCEPTED,
    /** Too many requests from this client or for this page: try later. */
    LIMITED,
    /** Not an email address. */
    INVALID,
    /** The page takes no email subscriptions. */
    CLOSED
  }

  /** Limits of requests: per client address, and per page. */
  public record Limits(RateLimiter perClient, RateLimiter perPage) {}

  private final SubscriptionStore store;
  private final AddressKey key;
  private final Mailers mailers;
  private final Links links;
  private final Limits limits;
  private final Clock clock;
  private final ExecutorService confirmations = Executors.newVirtualThreadPerTaskExecutor();

  public Subscriptions(
      SubscriptionStore store,
      Sealer sealer,
      Mailers mailers,
      Links links,
      Limits limits,
      Clock clock) {
    this.store = store;
    this.key = new AddressKey(store, sealer, new SecureRandom());
    this.mailers = mailers;
    this.links = links;
    this.limits = limits;
    this.clock = clock;
  }

  AddressKey key() {
    return key;
  }

  /** A visitor at {@code client} asks to subscribe {@code address} to {@code page}. */
  public Answer subscribe(StatusPageSpec page, String address, String client) {
    if (page.emailChannel() == null) {
      return Answer.CLOSED;
    }
    if (!valid(address)) {
      return Answer.INVALID;
    }
    if (!limits.perClient().tryAcquire(client) || !limits.perPage().tryAcquire(page.slug())) {
      LOG.info("statusPage={} subscription request refused: rate limit", page.slug());
      return Answer.LIMITED;
    }
    Instant now = clock.instant();
    String token = key.newToken();
    Outcome outcome =
        store.subscribe(
            page.slug(),
            key.hash(address),
            key.seal(page.slug(), address),
            AddressKey.tokenHash(token),
            now.plus(CONFIRM_WITHIN),
            now,
            now.minus(RESEND_AFTER),
            MAX_PENDING);
    if (outcome == Outcome.FULL) {
      LOG.warn(
          "statusPage={} has {} pending subscribers: request dropped", page.slug(), MAX_PENDING);
    } else if (outcome == Outcome.CONFIRM) {
      var unused = confirmations.submit(() -> sendConfirmation(page, address.strip(), token));
    }
    // The same answer whatever happened: nobody learns who is subscribed.
    return Answer.ACCEPTED;
  }

  private void sendConfirmation(StatusPageSpec page, String address, String token) {
    Optional<dev.tickr.alert.Mailer> mailer = mailers.forPage(page);
    if (mailer.isEmpty()) {
      LOG.warn("statusPage={} has no usable email channel: confirmation not sent", page.slug());
      return;
    }
    String link = links.confirm(page.slug(), token);
    Mail mail =
        new Mail(
            address,
            "Confirm your subscription to " + page.title(),
            "Someone, probably you, asked to be told by email when "
                + page.title()
                + " has an incident.\n\nTo confirm, open this link within "
                + CONFIRM_WITHIN.toHours()
                + " hours:\n"
                + link
                + "\n\nIf it was not you, ignore this mail: nothing more will be sent.\n",
            Map.of("Auto-Submitted", "auto-generated"));
    Delivery d = mailer.get().send(mail);
    LOG.info("statusPage={} confirmation mail outcome={}", page.slug(), d.outcome());
  }

  /** Confirms with the token of a confirmation link; the page's slug when it was valid. */
  public Optional<String> confirm(String token) {
    if (token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    Optional<Subscriber> s = store.confirm(AddressKey.tokenHash(token), clock.instant());
    s.ifPresent(x -> LOG.info("statusPage={} subscriber={} confirmed", x.page(), x.id()));
    return s.map(Subscriber::page);
  }

  /** Whether an unsubscribe link is genuine. */
  public boolean validUnsubscribe(long subscriber, String token) {
    return key.validUnsubscribe(subscriber, token);
  }

  /** Removes the subscriber of a genuine unsubscribe link; false for a link that is not. */
  public boolean unsubscribe(long subscriber, String token) {
    if (!key.validUnsubscribe(subscriber, token)) {
      return false;
    }
    if (store.unsubscribe(subscriber)) {
      LOG.info("subscriber={} unsubscribed", subscriber);
    }
    return true;
  }

  /** Deletes pending subscribers whose link expired. */
  public void expire() {
    int n = store.expire(clock.instant());
    if (n > 0) {
      LOG.info("expired={} unconfirmed subscribers removed", n);
    }
  }

  static boolean valid(String address) {
    String a = address.strip();
    if (a.isEmpty() || a.length() > MAX_ADDRESS || a.chars().anyMatch(ch -> ch < 0x20)) {
      return false;
    }
    try {
      InternetAddress parsed = new InternetAddress(a, true);
      return parsed.getAddress().equals(a) && parsed.getPersonal() == null && a.indexOf('@') > 0;
    } catch (AddressException e) {
      return false;
    }
  }

  @Override
  public void close() {
    confirmations.close();
  }
}
