package dev.tickr.check;

import java.net.InetAddress;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param hops each answer that redirected, in order, beside {@code redirects}: its status and how
 *     it redirected (a 30x {@code Location}, a {@code Refresh} header or an HTML meta refresh)
 * @param steps a flow's steps, each with its status, tries, time and conditions; empty for every
 *     other type
 * @param measures a flow's named durations ({@code durations:}), in seconds, each present when its
 *     end step passed in this run; empty for every other type
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
    @Nullable Failure failure,
    List<Hop> hops,
    List<StepResult> steps,
    Map<String, Double> measures) {

  public Observation {
    redirects = List.copyOf(redirects);
    hops = List.copyOf(hops);
    steps = List.copyOf(steps);
    measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
  }

  /** An observation of one request: no steps, no measures. */
  public Observation(
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
      @Nullable Failure failure,
      List<Hop> hops) {
    this(
        url,
        connected,
        status,
        statusText,
        protocol,
        headers,
        body,
        timings,
        tls,
        ip,
        redirects,
        failure,
        hops,
        List.of(),
        Map.of());
  }

  /** An observation whose redirects, if any, are not described hop by hop. */
  public Observation(
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
    this(
        url,
        connected,
        status,
        statusText,
        protocol,
        headers,
        body,
        timings,
        tls,
        ip,
        redirects,
        failure,
        List.of());
  }

  public boolean completed() {
    return failure == null;
  }
}
