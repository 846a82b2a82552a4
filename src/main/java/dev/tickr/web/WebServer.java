package dev.tickr.web;

import dev.tickr.auth.Accounts;
import dev.tickr.heartbeat.PingReceiver;
import dev.tickr.metrics.Metrics;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The daemon's HTTP side for now: {@code /healthz}, {@code /metrics} (Prometheus), the heartbeat
 * URLs under {@code /ping/} and a read-only overview at {@code /} that refreshes itself. The full
 * dashboard, API and status pages build on this server. {@link Access} decides who may request
 * what.
 */
public final class WebServer implements AutoCloseable {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final Javalin app;

  /**
   * @param pings where pings to {@code /ping/<token>} go
   */
  public WebServer(
      Supplier<List<MonitorView>> monitors,
      Supplier<List<ChannelView>> channels,
      PingReceiver pings,
      String version) {
    this(monitors, channels, pings, version, null, null, null, config -> {});
  }

  /**
   * @param pings where pings to {@code /ping/<token>} go
   * @param metrics served at {@code /metrics}, or null for no {@code /metrics}
   * @param metricsToken when set, {@code /metrics} requires {@code Authorization: Bearer <token>}
   * @param accounts who may log in and with which API tokens ({@link Access}); null: nobody, and
   *     only the public paths are served
   * @param routes adds more routes (the REST API) behind the same access rules
   */
  public WebServer(
      Supplier<List<MonitorView>> monitors,
      Supplier<List<ChannelView>> channels,
      PingReceiver pings,
      String version,
      @Nullable Metrics metrics,
      @Nullable String metricsToken,
      @Nullable Accounts accounts,
      Consumer<JavalinConfig> routes) {
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.concurrency.useVirtualThreads = true;
              Access.install(config, accounts);
              config.routes.get("/healthz", ctx -> ctx.result("ok"));
              if (metrics != null) {
                config.routes.get("/metrics", ctx -> metrics(ctx, metrics, metricsToken));
              }
              PingRoutes.add(config, pings);
              routes.accept(config);
              config.routes.get(
                  "/",
                  ctx -> {
                    ctx.header("Cache-Control", "no-store");
                    ctx.html(overview(monitors.get(), channels.get(), version, account(ctx)));
                  });
            });
  }

  /** Loads the web server's classes ahead of the first {@code new WebServer}; starts nothing. */
  public static void warmUp() {
    var unused = Javalin.create(config -> config.startup.showJavalinBanner = false);
  }

  /**
   * @return the port it listens on (useful with port 0)
   */
  public int start(String host, int port) {
    app.start(host, port);
    return app.port();
  }

  private static void metrics(Context ctx, Metrics metrics, @Nullable String token) {
    if (token != null && !bearer(ctx.header("Authorization"), token)) {
      ctx.status(HttpStatus.UNAUTHORIZED)
          .header("WWW-Authenticate", "Bearer realm=\"tickr metrics\"")
          .result("a metrics token is required: Authorization: Bearer <token>\n");
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

  /** Whether {@code header} is {@code Bearer <token>}, compared in constant time. */
  static boolean bearer(@Nullable String header, String token) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(
        header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8));
  }

  /** Who is logged in, with a button to log out; empty for a bearer token. */
  private static String account(Context ctx) {
    return Access.principal(ctx)
        .map(p -> LoginPage.logoutForm(p.name(), Access.csrfToken(ctx).orElse(null)))
        .orElse("");
  }

  static String overview(
      List<MonitorView> monitors, List<ChannelView> channels, String version, String account) {
    long down = monitors.stream().filter(m -> m.state().equals("DOWN")).count();
    long failing = channels.stream().filter(ChannelView::failing).count();
    StringBuilder html = new StringBuilder(4096 + monitors.size() * 256);
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<meta http-equiv=\"refresh\" content=\"10\"><title>")
        .append(down > 0 ? down + " down · " : "")
        .append("Tickr</title><style>")
        .append("body{font:14px system-ui,sans-serif;margin:2rem;color:#1b1f24;background:#fff}")
        .append("table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem")
        .append(" .6rem;border-bottom:1px solid #d0d7de}.UP{color:#116329}.DOWN{color:#b3261e;")
        .append("font-weight:600}.DEGRADED{color:#8a4b00}.PENDING,.PAUSED{color:#57606a}")
        .append("@media(prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}")
        .append(".UP{color:#3fb950}.DOWN{color:#ff7b72}.DEGRADED{color:#d29922}}")
        .append(
            ".sr-only{position:absolute;left:-9999px}</style></head><body><main><h1>Tickr</h1><p>")
        .append(monitors.size())
        .append(" monitors, ")
        .append(down)
        .append(" down")
        .append(failing > 0 ? ", " + failing + " alert channel" + (failing > 1 ? "s" : "") : "")
        .append(failing > 0 ? " failing" : "")
        .append(". Refreshes every 10 s.</p><table><caption class=\"sr-only\">Monitors")
        .append("</caption><thead><tr><th scope=\"col\">Monitor</th><th scope=\"col\">State</th>")
        .append("<th scope=\"col\">Since</th><th scope=\"col\">Last check</th>")
        .append("<th scope=\"col\">Uptime 24 h</th><th scope=\"col\">Open incident</th></tr>")
        .append("</thead><tbody>");
    for (MonitorView m : monitors) {
      html.append("<tr><td>")
          .append(escape(m.name()))
          .append(" <small>")
          .append(escape(m.type()))
          .append("</small></td><td class=\"")
          .append(escape(m.state()))
          .append("\">")
          .append(escape(m.state()))
          .append("</td><td>")
          .append(time(m.since()))
          .append("</td><td>")
          .append(time(m.lastCheck()))
          .append("</td><td>")
          .append(
              Double.isNaN(m.uptime24h())
                  ? "-"
                  : String.format(Locale.ROOT, "%.3f %%", m.uptime24h() * 100))
          .append("</td><td>")
          .append(m.incident() == null ? "" : escape(m.incident()))
          .append("</td></tr>");
    }
    html.append("</tbody></table>");
    if (!channels.isEmpty()) {
      channels(html, channels);
    }
    return html.append("<footer>")
        .append(account)
        .append(" <small>Tickr ")
        .append(escape(version))
        .append("</small></footer></main></body></html>")
        .toString();
  }

  private static void channels(StringBuilder html, List<ChannelView> channels) {
    html.append("<h2>Alert channels</h2><table><thead><tr><th scope=\"col\">Channel</th>")
        .append("<th scope=\"col\">State</th><th scope=\"col\">Waiting</th>")
        .append("<th scope=\"col\">Last sent</th><th scope=\"col\">Last error</th></tr>")
        .append("</thead><tbody>");
    for (ChannelView c : channels) {
      String state = c.failing() ? "FAILING" : "OK";
      html.append("<tr><td>")
          .append(escape(c.name()))
          .append(" <small>")
          .append(escape(c.type()))
          .append("</small></td><td class=\"")
          .append(c.failing() ? "DOWN" : "UP")
          .append("\">")
          .append(state)
          .append(c.failing() ? " (" + c.failures() + " attempts)" : "")
          .append("</td><td>")
          .append(c.pending())
          .append("</td><td>")
          .append(time(c.lastSuccess()))
          .append("</td><td>")
          .append(c.lastError() == null ? "" : time(c.lastErrorAt()) + " " + escape(c.lastError()))
          .append("</td></tr>");
    }
    html.append("</tbody></table>");
  }

  private static String time(@Nullable Instant t) {
    return t == null ? "-" : TIME.format(t);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  @Override
  public void close() {
    app.stop();
  }
}
