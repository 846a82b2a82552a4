package dev.tickr.web;

import dev.tickr.config.Config;
import dev.tickr.config.StatusPageSpec;
import dev.tickr.subscription.Subscriptions;
import dev.tickr.subscription.Subscriptions.Answer;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The public side of status-page subscriptions, all plain HTML forms (no script): {@code POST
 * /status/<slug>/subscribe} (field {@code email}) mails a confirmation link; the link ({@code GET
 * /status/<slug>/confirm?token=...}) shows a button that confirms ({@code POST}), so a mail scanner
 * that opens links confirms nothing; {@code /status/<slug>/unsubscribe?id=...&token=...} likewise,
 * and takes the one-click {@code POST} of RFC 8058. A cross-site post can do no more than a visitor
 * could: ask for a confirmation mail, rate-limited.
 */
public final class SubscriptionRoutes {
  private static final int MAX_FORM = 2048;

  private final Supplier<Config> config;
  private final Subscriptions subscriptions;
  private final ClientAddress clients;

  public SubscriptionRoutes(Supplier<Config> config, Subscriptions subscriptions) {
    this.config = config;
    this.subscriptions = subscriptions;
    this.clients = new ClientAddress(() -> config.get().server().trustedProxies());
  }

  public void install(JavalinConfig javalin) {
    javalin.routes.post("/status/{slug}/subscribe", this::subscribe);
    javalin.routes.get("/status/{slug}/confirm", this::confirmForm);
    javalin.routes.post("/status/{slug}/confirm", this::confirm);
    javalin.routes.get("/status/{slug}/unsubscribe", this::unsubscribeForm);
    javalin.routes.post("/status/{slug}/unsubscribe", this::unsubscribe);
  }

  private @Nullable StatusPageSpec page(Context ctx) {
    StatusPageSpec page = config.get().statusPage(ctx.pathParam("slug")).orElse(null);
    if (page == null) {
      answer(ctx, 404, "No such status page", "<p><a href=\"/status\">All status pages</a></p>");
    }
    return page;
  }

  private void subscribe(Context ctx) {
    StatusPageSpec page = page(ctx);
    if (page == null) {
      return;
    }
    if (ctx.body().length() > MAX_FORM) {
      answer(ctx, 413, "Too long", "<p>That form is too long.</p>");
      return;
    }
    String email = ctx.formParam("email");
    Answer a = subscriptions.subscribe(page, email == null ? "" : email, clients.ip(ctx));
    String back = back(page);
    switch (a) {
      case ACCEPTED ->
          answer(
              ctx,
              200,
              "Check your inbox",
              "<p id=\"subscribe-result\">If that address can be subscribed, a mail with a link"
                  + " to confirm is on its way. Nothing is sent until you confirm.</p>"
                  + back);
      case LIMITED ->
          answer(
              ctx,
              429,
              "Too many requests",
              "<p id=\"subscribe-result\">Too many requests: please try again later.</p>" + back);
      case INVALID ->
          answer(
              ctx,
              400,
              "Not an email address",
              "<p id=\"subscribe-result\">That is not an email address.</p>" + back);
      case CLOSED ->
          answer(ctx, 404, "No subscriptions", "<p>This page takes no subscriptions.</p>" + back);
    }
  }

  private void confirmForm(Context ctx) {
    StatusPageSpec page = page(ctx);
    if (page == null) {
      return;
    }
    String token = String.valueOf(ctx.queryParam("token"));
    answer(
        ctx,
        200,
        "Confirm your subscription",
        "<p>Get a mail when "
            + Html.escape(page.title())
            + " has an incident.</p>"
            + form(
                "/status/" + Html.urlPart(page.slug()) + "/confirm",
                "<input type=\"hidden\" name=\"token\" value=\"" + Html.escape(token) + "\">",
                "confirm",
                "Confirm subscription"));
  }

  private void confirm(Context ctx) {
    StatusPageSpec page = page(ctx);
    if (page == null) {
      return;
    }
    String token = ctx.formParam("token");
    boolean ok =
        token != null && subscriptions.confirm(token).filter(page.slug()::equals).isPresent();
    if (ok) {
      answer(
          ctx,
          200,
          "Subscribed",
          "<p id=\"result\">You are subscribed: you will get a mail when an incident starts,"
              + " is updated and ends. Every mail has a link to unsubscribe.</p>"
              + back(page));
    } else {
      answer(
          ctx,
          404,
          "Link not valid",
          "<p id=\"result\">This link has expired or was used already. Subscribe again on the"
              + " page.</p>"
              + back(page));
    }
  }

  private void unsubscribeForm(Context ctx) {
    StatusPageSpec page = page(ctx);
    if (page == null) {
      return;
    }
    long id = id(ctx.queryParam("id"));
    String token = String.valueOf(ctx.queryParam("token"));
    if (!subscriptions.validUnsubscribe(id, token)) {
      answer(ctx, 404, "Link not valid", "<p id=\"result\">This link is not valid.</p>");
      return;
    }
    answer(
        ctx,
        200,
        "Unsubscribe",
        "<p>Stop the mails about "
            + Html.escape(page.title())
            + ".</p>"
            + form(
                "/status/"
                    + Html.urlPart(page.slug())
                    + "/unsubscribe?id="
                    + id
                    + "&token="
                    + Html.urlPart(token),
                "",
                "unsubscribe",
                "Unsubscribe"));
  }

  /** The button of the page, and the one-click {@code POST} of a mail program (RFC 8058). */
  private void unsubscribe(Context ctx) {
    StatusPageSpec page = page(ctx);
    if (page == null) {
      return;
    }
    long id = id(ctx.queryParam("id"));
    String token = String.valueOf(ctx.queryParam("token"));
    if (!subscriptions.unsubscribe(id, token)) {
      answer(ctx, 404, "Link not valid", "<p id=\"result\">This link is not valid.</p>");
      return;
    }
    answer(
        ctx,
        200,
        "Unsubscribed",
        "<p id=\"result\">You are unsubscribed: no more mails will be sent.</p>" + back(page));
  }

  private static long id(@Nullable String text) {
    try {
      return text == null ? -1 : Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String form(String action, String fields, String id, String button) {
    return "<form method=\"post\" action=\""
        + Html.escape(action)
        + "\">"
        + fields
        + "<button type=\"submit\" id=\""
        + id
        + "\">"
        + button
        + "</button></form>";
  }

  private static String back(StatusPageSpec page) {
    return "<p><a href=\"/status/"
        + Html.urlPart(page.slug())
        + "\">Back to "
        + Html.escape(page.title())
        + "</a></p>";
  }

  private static void answer(Context ctx, int status, String title, String body) {
    ctx.status(status)
        .header("Content-Security-Policy", StatusPages.CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-store")
        .html(
            StatusPageView.head(title)
                + "<main><h1>"
                + Html.escape(title)
                + "</h1>"
                + body
                + "</main></body></html>");
  }
}
