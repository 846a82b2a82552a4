package dev.tickr.api;

import static dev.tickr.api.ApiHttp.JSON;
import static dev.tickr.api.ApiHttp.by;
import static dev.tickr.api.ApiHttp.json;
import static dev.tickr.api.ApiHttp.publicBase;
import static dev.tickr.api.ApiHttp.putTime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.alert.ChannelHealth;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notifier;
import dev.tickr.alert.NotifierFactory;
import dev.tickr.alert.channel.Notifiers;
import dev.tickr.check.Redaction;
import dev.tickr.config.ChannelSpec;
import dev.tickr.config.Config;
import dev.tickr.daemon.DaemonControl;
import dev.tickr.web.ApiProblem;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /channels}: each alert channel with how its deliveries are going, and a marked test
 * notification sent through one.
 */
final class ChannelRoutes {
  // Log lines keep the name they always had ("ApiRoutes"): operators may filter on it.
  private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

  private final DaemonControl daemon;
  private final NotifierFactory notifiers;
  private final Clock clock;

  ChannelRoutes(DaemonControl daemon, NotifierFactory notifiers, Clock clock) {
    this.daemon = daemon;
    this.notifiers = notifiers;
    this.clock = clock;
  }

  void list(Context ctx) {
    Config config = daemon.config();
    Map<String, ChannelHealth> health = new HashMap<>();
    daemon.channelHealth().forEach(h -> health.put(h.channel(), h));
    ArrayNode list = JSON.createArrayNode();
    for (ChannelSpec c : config.channels()) {
      ObjectNode o = list.addObject();
      o.put("name", c.name()).put("type", c.type());
      var h = health.get(c.name());
      o.put("state", h != null && h.failures() > 0 ? "FAILING" : "OK");
      o.put("failures", h == null ? 0 : h.failures());
      o.put("pending", h == null ? 0 : h.pending());
      putTime(o, "last_success", h == null ? null : h.lastSuccess());
      putTime(o, "last_error_at", h == null ? null : h.lastError());
      String error = h == null ? null : h.lastErrorText();
      if (error == null) {
        o.putNull("last_error");
      } else {
        o.put("last_error", Redaction.scrub(error, config.secretValues().values()));
      }
    }
    ObjectNode out = JSON.createObjectNode();
    out.set("channels", list);
    json(ctx, 200, out);
  }

  void test(Context ctx) {
    String name = ctx.pathParam("name");
    Config config = daemon.config();
    ChannelSpec channel =
        config
            .channel(name)
            .orElseThrow(() -> ApiProblem.notFound("no channel named \"" + name + "\""));
    Notifier notifier = notifiers.create(List.of(channel)).get(name);
    if (notifier == null) {
      throw new ApiProblem(500, "Cannot send", "channel \"" + name + "\" has no sender");
    }
    Delivery delivery =
        notifier.send(Notifiers.test(name, clock.instant(), publicBase(config.server(), ctx)));
    String answer =
        Redaction.scrub(
            (delivery.httpStatus() == null ? "" : delivery.httpStatus() + " ") + delivery.answer(),
            config.secretValues().values());
    LOG.info("channel={} test sent by={} outcome={}", name, by(ctx), delivery.outcome());
    if (delivery.outcome() != Delivery.Outcome.SENT) {
      throw new ApiProblem(
          502,
          "Not sent",
          "channel \"" + name + "\" did not take the test notification: " + answer);
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("channel", name).put("sent", true).put("answer", answer);
    json(ctx, 200, out);
  }
}
