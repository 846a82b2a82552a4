package dev.tickr.simulator.demo;

import dev.tickr.simulator.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The demo's incidents, in the order they are played: each fault on a platform that really shows
 * it, so the alert's reason is the one a user of that platform would get.
 */
public final class Script {
  private Script() {}

  /** The incidents the simulated platforms can play, given which are simulated. */
  public static List<Step> standard(Set<String> platforms) {
    List<Step> out = new ArrayList<>();
    out.add(
        new Step(
            "impact",
            Fault.OUTAGE,
            "impact-actions",
            "http-status",
            "Impact's API is down (503 from its proxy)"));
    out.add(
        new Step(
            "tracker",
            Fault.ERROR_IN_200,
            "tracker-postback",
            "body-error",
            "the tracker's postbacks answer 200 with success=false while its pixel still loads"));
    out.add(
        new Step(
            "impact",
            Fault.REVOKED,
            "impact-actions",
            "auth-rejected",
            "Impact's auth token was revoked (401)"));
    if (platforms.contains("shareasale")) {
      out.add(
          new Step(
              "shareasale",
              Fault.IP_NOT_ALLOWED,
              "shareasale-ledger",
              "ip-not-allowed",
              "ShareASale no longer allows Tickr's IP address (Error Code 4002 inside a 200)"));
    } else {
      out.add(
          new Step(
              "tracker",
              Fault.IP_NOT_ALLOWED,
              "tracker-api",
              "ip-not-allowed",
              "the tracker's conversion API no longer allows Tickr's IP address (403)"));
    }
    out.add(
        new Step(
            "impact",
            Fault.RATE_LIMITED,
            "impact-actions",
            "rate-limited",
            "Impact refuses Tickr's calls: 429 with Retry-After"));
    if (platforms.contains("rakuten")) {
      out.add(
          new Step(
              "rakuten",
              Fault.REVOKED,
              "rakuten-transactions",
              "auth-rejected",
              "Rakuten's token endpoint refuses the client's credentials (OAuth2)"));
    }
    out.add(
        new Step(
            "impact",
            Fault.STALE,
            "impact-actions",
            "stale-data",
            "Impact's report stopped moving: its newest action is 5 days old"));
    out.add(
        new Step(
            "tracker",
            Fault.UNREPORTED,
            "tracker-synthetic-conversion",
            "http-status",
            "the tracker takes postbacks (success=true;) but its report never shows them"));
    out.add(
        new Step(
            "tracker",
            Fault.WRONG_AMOUNT,
            "tracker-synthetic-conversion",
            "body-error",
            "the tracker records conversions at a hundredth of their amount"));
    out.add(
        new Step(
            "tracker",
            Fault.HANG,
            "tracker-click",
            "timeout",
            "the tracker's click redirect hangs: shoppers never reach the store"));
    return List.copyOf(out);
  }
}
