package dev.tickr.documents;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.assertion.Condition;
import dev.tickr.check.Header;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Payload;
import dev.tickr.check.Redaction;
import dev.tickr.config.Endpoint;
import dev.tickr.config.Escalation;
import dev.tickr.config.MonitorSpec;
import dev.tickr.time.Durations;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * A monitor from the config file as the API's monitor object, in the YAML field names: every
 * default filled in, secret values masked (headers that are secret, and any text holding a value of
 * the config's {@code ${NAME}}s).
 */
public final class MonitorJson {
  private MonitorJson() {}

  /**
   * @param secrets values to mask wherever they appear (the config's {@code ${NAME}} values)
   */
  public static ObjectNode of(MonitorSpec spec, Collection<String> secrets) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("name", spec.name());
    o.put("type", spec.type().code());
    switch (spec.target()) {
      case Endpoint.Http http -> http(o, http.target(), secrets);
      case Endpoint.Tcp tcp -> o.put("host", tcp.host()).put("port", tcp.port());
      case Endpoint.Tls tls -> o.put("host", tls.host()).put("port", tls.port());
      case Endpoint.Dns dns -> {
        o.put("host", dns.host()).put("query-type", dns.queryType());
        if (dns.nameserver() != null) {
          o.put("nameserver", dns.nameserver());
        }
      }
      case Endpoint.Heartbeat hb ->
          o.put("period", Durations.format(hb.period())).put("grace", Durations.format(hb.grace()));
    }
    if (!(spec.target() instanceof Endpoint.Heartbeat)) {
      o.put("interval", Durations.format(spec.interval()));
      o.put("timeout", Durations.format(spec.timeout()));
      ArrayNode conditions = o.putArray("conditions");
      for (Condition c : spec.conditions()) {
        conditions.add(Redaction.scrub(c.text(), secrets));
      }
      o.put("degraded", spec.degraded());
    }
    o.put("failure-threshold", spec.failureThreshold());
    o.put("success-threshold", spec.successThreshold());
    ArrayNode alerts = o.putArray("alerts");
    spec.alerts().forEach(alerts::add);
    if (!spec.escalate().isEmpty()) {
      ArrayNode steps = o.putArray("escalate");
      for (Escalation e : spec.escalate()) {
        ObjectNode step = steps.addObject();
        step.put("after", Durations.format(e.after()));
        ArrayNode to = step.putArray("alerts");
        e.alerts().forEach(to::add);
      }
    }
    o.putObject("flapping")
        .put("changes", spec.flapping().changes())
        .put("within", Durations.format(spec.flapping().within()))
        .put("hold-down", spec.flapping().holdDown().text());
    ArrayNode tags = o.putArray("tags");
    spec.tags().forEach(tags::add);
    o.put("paused", spec.paused());
    return o;
  }

  private static void http(ObjectNode o, HttpTarget t, Collection<String> secrets) {
    o.put("url", Redaction.scrub(Redaction.url(t.url()), secrets));
    o.put("method", t.method());
    ObjectNode headers = o.putObject("headers");
    for (Header h : t.headers()) {
      headers.put(h.name(), h.secret() ? Redaction.MASK : Redaction.scrub(h.value(), secrets));
    }
    Payload body = t.body();
    if (body != null) {
      o.put("body", Redaction.scrub(text(body), secrets));
    }
  }

  private static String text(Payload body) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body.bytes())).toString();
    } catch (CharacterCodingException e) {
      return "(" + body.size() + " bytes, not UTF-8)";
    }
  }
}
