package dev.tickr.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.assertion.Condition;
import dev.tickr.assertion.ReasonRule;
import dev.tickr.check.Redaction;
import dev.tickr.config.Escalation;
import dev.tickr.config.Key;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.Preset;
import dev.tickr.config.PresetUse;
import dev.tickr.config.Revenue;
import dev.tickr.config.TypeSettings;
import dev.tickr.time.Durations;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A monitor from the config file as the API's monitor object, in the YAML field names: every
 * default filled in, secret values masked (headers that are secret, a preset's secret keys, and any
 * text holding a value of the config's {@code ${NAME}}s). A preset monitor shows its {@code
 * preset}, {@code endpoint} and the preset's keys, then the settings they expanded to.
 */
public final class MonitorJson {
  private MonitorJson() {}

  /**
   * @param secrets values to mask wherever they appear (the config's {@code ${NAME}} values)
   */
  public static ObjectNode of(MonitorSpec spec, Collection<String> secrets) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("name", spec.name());
    o.put("type", spec.type().name());
    preset(o, spec.preset(), secrets);
    settings(o, spec, secrets);
    if (!spec.pushed()) {
      o.put("interval", Durations.format(spec.interval()));
      o.put("timeout", Durations.format(spec.timeout()));
      ArrayNode conditions = o.putArray("conditions");
      for (Condition c : spec.conditions()) {
        conditions.add(Redaction.scrub(c.text(), secrets));
      }
      o.put("degraded", spec.degraded());
      o.put("rate-limited", spec.rateLimited().code());
      if (!spec.reasons().isEmpty()) {
        ObjectNode reasons = o.putObject("reasons");
        for (ReasonRule r : spec.reasons().rules()) {
          ArrayNode list = (ArrayNode) reasons.get(r.reason().code());
          if (list == null) {
            list = reasons.putArray(r.reason().code());
          }
          list.add(Redaction.scrub(r.pattern().pattern(), secrets));
        }
      }
      if (!spec.placement().none()) {
        ArrayNode locations = o.putArray("locations");
        spec.placement().locations().forEach(locations::add);
        o.put("confirm", spec.placement().confirm());
      }
    } else if (!spec.conditions().isEmpty()) {
      ArrayNode conditions = o.putArray("conditions");
      spec.conditions().forEach(c -> conditions.add(Redaction.scrub(c.text(), secrets)));
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
    Revenue r = spec.revenue();
    if (r != null) {
      ObjectNode revenue = o.putObject("revenue");
      figure(revenue, "conversions-per-hour", r.conversionsPerHour());
      figure(revenue, "payout", r.payout());
      revenue.put("currency", r.currency().getCurrencyCode());
      if (r.volumeFrom() != null) {
        revenue.put("volume-from", r.volumeFrom());
      }
      if (r.claimWithin() != null) {
        revenue.put("claim-within", Durations.format(r.claimWithin()));
      }
    }
    return o;
  }

  private static void figure(ObjectNode o, String key, Revenue.Figure f) {
    switch (f) {
      case Revenue.Fixed n -> o.put(key, n.value());
      case Revenue.Metric m -> o.put(key, m.name());
    }
  }

  /**
   * A preset monitor's {@code preset}, {@code endpoint} and the preset's keys as given (defaults
   * filled in), a secret one masked; the settings that follow are what they expanded to.
   */
  private static void preset(ObjectNode o, @Nullable PresetUse use, Collection<String> secrets) {
    if (use == null) {
      return;
    }
    o.put("preset", use.name());
    o.put(Preset.ENDPOINT, use.endpoint());
    for (PresetUse.Key key : use.keys()) {
      o.put(key.name(), key.secret() ? Redaction.MASK : Redaction.scrub(key.value(), secrets));
    }
  }

  /**
   * The type's own settings, by key: values of keys the type marks secret, and secret values within
   * (a secret header), masked; the rest with the config's secrets masked wherever they appear.
   */
  private static void settings(ObjectNode o, MonitorSpec spec, Collection<String> secrets) {
    Set<String> secretKeys = new HashSet<>();
    for (Key key : spec.type().keys()) {
      if (key.secret()) {
        secretKeys.add(key.name());
      }
    }
    for (Map.Entry<String, Object> e : spec.settings().document().entrySet()) {
      o.set(e.getKey(), value(e.getValue(), secretKeys.contains(e.getKey()), secrets));
    }
  }

  private static JsonNode value(Object value, boolean secret, Collection<String> secrets) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    // A map under a secret key (auth: {signature: ...}) shows its shape, its Secrets masked.
    if (value instanceof TypeSettings.Secret || (secret && !(value instanceof Map))) {
      return json.textNode(Redaction.MASK);
    }
    return switch (value) {
      case String text -> json.textNode(Redaction.scrub(text, secrets));
      case Integer n -> json.numberNode(n);
      case Long n -> json.numberNode(n);
      case Number n -> json.numberNode(n.doubleValue());
      case Boolean b -> json.booleanNode(b);
      case Map<?, ?> map -> {
        ObjectNode out = json.objectNode();
        map.forEach((k, v) -> out.set(String.valueOf(k), value(v, false, secrets)));
        yield out;
      }
      case List<?> list -> {
        ArrayNode out = json.arrayNode();
        list.forEach(v -> out.add(value(v, false, secrets)));
        yield out;
      }
      default -> json.textNode(Redaction.scrub(String.valueOf(value), secrets));
    };
  }
}
