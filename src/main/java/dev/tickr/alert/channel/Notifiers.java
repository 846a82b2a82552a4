package dev.tickr.alert.channel;

import dev.tickr.alert.Alert;
import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Mailer;
import dev.tickr.alert.Notification;
import dev.tickr.alert.Notifier;
import dev.tickr.check.Reason;
import dev.tickr.config.ChannelSpec;
import dev.tickr.config.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The channel types, by their config spelling, and the one place that turns configured channels
 * into {@link Notifier}s. A new channel type is one class with its {@code KEYS} and a {@code
 * create(Settings, Context)} factory, and one line in {@link #TYPES}.
 */
public final class Notifiers {
  /**
   * Idle connections the alert client keeps, over all channels: enough for the sends one channel
   * has on their way at once (16), so a burst reuses its connections instead of opening new ones.
   */
  static final int IDLE_CONNECTIONS = 32;

  /**
   * What notifiers are built with.
   *
   * @param http the base client every HTTP channel derives its own (timeouts) from, sharing its
   *     connection pool
   * @param clock for {@code sent_at}, signatures and {@code Retry-After} dates
   * @param userAgent sent with every HTTP request
   */
  public record Context(OkHttpClient http, Clock clock, String userAgent) {

    /**
     * A context with a client made for alerts: no redirects followed (a webhook that moved is a
     * configuration error, and a POST must not be replayed elsewhere) and no silent retries (the
     * outbox retries, with the same idempotency key).
     */
    public static Context create(Clock clock, String userAgent) {
      OkHttpClient http =
          new OkHttpClient.Builder()
              .followRedirects(false)
              .followSslRedirects(false)
              .retryOnConnectionFailure(false)
              .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
              .callTimeout(Settings.DEFAULT_TIMEOUT)
              .build();
      return new Context(http, clock, userAgent);
    }
  }

  /**
   * The notifiers of the channels that are configured right, by channel name, and the problems of
   * those that are not.
   */
  public record Built(Map<String, Notifier> notifiers, List<Problem> problems) {
    public Built {
      notifiers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notifiers));
      problems = List.copyOf(problems);
    }

    public Optional<Notifier> notifier(String channel) {
      return Optional.ofNullable(notifiers.get(channel));
    }
  }

  /** Reads one channel type's settings (reporting problems to them) and makes its notifier. */
  @FunctionalInterface
  interface Factory {
    Notifier create(Settings settings, Context context);
  }

  /** A channel type: the settings it reads (for docs and schema tests) and its factory. */
  record Type(List<String> settings, Factory factory) {}

  static final Map<String, Type> TYPES =
      Map.ofEntries(
          Map.entry("webhook", new Type(WebhookNotifier.KEYS, WebhookNotifier::create)),
          Map.entry("slack", new Type(SlackNotifier.KEYS, SlackNotifier::create)),
          Map.entry("discord", new Type(DiscordNotifier.KEYS, DiscordNotifier::create)),
          Map.entry("teams", new Type(TeamsNotifier.KEYS, TeamsNotifier::create)),
          Map.entry("google-chat", new Type(GoogleChatNotifier.KEYS, GoogleChatNotifier::create)),
          Map.entry("mattermost", new Type(MattermostNotifier.KEYS, MattermostNotifier::create)),
          Map.entry("pagerduty", new Type(PagerDutyNotifier.KEYS, PagerDutyNotifier::create)),
          Map.entry("opsgenie", new Type(OpsgenieNotifier.KEYS, OpsgenieNotifier::create)),
          Map.entry("email", new Type(EmailNotifier.KEYS, EmailNotifier::create)),
          Map.entry("telegram", new Type(TelegramNotifier.KEYS, TelegramNotifier::create)),
          Map.entry("ntfy", new Type(NtfyNotifier.KEYS, NtfyNotifier::create)),
          Map.entry("pushover", new Type(PushoverNotifier.KEYS, PushoverNotifier::create)),
          Map.entry(
              "alertmanager", new Type(AlertmanagerNotifier.KEYS, AlertmanagerNotifier::create)));

  /** Only for {@link #validate}: never sends, so its client is never used. */
  private static final class Offline {
    static final Context CONTEXT = Context.create(Clock.systemUTC(), "Tickr");
  }

  private Notifiers() {}

  /**
   * What sends a status page's subscriber mails with the SMTP settings of an {@code email} channel;
   * empty when the channel is of another type or its settings have problems (its own notifier
   * reports them).
   */
  public static Optional<Mailer> mailer(ChannelSpec spec) {
    if (!spec.type().equals("email")) {
      return Optional.empty();
    }
    Settings settings = new Settings(spec);
    Smtp smtp = new Smtp(settings);
    if (!settings.problems().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        mail -> smtp.send((session, from) -> SubscriberMessage.of(session, from, mail)));
  }

  /** The channel types that have a notifier. */
  public static List<String> types() {
    return ChannelSpec.TYPES.stream().filter(TYPES::containsKey).toList();
  }

  /** Builds every channel; a channel with a problem gets no notifier. Sends nothing. */
  public static Built build(List<ChannelSpec> channels, Context context) {
    Map<String, Notifier> notifiers = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (ChannelSpec spec : channels) {
      Settings settings = new Settings(spec);
      Type type = TYPES.get(spec.type());
      if (type == null) {
        settings.problem("type", "channel type \"" + spec.type() + "\" has no notifier yet");
        problems.addAll(settings.problems());
        continue;
      }
      try {
        Notifier notifier = type.factory().create(settings, context);
        if (settings.problems().isEmpty()) {
          notifiers.put(spec.name(), notifier);
        }
      } catch (IllegalArgumentException e) {
        // A value the checks above let through but a library refuses (an odd URL, say).
        settings.problem(
            "type", "cannot be set up: " + settings.mask().apply(String.valueOf(e.getMessage())));
      }
      problems.addAll(settings.problems());
    }
    return new Built(notifiers, problems);
  }

  /**
   * Every problem in the channels' settings, for {@code tickr validate} and the config loader
   * ({@code ConfigLoader.checkingChannels(Notifiers::validate)}).
   */
  public static List<Problem> validate(List<ChannelSpec> channels) {
    return build(channels, Offline.CONTEXT).problems();
  }

  /**
   * A marked test notification about a made-up monitor, for {@code tickr alert test}: every channel
   * shows it as {@code [TEST]}, and providers that open incidents get their own key.
   */
  public static Notification test(String channel, Instant now, String dashboardUrl) {
    String id = "test-" + UUID.randomUUID();
    Alert alert =
        new Alert(
            AlertEvent.TEST,
            "tickr-test",
            List.of("test"),
            0,
            now,
            null,
            Reason.CONDITION,
            "this is a test from Tickr; if you can read it, channel \"" + channel + "\" works",
            null,
            "",
            null,
            "tickr-" + id);
    return new Notification(id, AlertEvent.TEST, List.of(alert), dashboardUrl);
  }
}
