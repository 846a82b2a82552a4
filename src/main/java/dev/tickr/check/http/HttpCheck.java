package dev.tickr.check.http;

import dev.tickr.check.Body;
import dev.tickr.check.Check;
import dev.tickr.check.Deadline;
import dev.tickr.check.Failure;
import dev.tickr.check.Header;
import dev.tickr.check.Headers;
import dev.tickr.check.Hop;
import dev.tickr.check.HttpProxy;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Observation;
import dev.tickr.check.Payload;
import dev.tickr.check.Reason;
import dev.tickr.check.Redaction;
import dev.tickr.check.RequestAuth;
import dev.tickr.check.Timings;
import dev.tickr.check.TlsInfo;
import dev.tickr.check.net.CapturingTrustManager;
import dev.tickr.check.net.DeadlineResolver;
import dev.tickr.check.net.IdentityKeyManager;
import dev.tickr.check.net.TrustStores;
import dev.tickr.time.Ticker;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSession;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Probes HTTP(S) targets with OkHttp, whose event listener reports each connection phase. Every
 * check opens a fresh connection (a reused one would hide DNS and TLS failures), follows redirects
 * itself so that it can refuse loops and count hops, reads at most the target's body cap, and is
 * over by the deadline whatever the server does.
 */
public final class HttpCheck implements Check<HttpTarget> {
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final Clock clock;
  private final Ticker ticker;
  private final String userAgent;
  private final BaseClient base;
  private final TrustStores trustStores = new TrustStores();
  private final DeadlineResolver resolver;
  private final Rendering rendering;

  /** Resolves with the system resolver. */
  public HttpCheck(Clock clock, Ticker ticker, String userAgent) {
    this(clock, ticker, userAgent, new DeadlineResolver());
  }

  /** The clock observations are stamped with, which auth made per request reads too. */
  public Clock clock() {
    return clock;
  }

  public HttpCheck(Clock clock, Ticker ticker, String userAgent, DeadlineResolver resolver) {
    this.clock = clock;
    this.ticker = ticker;
    this.userAgent = userAgent;
    this.resolver = resolver;
    this.rendering = new Rendering(clock);
    this.base = new BaseClient(trustStores);
  }

  /**
   * Starts the shared set-up (TLS stack, CA certificates, the first client) on a thread of its own,
   * so that it overlaps what the caller does next; once. Without it, the first check does it.
   */
  public void prepare() {
    base.prepare();
  }

  /** Waits until the shared set-up is done, so that no check's deadline pays for it. */
  public void ready() {
    var unused = base.get();
  }

  @Override
  public Observation observe(HttpTarget written, Deadline deadline) {
    HttpTarget target = rendering.of(written); // placeholders filled in, before auth
    PhaseRecorder phases = new PhaseRecorder(ticker);
    CapturingTrustManager trust =
        CapturingTrustManager.lazy(
            target.insecure() ? null : () -> trustStores.forExtraCas(target.extraCas()));
    IdentityKeyManager keys = new IdentityKeyManager(target.clientIdentity());
    Exchange exchange = new Exchange(target, phases, trust, keys, deadline);
    try {
      exchange.start = ticker.nanos();
      return exchange.run(
          new CheckClients(base.get(), resolver, target, deadline, phases, trust, keys));
    } catch (GeneralSecurityException | RuntimeException e) {
      return exchange.failed(new Failure(Reason.INTERNAL, "internal error: " + e));
    }
  }

  /** One check's walk along a redirect chain. */
  private final class Exchange {
    private final HttpTarget target;
    private final PhaseRecorder phases;
    private final CapturingTrustManager trust;
    private final IdentityKeyManager keys;
    private final Deadline deadline;
    private long start = ticker.nanos();
    private final List<URI> redirects = new ArrayList<>();
    private @Nullable List<Hop> hops; // made at the first redirect: a plain check makes none
    private URI url;
    private @Nullable Response last;
    private @Nullable TlsInfo tlsInfo;

    Exchange(
        HttpTarget target,
        PhaseRecorder phases,
        CapturingTrustManager trust,
        IdentityKeyManager keys,
        Deadline deadline) {
      this.target = target;
      this.phases = phases;
      this.trust = trust;
      this.keys = keys;
      this.deadline = deadline;
      this.url = target.url();
    }

