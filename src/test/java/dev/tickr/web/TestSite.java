package dev.tickr.web;

import dev.tickr.auth.Accounts;
import dev.tickr.auth.Role;
import dev.tickr.config.ServerSpec;
import dev.tickr.heartbeat.PingReceiver;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import dev.tickr.testing.Browser;
import io.javalin.config.JavalinConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A real {@link WebServer} on a loopback port with a real store and one admin, {@code alice}
 * ({@code alice-password}), and a {@link Browser} on it: for the tests of the login and the access
 * rules.
 */
record TestSite(SqliteStore store, Accounts accounts, WebServer web, Browser browser, int port)
    implements AutoCloseable {

  static TestSite start(
      Path dir, Clock clock, Supplier<ServerSpec> settings, Consumer<JavalinConfig> routes) {
    SqliteStore store = SqliteStore.open(dir, Retention.defaults(), clock);
    Accounts accounts = new Accounts(store, clock);
    accounts.users().add("alice", "alice-password", Role.ADMIN);
    WebServer web = new WebServer(PingReceiver.none(), null, settings, accounts, routes);
    int port = web.start("127.0.0.1", 0);
    return new TestSite(store, accounts, web, new Browser(port), port);
  }

  @Override
  public void close() {
    browser.close();
    web.close();
    store.close();
  }
}
