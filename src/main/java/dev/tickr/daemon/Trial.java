package dev.tickr.daemon;

import dev.tickr.assertion.CheckResult;
import dev.tickr.incident.Evidence;
import dev.tickr.incident.Verdict;
import java.util.Set;

/**
 * One probe of settings that are being tried out ("test now" before saving): judged like a
 * scheduled check, but nothing was recorded, counted or alerted.
 *
 * @param verdict how the check would count: {@code OK}, {@code DEGRADED} or {@code FAILED}
 * @param evidence status, headers (secret-bearing ones masked) and the start of the body, with
 *     {@code secrets} masked
 * @param secrets every value an answer about this trial must not show: the request's credentials,
 *     the monitor's {@code ${NAME}} values and the config's
 */
public record Trial(CheckResult result, Verdict verdict, Evidence evidence, Set<String> secrets) {
  public Trial {
    secrets = Set.copyOf(secrets);
  }
}
