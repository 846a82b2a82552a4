package dev.tickr.check;

/**
 * One line for people per reason class: what it means, and what to check first. The incident page
 * and the alerts show them beside the detail. A switch without a default, so a new {@link Reason}
 * does not compile until it has both.
 */
public final class ReasonHelp {
  private ReasonHelp() {}

  /** What the reason means, in one sentence. */
  public static String explanation(Reason reason) {
    return switch (reason) {
      case DNS -> "The host name did not resolve.";
      case CONNECT -> "No connection could be made, or it was closed before an answer.";
      case TLS -> "The TLS handshake failed: the certificate or the protocol was refused.";
      case TIMEOUT -> "No full answer came before the timeout.";
      case HTTP_STATUS -> "The answer's HTTP status was not the one expected.";
      case CONDITION -> "A condition on the answer (time, headers, certificate) did not hold.";
      case BODY_ERROR -> "The answer came, but its body reports an error or lacks what it should.";
      case AUTH_REJECTED -> "The platform rejected the credentials (401).";
      case ACCESS_DENIED ->
          "The credentials were accepted but are not allowed here (403: scope, realm, account).";
      case IP_NOT_ALLOWED -> "The platform refuses calls from this IP address.";
      case RATE_LIMITED -> "The platform refuses Tickr's calls for now: too many requests (429).";
      case STALE_DATA -> "The data is older than allowed: reports or feeds stopped updating.";
      case VOLUME_ANOMALY -> "The volume is far from its usual level for this time.";
      case HEARTBEAT_MISSED -> "The job did not report success in time, or reported a failure.";
      case INTERNAL -> "Tickr itself failed or could not judge the check.";
    };
  }

  /** What to check first, in one sentence. */
  public static String hint(Reason reason) {
    return switch (reason) {
      case DNS -> "Check the host name for typos and that its DNS records exist.";
      case CONNECT -> "Check that the service runs and that a firewall lets Tickr through.";
      case TLS -> "Check the certificate's expiry, its host names and the chain the server sends.";
      case TIMEOUT -> "Check the service's load and latency, or raise the monitor's timeout.";
      case HTTP_STATUS -> "Check the service's logs for this status and the URL and method used.";
      case CONDITION -> "Compare the failed condition with the actual value shown.";
      case BODY_ERROR -> "Read the start of the body in the evidence for the platform's message.";
      case AUTH_REJECTED ->
          "Check that the API key or token is current: not expired, revoked or rotated.";
      case ACCESS_DENIED ->
          "Check the key's scope and that it belongs to this account and portal (realm).";
      case IP_NOT_ALLOWED ->
          "Check that Tickr's egress IP (or its proxy's) is on the platform's API whitelist.";
      case RATE_LIMITED ->
          "Check Retry-After and the X-RateLimit headers; lengthen the interval or share the"
              + " quota.";
      case STALE_DATA -> "Check the platform's status page and whether its reports are delayed.";
      case VOLUME_ANOMALY -> "Check tracking on the site and the platform's status page.";
      case HEARTBEAT_MISSED -> "Check the job's scheduler and its last run's logs.";
      case INTERNAL -> "Check Tickr's log, and report it if it repeats.";
    };
  }
}
