package dev.tickr.check;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP(S) request to make, already validated. Auth is expressed as (secret) headers.
 *
 * @param body the request body, or {@code null} for none
 * @param followRedirects follow up to {@link #MAX_REDIRECTS} redirects, refusing loops
 * @param maxBodyBytes read at most this many bytes of the answer
 * @param insecure accept any certificate and host name (expiry is still reported)
 * @param extraCas certificates trusted in addition to the JDK's default trust store
 * @param auth credentials made per request (OAuth2, signing), or {@code null}
 * @param proxy the proxy to go out through, or {@code null} for a direct connection
 * @param clientIdentity the certificate to present for mutual TLS, or {@code null}
 * @param template the parts written with placeholders, filled in per check, or {@code null}: then
 *     {@code url} is the URL filled in for {@link RequestTemplate#SAMPLE_TIME}, and headers and
 *     body hold the texts as written
 * @param followRefresh when following redirects, also follow a {@code Refresh} header and an HTML
 *     {@code <meta http-equiv="refresh">} near the start of the body (tracking links use both)
 */
public record HttpTarget(
    URI url,
    String method,
    List<Header> headers,
    @Nullable Payload body,
    boolean followRedirects,
    long maxBodyBytes,
    boolean insecure,
    List<X509Certificate> extraCas,
    @Nullable RequestAuth auth,
    @Nullable HttpProxy proxy,
    @Nullable ClientIdentity clientIdentity,
    @Nullable RequestTemplate template,
    boolean followRefresh)
    implements Target {

  public static final int MAX_REDIRECTS = 10;
  public static final long DEFAULT_MAX_BODY = 1024 * 1024;

  public HttpTarget {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("URL must start with http:// or https://, got " + url);
    }
    if (url.getHost() == null || url.getHost().isEmpty()) {
      throw new IllegalArgumentException("URL has no host: " + url);
    }
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("maxBodyBytes must not be negative");
    }
    method = method.toUpperCase(Locale.ROOT);
    headers = List.copyOf(headers);
    extraCas = List.copyOf(extraCas);
  }

  /** A request that follows no {@code Refresh} header nor meta refresh. */
  public HttpTarget(
      URI url,
      String method,
      List<Header> headers,
      @Nullable Payload body,
      boolean followRedirects,
      long maxBodyBytes,
      boolean insecure,
      List<X509Certificate> extraCas,
      @Nullable RequestAuth auth,
      @Nullable HttpProxy proxy,
      @Nullable ClientIdentity clientIdentity,
      @Nullable RequestTemplate template) {
    this(
        url,
        method,
        headers,
        body,
        followRedirects,
        maxBodyBytes,
        insecure,
        extraCas,
        auth,
        proxy,
        clientIdentity,
        template,
        false);
  }

  /** A request without per-request auth, proxy or client certificate. */
  public HttpTarget(
      URI url,
      String method,
      List<Header> headers,
      @Nullable Payload body,
      boolean followRedirects,
      long maxBodyBytes,
      boolean insecure,
      List<X509Certificate> extraCas) {
    this(
        url,
        method,
        headers,
        body,
        followRedirects,
        maxBodyBytes,
        insecure,
        extraCas,
        null,
        null,
        null,
        null);
  }

  public static HttpTarget get(URI url) {
    return new HttpTarget(url, "GET", List.of(), null, true, DEFAULT_MAX_BODY, false, List.of());
  }

  /** This request with {@code auth} made per request. */
  public HttpTarget withAuth(@Nullable RequestAuth auth) {
    return with(auth, proxy, clientIdentity);
  }

  /** This request through {@code proxy}. */
  public HttpTarget withProxy(@Nullable HttpProxy proxy) {
    return with(auth, proxy, clientIdentity);
  }

  /** This request presenting {@code identity} when asked for a client certificate. */
  public HttpTarget withClientIdentity(@Nullable ClientIdentity identity) {
    return with(auth, proxy, identity);
  }

  /** This request with {@code template}'s placeholders filled in per check. */
  public HttpTarget withTemplate(@Nullable RequestTemplate template) {
    return new HttpTarget(
        url,
        method,
        headers,
        body,
        followRedirects,
        maxBodyBytes,
        insecure,
        extraCas,
        auth,
        proxy,
        clientIdentity,
        template,
        followRefresh);
  }

  /** This request following {@code Refresh} headers and meta refreshes too, or not. */
  public HttpTarget withFollowRefresh(boolean follow) {
    return follow == followRefresh
        ? this
        : new HttpTarget(
            url,
            method,
            headers,
            body,
            followRedirects,
            maxBodyBytes,
            insecure,
            extraCas,
            auth,
            proxy,
            clientIdentity,
            template,
            follow);
  }

  /** The URL as written, placeholders and all, secrets masked. */
  public String shownUrl() {
    var written = template == null ? null : template.url();
    return written == null ? Redaction.url(url) : Redaction.url(written.text(), url);
  }

  @Override
  public String describe() {
    return method + " " + shownUrl();
  }

  private HttpTarget with(
      @Nullable RequestAuth auth, @Nullable HttpProxy proxy, @Nullable ClientIdentity identity) {
    return new HttpTarget(
        url,
        method,
        headers,
        body,
        followRedirects,
        maxBodyBytes,
        insecure,
        extraCas,
        auth,
        proxy,
        identity,
        template,
        followRefresh);
  }

  /** Never shows a secret header's value, a proxy password or a client key. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("HttpTarget[").append(describe());
    for (Header h : headers) {
      out.append(", ").append(h.name()).append(": ").append(h.display());
    }
    if (auth != null) {
      out.append(", auth=").append(auth.describe());
    }
    if (proxy != null) {
      out.append(", proxy=").append(proxy.describe());
    }
    if (clientIdentity != null) {
      out.append(", ").append(clientIdentity);
    }
    return out.append(']').toString();
  }
}
