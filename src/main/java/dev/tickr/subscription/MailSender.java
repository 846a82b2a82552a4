package dev.tickr.subscription;

import dev.tickr.alert.Delivery;
import dev.tickr.alert.Mail;
import dev.tickr.alert.Mailer;
import dev.tickr.config.Config;
import dev.tickr.config.StatusPageSpec;
import dev.tickr.schedule.Waiter;
import dev.tickr.store.SubscriptionStore;
import dev.tickr.store.SubscriptionStore.QueuedMail;
import dev.tickr.store.SubscriptionStore.Subscriber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the queued subscriber mails, one thread, oldest first: each with the page's link and an
 * unsubscribe link in its text and as {@code List-Unsubscribe} (one click, RFC 8058). A mail that
 * fails for now is tried again later (up to {@link #ATTEMPTS} times); one to a subscriber who left
 * is dropped. Addresses are never logged.
 */
public final class MailSender implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
  static final int ATTEMPTS = 8;
  static final int BATCH = 50;
  static final Duration IDLE = Duration.ofMinutes(1);
  static final Duration FIRST_RETRY = Duration.ofMinutes(1);

  private final Supplier<Config> config;
  private final SubscriptionStore store;
  private final Subscriptions subscriptions;
  private final Mailers mailers;
  private final Links links;
  private final Clock clock;
  private final Waiter waiter;
  private volatile boolean stopped;
  private @Nullable Thread thread;

  public MailSender(
      Supplier<Config> config,
      SubscriptionStore store,
      Subscriptions subscriptions,
      Mailers mailers,
      Links links,
      Clock clock,
      Waiter waiter) {
    this.config = config;
    this.store = store;
    this.subscriptions = subscriptions;
    this.mailers = mailers;
    this.links = links;
    this.clock = clock;
    this.waiter = waiter;
  }

  public synchronized void start() {
    if (thread == null) {
      thread = Thread.ofVirtual().name("tickr-subscriber-mail").start(this::run);
    }
  }

  /** Mails were queued: send them now. */
  public void wake() {
    waiter.wake();
  }

  private void run() {
    while (!stopped) {
      try {
        subscriptions.expire();
        sendDue();
        Instant now = clock.instant();
        Duration wait =
            store
                .nextDue()
                .map(next -> Duration.between(now, next))
                .filter(d -> d.compareTo(IDLE) < 0)
                .orElse(IDLE);
        if (!wait.isNegative() && !wait.isZero()) {
          waiter.await(wait);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("subscriber mails: {}", e.getMessage(), e);
        try {
          waiter.await(IDLE);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Sends every mail due now; what is left waits for its next attempt. */
  void sendDue() {
    Instant now = clock.instant();
    Map<String, StatusPageSpec> pages = new LinkedHashMap<>();
    config.get().statusPages().forEach(p -> pages.put(p.slug(), p));
    for (QueuedMail m : store.due(now, BATCH)) {
      if (stopped) {
        return;
      }
      send(m, pages.get(m.page()), now);
    }
  }

  private void send(QueuedMail m, @Nullable StatusPageSpec page, Instant now) {
    Optional<Subscriber> subscriber = store.subscriber(m.subscriberId());
    if (subscriber.isEmpty() || page == null) {
      store.done(m.id()); // unsubscribed, or the page is gone
      return;
    }
    Optional<Mailer> mailer = mailers.forPage(page);
    if (mailer.isEmpty()) {
      retry(m, now, "the page's email channel is missing or has problems");
      return;
    }
    String unsubscribe =
        links.unsubscribe(
            page.slug(), m.subscriberId(), subscriptions.key().unsubscribeToken(m.subscriberId()));
    String address = subscriptions.key().open(page.slug(), subscriber.get().sealed());
    Mail mail =
        new Mail(
            address,
            m.subject(),
            m.body()
                + "\n--\nYou get this mail because you subscribed to "
                + page.title()
                + ".\nUnsubscribe: "
                + unsubscribe
                + "\n",
            Map.of(
                "List-Unsubscribe", "<" + unsubscribe + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click",
                "Auto-Submitted", "auto-generated"));
    Delivery d = mailer.get().send(mail);
    switch (d.outcome()) {
      case SENT -> store.done(m.id());
      case RETRY -> retry(m, now, "the server asked to try again");
      case FAILED -> {
        LOG.warn("statusPage={} mail={} refused by the mail server: dropped", m.page(), m.id());
        store.done(m.id());
      }
    }
  }

  private void retry(QueuedMail m, Instant now, String why) {
    if (m.attempts() + 1 >= ATTEMPTS) {
      LOG.warn(
          "statusPage={} mail={} dropped after {} attempts: {}", m.page(), m.id(), ATTEMPTS, why);
      store.done(m.id());
      return;
    }
    Duration later = FIRST_RETRY.multipliedBy(1L << Math.min(m.attempts(), 6));
    LOG.info("statusPage={} mail={} retry in {}: {}", m.page(), m.id(), later, why);
    store.retry(m.id(), now.plus(later));
  }

  @Override
  public void close() {
    stopped = true;
    waiter.wake();
    Thread t = thread;
    if (t != null) {
      t.interrupt();
      try {
        t.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
