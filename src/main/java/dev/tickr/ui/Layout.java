package dev.tickr.ui;

import dev.tickr.web.Access;
import dev.tickr.web.Html;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * The frame every dashboard page shares: header with navigation and the logged-in user, the
 * stylesheet and script from {@code /assets}, the session's CSRF token for scripts, and the
 * security headers (a strict Content-Security-Policy: nothing is loaded from elsewhere, no inline
 * script). Pages hand in their {@code <main>} content, already escaped.
 */
public final class Layout {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action"
          + " 'self'";

  /** The navigation's entries; a page names the one it belongs to. */
  public enum Nav {
    OVERVIEW("/", "Overview"),
    NEW_MONITOR("/monitors/new", "New monitor"),
    CHANNELS("/channels", "Channels"),
    MAINTENANCE("/maintenance", "Maintenance"),
    IMPACT("/reports/impact", "Outage impact"),
    STATUS_PAGES("/status", "Status pages"),
    NONE("", "");

    final String path;
    final String label;

    Nav(String path, String label) {
      this.path = path;
      this.label = label;
    }
  }

  private Layout() {}

  /**
   * Answers the request with a whole page.
   *
   * @param title the page's own title (the document title adds "· Tickr")
   * @param main the content of {@code <main>}, escaped by the caller
   * @param scripts more scripts from {@code /assets} (file names), loaded deferred after {@code
   *     tickr.js}
   */
  public static void render(Context ctx, String title, Nav active, String main, String... scripts) {
    headers(ctx);
    ctx.html(page(ctx, title, active, main, scripts));
  }

  /** The security and caching headers of a dashboard page. */
  public static void headers(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Cache-Control", "no-store");
  }

  static String page(Context ctx, String title, Nav active, String main, String... scripts) {
    String csrf = Access.csrfToken(ctx).orElse("");
    StringBuilder html = new StringBuilder(main.length() + 4096);
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<meta name=\"color-scheme\" content=\"light dark\">")
        .append("<meta name=\"tickr-csrf\" content=\"")
        .append(Html.escape(csrf))
        .append("\"><title>")
        .append(Html.escape(title))
        .append(" · Tickr</title>")
        .append("<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">")
        .append("<link rel=\"stylesheet\" href=\"/assets/tickr.css\">")
        .append("<script src=\"/assets/tickr.js\" defer></script>");
    for (String script : scripts) {
      html.append("<script src=\"/assets/").append(Html.escape(script)).append("\" defer>");
      html.append("</script>");
    }
    html.append("</head><body><a class=\"skip\" href=\"#main\">Skip to content</a>")
        .append("<header class=\"top\"><a class=\"brand\" href=\"/\">Tickr</a>")
        .append("<nav aria-label=\"Main\"><ul>");
    for (Nav nav : Nav.values()) {
      if (nav == Nav.NONE) {
        continue;
      }
      html.append("<li><a href=\"").append(nav.path).append('"');
      if (nav == active) {
        html.append(" aria-current=\"page\"");
      }
      html.append('>').append(nav.label).append("</a></li>");
    }
    html.append("</ul></nav>");
    Access.principal(ctx)
        .ifPresent(
            p -> {
              html.append("<div class=\"account\"><span>")
                  .append(Html.escape(p.name()))
                  .append(" <small>(")
                  .append(p.role().code())
                  .append(")</small></span>");
              if (!csrf.isEmpty()) {
                html.append("<form method=\"post\" action=\"/logout\">")
                    .append("<input type=\"hidden\" name=\"csrf\" value=\"")
                    .append(Html.escape(csrf))
                    .append("\"><button type=\"submit\" class=\"link\">Log out</button></form>");
              }
              html.append("</div>");
            });
    html.append("</header><main id=\"main\" tabindex=\"-1\">")
        .append(main)
        .append("</main><div id=\"toast\" role=\"status\" aria-live=\"polite\"></div>")
        .append("</body></html>");
    return html.toString();
  }

  /** A UTC time as pages show it, with the machine-readable form for scripts; "-" for none. */
  public static String time(@Nullable Instant t) {
    if (t == null) {
      return "-";
    }
    return "<time datetime=\"" + t + "\">" + TIME.format(t) + "</time>";
  }

  /** Whether the request's user may change things (an admin); pages hide buttons otherwise. */
  public static boolean canWrite(Context ctx) {
    return Access.principal(ctx).map(p -> p.role().mayWrite()).orElse(false);
  }
}
