package dev.tickr.ui;

import dev.tickr.check.StepResult;
import dev.tickr.check.StepResult.ConditionOutcome;
import dev.tickr.store.CheckRecord;
import dev.tickr.store.Store;
import dev.tickr.web.Html;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A flow's last run on its page: each step with its status, tries, time, why it failed and its
 * conditions, and the run's named durations. Nothing for a monitor whose last result has no steps.
 * Every text is masked again with the page's secrets, beside the masking done before it was stored.
 */
final class MonitorSteps {
  private final Store store;

  MonitorSteps(Store store) {
    this.store = store;
  }

  /** The section, when the monitor's last stored result has steps or durations. */
  void section(StringBuilder html, MonitorPage.Subject s, Instant now) {
    List<CheckRecord> last =
        store.results(s.spec().name(), Instant.EPOCH, now.plusMillis(1), 1, null);
    if (last.isEmpty()) {
      return;
    }
    CheckRecord r = last.get(0);
    if (r.steps().isEmpty() && r.measures().isEmpty()) {
      return;
    }
    html.append("<section aria-labelledby=\"steps-h\"><h2 id=\"steps-h\">Last run's steps</h2>")
        .append("<p>Started <time datetime=\"")
        .append(r.startedAt())
        .append("\">")
        .append(r.startedAt())
        .append("</time>: ")
        .append(r.verdict().name())
        .append("</p><table class=\"results steps\"><caption class=\"sr-only\">Each step of the")
        .append(" last run, in order</caption><thead><tr><th scope=\"col\">Step</th>")
        .append("<th scope=\"col\">Status</th><th scope=\"col\" class=\"num\">Tries</th>")
        .append("<th scope=\"col\" class=\"num\">Time</th><th scope=\"col\">Reason / message</th>")
        .append("<th scope=\"col\">Conditions</th></tr></thead><tbody>");
    for (StepResult step : r.steps()) {
      row(html, s, step);
    }
    html.append("</tbody></table>");
    durations(html, r.measures());
    html.append("</section>");
  }

  private static void row(StringBuilder html, MonitorPage.Subject s, StepResult step) {
    html.append("<tr class=\"step-")
        .append(step.status().name().toLowerCase(Locale.ROOT))
        .append("\"><th scope=\"row\">")
        .append(Html.escape(step.name()))
        .append("</th><td>")
        .append(step.status().name())
        .append("</td><td class=\"num\">")
        .append(step.attempts())
        .append("</td><td class=\"num\">")
        .append(step.status() == StepResult.Status.SKIPPED ? "-" : MonitorSeries.ms(step.took()))
        .append("</td><td>");
    if (step.reason() != null) {
      html.append("<code>").append(step.reason().code()).append("</code> ");
    }
    if (step.message() != null) {
      html.append(Html.escape(s.scrub(step.message())));
    }
    html.append("</td><td>");
    if (!step.conditions().isEmpty()) {
      html.append("<ul class=\"conditions\">");
      for (ConditionOutcome c : step.conditions()) {
        html.append("<li>")
            .append(c.success() ? "✓ " : "✗ ")
            .append("<code>")
            .append(Html.escape(s.scrub(c.condition())))
            .append("</code> (actual ")
            .append(Html.escape(s.scrub(c.actual())))
            .append(")</li>");
      }
      html.append("</ul>");
    }
    html.append("</td></tr>");
  }

  private static void durations(StringBuilder html, Map<String, Double> measures) {
    if (measures.isEmpty()) {
      return;
    }
    html.append("<h3>Durations</h3><dl class=\"durations\">");
    measures.forEach(
        (name, seconds) ->
            html.append("<dt>")
                .append(Html.escape(name))
                .append("</dt><dd>")
                .append(MonitorSeries.ms(Duration.ofNanos(Math.round(seconds * 1e9))))
                .append("</dd>"));
    html.append("</dl>");
  }
}
