package dev.tickr.subscription;

import dev.tickr.alert.Mailer;
import dev.tickr.alert.channel.Notifiers;
import dev.tickr.config.ChannelSpec;
import dev.tickr.config.Config;
import dev.tickr.config.StatusPageSpec;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The mailer of each page's {@code subscriptions.email.channel}, made once per channel setting. */
public final class Mailers {
  private final Supplier<Config> config;
  private final Map<ChannelSpec, Optional<Mailer>> made = new ConcurrentHashMap<>();

  public Mailers(Supplier<Config> config) {
    this.config = config;
  }

  Optional<Mailer> forPage(StatusPageSpec page) {
    String name = page.emailChannel();
    if (name == null) {
      return Optional.empty();
    }
    for (ChannelSpec c : config.get().channels()) {
      if (c.name().equals(name)) {
        if (made.size() > 64) {
          made.clear(); // channels edited again and again: keep only what is in use
        }
        return made.computeIfAbsent(c, Notifiers::mailer);
      }
    }
    return Optional.empty();
  }
}
