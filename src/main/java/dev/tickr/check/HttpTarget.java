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
 */
public record HttpTarget(
    URI url,
    String method,
    List<Header> headers,
    @Nullable Payload body,
    boolean followRedirects,
    long maxBodyBytes,
    boolean insecure,
    List<X509Certificate> extraCas)
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

  public static HttpTarget get(URI url) {
    return new HttpTarget(url, "GET", List.of(), null, true, DEFAULT_MAX_BODY, false, List.of());
  }

  @Override
  public String describe() {
    return method + " " + Redaction.url(url);
  }
}
