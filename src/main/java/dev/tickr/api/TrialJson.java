package dev.tickr.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.check.Redaction;
import dev.tickr.check.TlsInfo;
import dev.tickr.config.MonitorSpec;
import dev.tickr.daemon.Trial;
import dev.tickr.incident.Evidence;
import dev.tickr.report.CheckReport;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * The answer of {@code POST /monitors/test}: what {@code tickr check --json} and {@code POST
 * /monitors/{name}/check} answer ({@link CheckReport#tree}), with the monitor's name and type, the
 * verdict, the certificate's subject and issuer, and the evidence; every text with the trial's
 * secrets masked.
 */
final class TrialJson {
  private TrialJson() {}

  static ObjectNode of(Trial trial, MonitorSpec spec, Instant now) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("monitor", spec.name());
    out.put("type", spec.type().name());
    out.put("verdict", trial.verdict().name());
    out.setAll(CheckReport.tree(trial.result(), now));
    TlsInfo tls = trial.result().observation().tls();
    if (tls != null && out.get("certificate") instanceof ObjectNode cert) {
      cert.put("subject", tls.leaf().getSubjectX500Principal().getName());
      cert.put("issuer", tls.leaf().getIssuerX500Principal().getName());
    }
    Evidence e = trial.evidence();
    ObjectNode evidence = out.putObject("evidence");
    if (e.status() == null) {
      evidence.putNull("status");
    } else {
      evidence.put("status", e.status());
    }
    ArrayNode headers = evidence.putArray("headers");
    for (Map.Entry<String, String> h : e.headers()) {
      headers.addObject().put("name", h.getKey()).put("value", h.getValue());
    }
    evidence.put("body", e.bodyStart());
    return (ObjectNode) scrub(out, trial.secrets());
  }

  /** A copy with every value of {@code secrets} masked in each text of the tree. */
  static JsonNode scrub(JsonNode node, Collection<String> secrets) {
    if (node.isTextual()) {
      return JsonNodeFactory.instance.textNode(Redaction.scrubShortened(node.textValue(), secrets));
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      node.properties().forEach(e -> out.set(e.getKey(), scrub(e.getValue(), secrets)));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> out.add(scrub(item, secrets)));
      return out;
    }
    return node.deepCopy();
  }
}
