package dev.tickr.check;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What happened when a target was probed. Pure data: checks fill it, conditions judge it.
 *
 * @param url the URL of the last request made (after redirects), or the target itself
 * @param connected whether a connection to the (last) host was established
 * @param status the last HTTP status, or {@code null} when no response arrived
 * @param ip the remote address of the last connection
 * @param redirects each URL that answered with a redirect, in order
 * @param failure why the observation is incomplete, or {@code null} when the exchange completed
 */
public record Observation(
    URI url,
    boolean connected,
    @Nullable Integer status,
    @Nullable String statusText,
    @Nullable String protocol,
    Headers headers,
    Body body,
    Timings timings,
    @Nullable TlsInfo tls,
    @Nullable InetAddress ip,
    List<URI> redirects,
    @Nullable Failure failure) {

  public Observation {
    redirects = List.copyOf(redirects);
  }

  public boolean completed() {
    return failure == null;
  }
}
