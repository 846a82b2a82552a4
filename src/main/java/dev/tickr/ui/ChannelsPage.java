package dev.tickr.ui;

import dev.tickr.web.Html;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /channels}: every alert channel of the config file with its type and how its deliveries
 * are going (failing or OK, attempts failed in a row, notifications waiting in the outbox, the last
 * one sent, the last error with secrets masked), and for admins a "Send test" button per channel
 * ({@code POST /api/v1/channels/{name}/test}, by {@code admin.js}) whose answer is shown in the
 * row.
 */
final class ChannelsPage {
  private final Supplier<List<ChannelView>> channels;

  ChannelsPage(Supplier<List<ChannelView>> channels) {
    this.channels = channels;
  }

  void install(JavalinConfig config) {
    config.routes.get("/channels", this::page);
  }

  private void page(Context ctx) {
    List<ChannelView> all = channels.get();
    boolean admin = Layout.canWrite(ctx);
    long failing = all.stream().filter(ChannelView::failing).count();
    StringBuilder h = new StringBuilder(4096 + all.size() * 800);
    h.append("<h1>Alert channels</h1><p>Where alerts go. Channels are defined in tickr.yml")
        .append(" (<code>channels:</code>); their settings are not shown here.</p>");
    h.append("<p id=\"channels-summary\">")
        .append(all.size())
        .append(all.size() == 1 ? " channel" : " channels");
    if (failing > 0) {
      h.append(", <strong class=\"problem\">").append(failing).append(" failing</strong>");
    }
    h.append(".</p>");
    if (all.isEmpty()) {
      h.append("<p class=\"note\" id=\"no-channels\">No channels are configured.</p>");
      Layout.render(ctx, "Channels", Layout.Nav.CHANNELS, h.toString(), "admin.js");
      return;
    }
    h.append("<table id=\"channels\"><caption class=\"sr-only\">Alert channels and their health")
        .append("</caption><thead><tr><th scope=\"col\">Channel</th><th scope=\"col\">Type</th>")
        .append("<th scope=\"col\">Health</th>")
        .append("<th scope=\"col\" class=\"num\">Failed in a row</th>")
        .append("<th scope=\"col\" class=\"num\">Waiting in outbox</th>")
        .append("<th scope=\"col\">Last sent</th><th scope=\"col\">Last error</th>");
    if (admin) {
      h.append("<th scope=\"col\">Test</th>");
    }
    h.append("</tr></thead><tbody>");
    for (ChannelView c : all) {
      row(h, c, admin);
    }
    h.append("</tbody></table>");
    if (admin) {
      h.append("<p class=\"hint\">Send test delivers a notification marked as a test through the")
          .append(" channel now, and shows what the provider answered.</p>");
    }
    String title = failing > 0 ? failing + " failing · Channels" : "Channels";
    Layout.render(ctx, title, Layout.Nav.CHANNELS, h.toString(), "admin.js");
  }

  private static void row(StringBuilder h, ChannelView c, boolean admin) {
    String slug = Forms.slug(c.name());
    h.append("<tr id=\"channel-")
        .append(slug)
        .append("\" data-channel=\"")
        .append(Html.escape(c.name()))
        .append("\"><th scope=\"row\">")
        .append(Html.escape(c.name()))
        .append("</th><td>")
        .append(Html.escape(c.type()))
        .append("</td><td>")
        .append(
            c.failing()
                ? "<span class=\"state state-DOWN\">Failing</span>"
                : "<span class=\"state state-UP\">OK</span>")
        .append("</td><td class=\"num\">")
        .append(c.failures())
        .append("</td><td class=\"num\">")
        .append(c.pending())
        .append("</td><td>")
        .append(c.lastSuccess() == null ? "never" : Layout.time(c.lastSuccess()))
        .append("</td><td>");
    String error = c.lastError();
    if (error == null) {
      h.append("<span class=\"muted\">none</span>");
    } else {
      h.append(Layout.time(c.lastErrorAt()))
          .append("<br><small class=\"last-error\">")
          .append(Html.escape(error))
          .append("</small>");
    }
    h.append("</td>");
    if (admin) {
      h.append("<td><button type=\"button\" id=\"test-")
          .append(slug)
          .append("\" data-channel-test=\"")
          .append(Html.escape(c.name()))
          .append("\" data-result=\"result-")
          .append(slug)
          .append("\" aria-describedby=\"result-")
          .append(slug)
          .append("\">Send test<span class=\"sr-only\"> to ")
          .append(Html.escape(c.name()))
          .append("</span></button> <output id=\"result-")
          .append(slug)
          .append("\" class=\"test-output\" aria-live=\"polite\"></output></td>");
    }
    h.append("</tr>");
  }
}
