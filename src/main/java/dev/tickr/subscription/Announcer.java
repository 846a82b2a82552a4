package dev.tickr.subscription;

import dev.tickr.config.Config;
import dev.tickr.config.MaintenanceWindow;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.StatusPageSpec;
import dev.tickr.incident.Incident;
import dev.tickr.incident.IncidentEvent;
import dev.tickr.store.IncidentNote;
import dev.tickr.store.SubscriptionStore;
import dev.tickr.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns incidents of the monitors a page shows into mails for the page's confirmed subscribers: the
 * start, each public note, the end. An incident that starts during maintenance is not announced,
 * and then neither are its notes and end; private notes never are. The mails are queued in the
 * store (they survive a restart) off the thread that reports the event, and {@link MailSender}
 * sends them.
 */
public final class Announcer implements java.util.function.Consumer<IncidentEvent>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Announcer.class);
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Supplier<Config> config;
  private final SubscriptionStore store;
  private final Links links;
  private final Runnable wake;
  private final ExecutorService queue =
      Executors.newSingleThreadExecutor(Thread.ofVirtual().name("tickr-subscriptions").factory());

  /**
   * @param wake tells the sender that mails are waiting
   */
  public Announcer(Supplier<Config> config, SubscriptionStore store, Links links, Runnable wake) {
    this.config = config;
    this.store = store;
    this.links = links;
    this.wake = wake;
  }

  @Override
  public void accept(IncidentEvent event) {
    switch (event) {
      case IncidentEvent.IncidentOpened o -> later(() -> opened(o.incident(), o.at()));
      case IncidentEvent.IncidentResolved r -> later(() -> resolved(r.incident(), r.at()));
      default -> {}
    }
  }

  /** A note was added to an incident; only a public one is mailed. */
  public void noted(Incident incident, IncidentNote note) {
    if (note.visible()) {
      later(() -> noteAdded(incident, note));
    }
  }

  private void later(Runnable work) {
    var unused =
        queue.submit(
            () -> {
              try {
                work.run();
                wake.run();
              } catch (RuntimeException e) {
                LOG.error("subscriber mails could not be queued: {}", e.getMessage(), e);
              }
            });
  }

  private void opened(Incident i, Instant at) {
    Config c = config.get();
    if (inMaintenance(c, i.monitor(), at)) {
      LOG.info("monitor={} incident={} in maintenance: not announced", i.monitor(), i.id());
      return;
    }
    for (StatusPageSpec page : pages(c, i.monitor())) {
      String body =
          i.monitor()
              + " on "
              + page.title()
              + " is down since "
              + TIME.format(i.startedAt())
              + ".\n\nFollow it at "
              + links.page(page.slug())
              + "\n";
      if (store.announce(page.slug(), i.id(), subject(page, i.monitor() + " is down"), body, at)) {
        LOG.info("statusPage={} incident={} start queued for subscribers", page.slug(), i.id());
      }
    }
  }

  private void resolved(Incident i, Instant at) {
    Instant end = i.endedAt() == null ? at : i.endedAt();
    for (StatusPageSpec page : pages(config.get(), i.monitor())) {
      String body =
          i.monitor()
              + " on "
              + page.title()
              + " is back up since "
              + TIME.format(end)
              + ", after "
              + Durations.format(
                  Duration.ofSeconds(Duration.between(i.startedAt(), end).toSeconds()))
              + " down.\n\nSee "
              + links.page(page.slug())
              + "\n";
      store.follow(page.slug(), i.id(), subject(page, i.monitor() + " is back up"), body, at);
    }
  }

  private void noteAdded(Incident i, IncidentNote note) {
    for (StatusPageSpec page : pages(config.get(), i.monitor())) {
      String body =
          "Update on the incident of "
              + i.monitor()
              + " on "
              + page.title()
              + ", "
              + TIME.format(note.at())
              + ":\n\n"
              + note.text()
              + "\n\nSee "
              + links.page(page.slug())
              + "\n";
      store.follow(page.slug(), i.id(), subject(page, "Update on " + i.monitor()), body, note.at());
    }
  }

  private static String subject(StatusPageSpec page, String what) {
    return "[" + page.title() + "] " + what;
  }

  private static List<StatusPageSpec> pages(Config c, String monitor) {
    return c.statusPages().stream()
        .filter(p -> p.emailChannel() != null && p.monitors().contains(monitor))
        .toList();
  }

  private static boolean inMaintenance(Config c, String monitor, Instant at) {
    List<String> tags = c.monitor(monitor).map(MonitorSpec::tags).orElse(List.of());
    for (MaintenanceWindow w : c.maintenance()) {
      if (w.covers(monitor, tags) && w.spanAt(at).isPresent()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    queue.close();
  }
}
