package dev.tickr.web;

import dev.tickr.auth.Accounts;
import dev.tickr.config.ServerSpec;
import dev.tickr.heartbeat.PingReceiver;
import dev.tickr.metrics.Metrics;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.servlet.DispatcherType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.jspecify.annotations.Nullable;

/**
 * The daemon's HTTP server: {@code /healthz}, {@code /readyz}, {@code /metrics} (Prometheus), the
 * heartbeat URLs under {@code /ping/}, login and logout; the REST API, the dashboard and the status
 * pages come in through {@code routes}. {@link Access} decides who may request what.
 */
public final class WebServer implements AutoCloseable {
  private static final String STARTED = "tickr.web.started";

  private final Javalin app;
  private volatile String listenHost = "";

  /**
   * @param pings where pings to {@code /ping/<token>} go
   */
  public WebServer(PingReceiver pings) {
    this(pings, null, () -> ServerSpec.DEFAULT, null, config -> {});
  }

  /**
   * @param pings where pings to {@code /ping/<token>} go
   * @param metrics served at {@code /metrics} ({@link MetricsGate} decides who may read it), or
   *     null for no {@code /metrics}
   * @param settings the current {@code server} settings, read at each request that needs them (the
   *     metrics token, the public URL for {@link Cookies}), so a reload counts at once
   * @param accounts who may log in and with which API tokens ({@link Access}); null: nobody, and
   *     only the public paths are served
   * @param routes adds more routes (the REST API) behind the same access rules
   */
  public WebServer(
      PingReceiver pings,
      @Nullable Metrics metrics,
      Supplier<ServerSpec> settings,
      @Nullable Accounts accounts,
      Consumer<JavalinConfig> routes) {
    this(pings, metrics, settings, accounts, Readiness.ALWAYS, routes);
  }

  /**
   * @param readiness what {@code /readyz} reports
   * @see #WebServer(PingReceiver, Metrics, Supplier, Accounts, Consumer)
   */
  public WebServer(
      PingReceiver pings,
      @Nullable Metrics metrics,
      Supplier<ServerSpec> settings,
      @Nullable Accounts accounts,
      Readiness readiness,
      Consumer<JavalinConfig> routes) {
    ClientAddress clients = new ClientAddress(() -> settings.get().trustedProxies());
    Cookies cookies = new Cookies(() -> settings.get().publicUrl(), clients);
    MetricsGate metricsGate =
        new MetricsGate(() -> settings.get().metricsToken(), () -> listenHost);
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.concurrency.useVirtualThreads = true;
              config.jetty.modifyServletContextHandler(
                  handler ->
                      handler.addFilter(
                          new FilterHolder(new UnreadBody()),
                          "/*",
                          EnumSet.of(DispatcherType.REQUEST)));
              config.routes.before(
                  ctx -> {
                    ctx.attribute(STARTED, System.nanoTime());
                    // Every answer has its declared type: no browser is to guess another (an API
                    // answer echoing a target's text read as HTML, say).
                    ctx.header("X-Content-Type-Options", "nosniff");
                  });
              Access.install(config, accounts, cookies);
              config.routes.get("/healthz", ctx -> ctx.result("ok"));
              config.routes.get("/readyz", ctx -> ReadyRoute.answer(ctx, readiness));
              if (metrics != null) {
                config.routes.get("/metrics", ctx -> metrics(ctx, metrics, metricsGate));
              }
              PingRoutes.add(config, pings);
              routes.accept(config);
              config.routes.after(WebServer::serverTiming);
            });
  }

  /**
   * {@code Server-Timing: app;dur=<ms>}: how long Tickr took to answer, for browsers' developer
   * tools and for measuring pages without the network.
   */
  private static void serverTiming(Context ctx) {
    Long started = ctx.attribute(STARTED);
    if (started != null) {
      double ms = (System.nanoTime() - started) / 1e6;
      ctx.header("Server-Timing", String.format(java.util.Locale.ROOT, "app;dur=%.1f", ms));
    }
  }

  /** Loads the web server's classes ahead of the first {@code new WebServer}; starts nothing. */
  public static void warmUp() {
    var unused = Javalin.create(config -> config.startup.showJavalinBanner = false);
    // Jetty's table of media types lists every locale the JDK knows when it is first used: ~50 ms
    // that would otherwise fall on start(), after the config is read.
    var unusedTypes = org.eclipse.jetty.http.MimeTypes.DEFAULTS;
  }

  /**
   * @return the port it listens on (useful with port 0)
   */
  public int start(String host, int port) {
    listenHost = host;
    app.start(host, port);
    return app.port();
  }

  private static void metrics(Context ctx, Metrics metrics, MetricsGate gate) {
    if (!gate.admit(ctx)) {
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      metrics.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ctx.header("Cache-Control", "no-store");
    ctx.contentType(Metrics.CONTENT_TYPE).result(out.toByteArray());
  }

  @Override
  public void close() {
    app.stop();
  }
}
