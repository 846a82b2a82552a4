package dev.tickr.affiliate;

import dev.tickr.assertion.ReasonRule;
import dev.tickr.assertion.ReasonRules;
import dev.tickr.check.Reason;
import java.util.List;

/**
 * The error messages of affiliate platforms that name a reason class, built in: the composition
 * root hands them to the judge, so the core knows no platform's name. A monitor's own {@code
 * reasons:} come before them. See {@code docs/reasons.md}.
 */
public final class AffiliateReasons {
  private static final String SOURCE = "built-in";

  /**
   * In order, the first match winning:
   *
   * <ol>
   *   <li>ShareASale's whitelist error, {@code Error: Invalid Account - Error Code 4002 - <ip>},
   *       which comes with HTTP 200: in any answer, and it fails the check by itself;
   *   <li>Everflow's {@code Out of realm} (a key for another portal): access, not the IP;
   *   <li>an error answer (400 or more) whose body says the IP address is not allowed, whitelisted,
   *       authorised or permitted, or is not on the whitelist or allow list.
   * </ol>
   */
  public static final ReasonRules RULES =
      ReasonRules.of(
          List.of(
              ReasonRule.of(Reason.IP_NOT_ALLOWED, "\\bError\\s+Code\\s+4002\\b", true, SOURCE),
              ReasonRule.of(Reason.ACCESS_DENIED, "\\bout\\s+of\\s+realm\\b", false, SOURCE),
              ReasonRule.of(
                  Reason.IP_NOT_ALLOWED,
                  "\\bIP(?:v[46])?(?:\\s+address)?\\b[^\\n]{0,60}?\\b(?:is\\s+|was\\s+)?not\\s+"
                      + "(?:allowed|whitelisted|allowlisted|authori[sz]ed|permitted"
                      + "|(?:on|in)\\s+(?:the\\s+|your\\s+)?(?:IP\\s+)?(?:whitelist|allow\\s*list))",
                  false,
                  SOURCE),
              ReasonRule.of(
                  Reason.IP_NOT_ALLOWED,
                  "\\b(?:unauthori[sz]ed|forbidden|blocked|disallowed)\\s+IP"
                      + "(?:v[46])?\\b"
                      + "|\\bIP(?:\\s+address)?\\s+(?:whitelist|allow\\s*list)\\b"
                      + "|\\bnot\\s+(?:on|in)\\s+(?:the\\s+|your\\s+)?(?:IP\\s+)?"
                      + "(?:whitelist|allow\\s*list)\\b",
                  false,
                  SOURCE)));

  private AffiliateReasons() {}
}