    Observation run(CheckClients clients) throws GeneralSecurityException {
      String method = target.method();
      @Nullable RequestBody body = Requests.body(target);
      @Nullable Payload payload = target.body();
      List<Header> headers = target.headers();
      RequestAuth auth = target.auth();
      HttpUrl origin = auth == null ? null : HttpUrl.get(target.url().toString());
      boolean askedAgain = false;
      Set<String> seen = new HashSet<>();
      seen.add(method + " " + url);
      while (true) {
        if (deadline.expired()) {
          return failed(FailureDescriber.timeout(deadline.budget(), phases.phase()));
        }
        HttpUrl sent = HttpUrl.get(url.toString());
        List<Header> sentHeaders = headers;
        RequestAuth.Credentials credentials = null;
        // Credentials made per request are for the monitored origin only, like secret headers.
        if (auth != null && origin != null && sameOrigin(origin, sent)) {
          RequestAuth.Outcome outcome =
              auth.apply(new RequestAuth.Request(method, url, payload, target), deadline);
          if (outcome instanceof RequestAuth.Refused refused) {
            return failed(refused.failure());
          }
          credentials = (RequestAuth.Credentials) outcome;
          sentHeaders = new ArrayList<>(headers);
          sentHeaders.addAll(credentials.headers());
          if (!credentials.query().isEmpty()) {
            HttpUrl.Builder withQuery = sent.newBuilder();
            for (Header q : credentials.query()) {
              withQuery.addQueryParameter(q.name(), q.value());
            }
            sent = withQuery.build();
          }
        }
        Request request = Requests.request(sent, method, sentHeaders, body, userAgent);
        trust.reset();
        Call call = clients.forUrl(url).newCall(request);
        call.timeout().timeout(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        Response response;
        try {
          response = call.execute();
        } catch (IOException e) {
          captureTls(null);
          return failed(keys.explain(describe(e)));
        }
        last = response;
        captureTls(response);
        HttpProxy proxy = target.proxy();
        if (response.code() == 407 && proxy != null && proxy.kind() == HttpProxy.Kind.HTTP) {
          // Only a plain http:// request gets the proxy's own answer; a tunnel's refusal throws.
          response.close();
          return failed(ProxyRoute.refused(proxy));
        }
        if (auth != null
            && credentials != null
            && response.code() == 401
            && !askedAgain
            && auth.rejected(credentials)) {
          // A token the server no longer takes: ask once more with a fresh one.
          askedAgain = true;
          response.close();
          continue;
        }
        String location = response.header("Location");
        Hop.Via via = Hop.Via.LOCATION;
        if (!target.followRedirects() || !REDIRECTS.contains(response.code()) || location == null) {
          if (!target.followRedirects() || !target.followRefresh()) {
            return readBody(response);
          }
          location = Refresh.url(response.header("Refresh"));
          via = Hop.Via.REFRESH;
          if (location == null) {
            Body page;
            try {
              page = bodyOf(response);
            } catch (IOException e) {
              return failed(describe(e));
            }
            location = Refresh.meta(page);
            via = Hop.Via.META;
            if (location == null) {
              return observation(page, null);
            }
          }
        }
        HttpUrl next = HttpUrl.get(url.toString()).resolve(location);
        response.close();
        if (next == null) {
          return failed(
              new Failure(Reason.HTTP_STATUS, "redirect to an unsupported location: " + location));
        }
        URI nextUri = next.uri();
        int code = response.code();
        // A page that refreshes is left the way a browser leaves it: with a plain GET.
        if (via != Hop.Via.LOCATION
            || code == 303
            || ((code == 301 || code == 302) && !method.equals("HEAD"))) {
          method = method.equals("HEAD") ? "HEAD" : "GET";
          body = null;
          payload = null;
        }
        boolean elsewhere = !sameOrigin(HttpUrl.get(url.toString()), next);
        if (elsewhere && body != null) {
          // A 307 or 308 would replay the body, which may carry credentials, to another server.
          return failed(
              new Failure(
                  Reason.HTTP_STATUS,
                  "redirect not followed: a "
                      + code
                      + " would send the request's body to another origin ("
                      + Redaction.url(nextUri)
                      + "); monitor that URL itself"));
        }
        redirects.add(url);
        if (hops == null) {
          hops = new ArrayList<>();
        }
        hops.add(new Hop(url, code, via));
        if (elsewhere) {
          // Credentials are for the origin they were given for: another host, port or scheme
          // (an https to http downgrade included) does not get them.
          headers = headers.stream().filter(h -> !h.secret()).toList();
        }
        if (!seen.add(method + " " + nextUri)) {
          url = nextUri;
          return failed(new Failure(Reason.HTTP_STATUS, "redirect loop: " + chain(nextUri)));
        }
        if (redirects.size() > HttpTarget.MAX_REDIRECTS) {
          url = nextUri;
          return failed(
              new Failure(
                  Reason.HTTP_STATUS,
                  "too many redirects (more than " + HttpTarget.MAX_REDIRECTS + ")"));
        }
        url = nextUri;
      }
    }

    private Observation readBody(Response response) {
      try {
        return observation(bodyOf(response), null);
      } catch (IOException e) {
        return failed(describe(e));
      }
    }

    private Body bodyOf(Response response) throws IOException {
      try (ResponseBody responseBody = response.body()) {
        long cap = target.maxBodyBytes();
        Buffer buffer = new Buffer();
        if (!target.method().equals("HEAD")) {
          BufferedSource source = responseBody.source();
          while (buffer.size() <= cap) {
            long read = source.read(buffer, Math.min(64 * 1024, cap + 1 - buffer.size()));
            if (read < 0) {
              break;
            }
          }
        }
        boolean truncated = buffer.size() > cap;
        byte[] bytes = buffer.readByteArray(Math.min(buffer.size(), cap));
        MediaType type = responseBody.contentType();
        Charset charset =
            type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
        return new Body(
            bytes,
            truncated,
            type == null ? null : type.toString(),
            charset == null ? StandardCharsets.UTF_8 : charset);
      }
    }

    Observation failed(Failure failure) {
      return observation(Body.EMPTY, failure);
    }

    private Observation observation(Body body, @Nullable Failure failure) {
      Response response = last;
      Headers headers = Headers.NONE;
      if (response != null) {
        List<Header> list = new ArrayList<>();
        okhttp3.Headers raw = response.headers();
        for (int i = 0; i < raw.size(); i++) {
          list.add(Header.plain(raw.name(i), raw.value(i)));
        }
        headers = new Headers(list);
      }
      Timings timings =
          new Timings(
              phases.dns(), phases.connect(), phases.tls(), phases.ttfb(), ticker.since(start));
      return new Observation(
          url,
          phases.connected() || response != null,
          response == null ? null : response.code(),
          response == null ? null : response.message(),
          response == null ? null : response.protocol().toString(),
          headers,
          body,
          timings,
          tlsInfo,
          phases.ip(),
          redirects,
          failure,
          hops == null ? List.of() : hops);
    }

    private Failure describe(IOException e) {
      HttpProxy proxy = target.proxy();
      Failure failure = describeDirect(e);
      return proxy == null ? failure : ProxyRoute.describe(e, proxy, failure);
    }

    private Failure describeDirect(IOException e) {
      return FailureDescriber.describe(
          e,
          url.getHost(),
          phases.phase(),
          deadline.expired(),
          deadline.budget(),
          trust.presented(),
          clock.instant());
    }

    /**
     * What the server presented: from the session of the connection that answered (complete, and
     * present even when the session was resumed), else the chain the trust manager saw during a
     * handshake that failed.
     */
    private void captureTls(@Nullable Response response) {
      tlsInfo = null;
      if (!url.getScheme().equalsIgnoreCase("https")) {
        return;
      }
      SSLSession session = response == null ? null : phases.session();
      List<X509Certificate> chain = session == null ? List.of() : PeerChain.of(session);
      if (session != null && !chain.isEmpty()) {
        tlsInfo = new TlsInfo(chain, session.getProtocol(), session.getCipherSuite());
      } else if (!trust.presented().isEmpty()) {
        tlsInfo = new TlsInfo(trust.presented(), null, null);
      }
    }

    private String chain(URI loopTo) {
      StringBuilder text = new StringBuilder();
      for (URI hop : redirects) {
        text.append(Redaction.url(hop)).append(" → ");
      }
      return text.append(Redaction.url(loopTo)).toString();
    }
  }

  /** Same scheme, host and port (the scheme's default when none is written). */
  static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }
}
