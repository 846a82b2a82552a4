package dev.tickr.check.http;

import static dev.tickr.check.http.Probe.get;
import static dev.tickr.check.http.Probe.observe;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.assertion.CheckResult;
import dev.tickr.assertion.ConditionParser;
import dev.tickr.assertion.ConditionSyntaxException;
import dev.tickr.assertion.Judge;
import dev.tickr.check.Header;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Observation;
import dev.tickr.check.Payload;
import dev.tickr.check.TlsInfo;
import dev.tickr.check.http.Probe.Timed;
import dev.tickr.testing.MisbehavingServer;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestCa;
import dev.tickr.testing.TestCertificates;
import dev.tickr.testing.TestDnsServer;
import dev.tickr.testing.TestHttpServer;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@link HttpCheck} observes of a healthy exchange: answer, body cap, redirects, TLS. */
class HttpCheckTest {
  private static final TestCertificates certs = TestCertificates.create();
  private static final TestCa ca = certs.ca();
  private static final HttpCheck check = Probe.check();
  private static final TestDnsServer dns =
      TestDnsServer.start().a("api.tickr.test", "127.0.0.1").a("login.tickr.test", "127.0.0.1");
  private static final HttpCheck named = Probe.asking(dns);

  @AfterAll
  static void stopDns() {
    dns.close();
  }

  @Test
  void observes_status_headers_body_address_and_protocol() {
    try (TestHttpServer server =
        TestHttpServer.plain()
            .route(
                "/health",
                request -> Reply.status(200).header("X-Build", "42").json("{\"ok\":true}"))) {
      Observation o = observe(check, get(server.url("/health")));

      assertThat(o.failure()).isNull();
      assertThat(o.completed()).isTrue();
      assertThat(o.connected()).isTrue();
      assertThat(o.status()).isEqualTo(200);
      assertThat(o.statusText()).isEqualTo("OK");
      assertThat(o.protocol()).isEqualTo("http/1.1");
      assertThat(o.headers().get("X-Build")).contains("42");
      assertThat(o.body().text()).isEqualTo("{\"ok\":true}");
      assertThat(o.body().contentType()).isEqualTo("application/json");
      assertThat(o.body().truncated()).isFalse();
      assertThat(o.ip()).isEqualTo(InetAddress.getLoopbackAddress());
      assertThat(o.url()).isEqualTo(server.url("/health"));
      assertThat(o.redirects()).isEmpty();
      assertThat(o.tls()).isNull();
    }
  }

  @Test
  void an_error_status_is_observed_not_failed() {
    try (TestHttpServer server = TestHttpServer.plain().text("/", 503, "down for maintenance")) {
      Observation o = observe(check, get(server.url("/")));

      assertThat(o.failure()).as("judging the status is for conditions").isNull();
      assertThat(o.status()).isEqualTo(503);
      assertThat(o.body().text()).isEqualTo("down for maintenance");
    }
  }

  @ParameterizedTest(name = "a body of {0} bytes with a cap of {1}: {2} bytes kept, truncated {3}")
  @CsvSource({
    "100, 10, 10, true",
    "10, 10, 10, false",
    "9, 10, 9, false",
    "100, 0, 0, true",
    "0, 0, 0, false",
    "200000, 150000, 150000, true",
  })
  void the_body_is_read_up_to_the_cap_and_marked_when_cut(
      int size, long cap, int kept, boolean truncated) {
    try (TestHttpServer server = TestHttpServer.plain().bytes("/", 200, size)) {
      Observation o = observe(check, capped(server.url("/"), cap));

      assertThat(o.failure()).isNull();
      assertThat(o.body().size()).isEqualTo(kept);
      assertThat(o.body().truncated()).isEqualTo(truncated);
      byte[] bytes = o.body().bytes();
      for (int i = 0; i < kept; i++) {
        assertThat(bytes[i]).as("byte %d", i).isEqualTo((byte) ('a' + i % 26));
      }
    }
  }

  @Test
  void a_body_without_end_is_cut_at_the_cap_without_waiting_for_the_rest() {
    try (MisbehavingServer server = MisbehavingServer.tricklesBodyForever()) {
      Timed timed = observe(check, capped(server.url("/"), 3), Probe.BUDGET);

      assertThat(timed.observation().failure()).isNull();
      assertThat(timed.observation().body().text()).isEqualTo("aaa");
      assertThat(timed.observation().body().truncated()).isTrue();
      assertThat(timed.took()).isLessThan(Probe.BUDGET);
    }
  }

  @Test
  void a_condition_on_a_cut_json_body_says_it_was_cut() throws ConditionSyntaxException {
    try (TestHttpServer server = TestHttpServer.plain().json("/", 200, "{\"status\":\"ok\"}")) {
      Observation o = observe(check, capped(server.url("/"), 8));

      CheckResult result =
          new Judge(Probe.CLOCK).judge(o, List.of(ConditionParser.parse("[BODY].status == ok")));

      assertThat(result.success()).isFalse();
      assertThat(result.conditions().get(0).actual())
          .isEqualTo("body is not valid JSON (truncated at 8 bytes)");
    }
  }

  @Test
  void a_head_request_reads_no_body() {
    try (TestHttpServer server = TestHttpServer.plain().bytes("/", 200, 500)) {
      Observation o = observe(check, request(server.url("/"), "HEAD", List.of(), null));

      assertThat(o.failure()).isNull();
      assertThat(o.status()).isEqualTo(200);
      assertThat(o.body().size()).isZero();
      assertThat(server.requests()).extracting(RecordedRequest::method).containsExactly("HEAD");
    }
  }

  @Test
  void the_body_is_decoded_with_its_declared_charset() {
    byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);
    try (TestHttpServer server =
        TestHttpServer.plain()
            .route(
                "/",
                request ->
                    Reply.status(200)
                        .header("Content-Type", "text/plain; charset=iso-8859-1")
                        .body(latin1))) {
      assertThat(observe(check, get(server.url("/"))).body().text()).isEqualTo("café");
    }
  }

  @Test
  void sends_its_user_agent_unless_the_target_names_one() {
    try (TestHttpServer server = TestHttpServer.plain().text("/", 200, "ok")) {
      observe(check, get(server.url("/")));
      observe(
          check,
          request(server.url("/"), "GET", List.of(Header.plain("User-Agent", "probe/2")), null));

      assertThat(server.requests())
          .extracting(r -> r.header("User-Agent"))
          .containsExactly("Tickr/test", "probe/2");
    }
  }

  @Test
  void a_body_is_sent_with_a_content_type_guessed_from_it_unless_one_is_given() {
    try (TestHttpServer server = TestHttpServer.plain().text("/", 200, "ok")) {
      observe(check, request(server.url("/"), "POST", List.of(), Payload.of("{\"a\":1}")));
      observe(check, request(server.url("/"), "POST", List.of(), Payload.of("a=1")));
      observe(
          check,
          request(
              server.url("/"),
              "PUT",
              List.of(Header.plain("Content-Type", "text/csv")),
              Payload.of("a,1")));
      observe(check, request(server.url("/"), "POST", List.of(), null));

      assertThat(server.requests())
          .extracting(r -> r.method() + " " + r.header("Content-Type") + " " + r.body())
          .containsExactly(
              "POST application/json {\"a\":1}",
              "POST application/x-www-form-urlencoded a=1",
              "PUT text/csv a,1",
              "POST null ");
    }
  }

  @Test
  void follows_redirects_and_reports_each_hop() {
    try (TestHttpServer server =
        TestHttpServer.plain()
            .redirect("/old", 301, "/moved")
            .redirect("/moved", 302, "/new")
            .text("/new", 200, "here")) {
      Observation o = observe(check, get(server.url("/old")));

      assertThat(o.status()).isEqualTo(200);
      assertThat(o.url()).isEqualTo(server.url("/new"));
      assertThat(o.redirects()).containsExactly(server.url("/old"), server.url("/moved"));
    }
  }

  @Test
  void without_following_the_redirect_itself_is_the_answer() {
    try (TestHttpServer server = TestHttpServer.plain().redirect("/old", 302, "/new")) {
      HttpTarget target =
          new HttpTarget(server.url("/old"), "GET", List.of(), null, false, 1024, false, List.of());
      Observation o = observe(check, target);

      assertThat(o.status()).isEqualTo(302);
      assertThat(o.headers().get("Location")).contains("/new");
      assertThat(o.redirects()).isEmpty();
      assertThat(server.requests()).hasSize(1);
    }
  }

  @ParameterizedTest(name = "{0} answered {1}: then {2} with body \"{3}\"")
  @CsvSource({
    "POST, 303, GET, ''",
    "POST, 302, GET, ''",
    "POST, 301, GET, ''",
    "POST, 307, POST, payload",
    "POST, 308, POST, payload",
    "HEAD, 302, HEAD, ''",
  })
  void a_redirect_keeps_or_drops_method_and_body_as_browsers_do(
      String method, int status, String thenMethod, String thenBody) {
    try (TestHttpServer server =
        TestHttpServer.plain().redirect("/from", status, "/to").text("/to", 200, "ok")) {
      Payload body = method.equals("HEAD") ? null : Payload.of("payload");
      observe(check, request(server.url("/from"), method, List.of(), body));

      List<RecordedRequest> requests = server.requests();
      assertThat(requests).hasSize(2);
      assertThat(requests.get(1).method()).isEqualTo(thenMethod);
      assertThat(requests.get(1).body()).isEqualTo(thenBody);
    }
  }

  @Test
  void secret_headers_go_to_the_host_they_were_given_for_only() {
    try (TestHttpServer server = TestHttpServer.plain().text("/end", 200, "ok")) {
      server
          .redirect("/start", 302, "/same-host")
          .redirect("/same-host", 302, "http://login.tickr.test:" + server.port() + "/other-host")
          .redirect("/other-host", 302, "/end");
      List<Header> headers =
          List.of(Header.secret("Authorization", "Bearer s3cret"), Header.plain("X-Trace", "t-1"));
      URI start = URI.create("http://api.tickr.test:" + server.port() + "/start");

      Observation o = observe(named, request(start, "GET", headers, null));

      assertThat(o.failure()).isNull();
      assertThat(server.requests())
          .extracting(r -> r.path() + " " + r.header("Authorization") + " " + r.header("X-Trace"))
          .containsExactly(
              "/start Bearer s3cret t-1",
              "/same-host Bearer s3cret t-1",
              "/other-host null t-1",
              "/end null t-1");
    }
  }

  @Test
  void a_trusted_certificate_reports_chain_protocol_and_cipher() {
    try (TestHttpServer server = TestHttpServer.tls(ca.leaf("api.tickr.test"))) {
      server.text("/", 200, "secure");
      URI url = URI.create("https://api.tickr.test:" + server.port() + "/");

      Observation o = observe(named, Probe.get(url, ca.certificate()));

      assertThat(o.failure()).isNull();
      assertThat(o.body().text()).isEqualTo("secure");
      TlsInfo tls = requireNonNull(o.tls());
      assertThat(tls.leaf().getSubjectX500Principal().getName()).isEqualTo("CN=api.tickr.test");
      assertThat(tls.protocol()).startsWith("TLSv1.");
      assertThat(tls.cipherSuite()).startsWith("TLS_");
      assertThat(tls.untilExpiry(Probe.CLOCK.instant())).isGreaterThan(Duration.ofDays(80));
      assertThat(o.timings().tls()).isNotNull();
    }
  }

  @Test
  void the_certificate_is_reported_after_a_redirect_to_the_same_server() {
    try (TestHttpServer server = TestHttpServer.tls(ca.leaf("api.tickr.test"))) {
      server.redirect("/", 302, "/moved").text("/moved", 200, "secure");
      URI url = URI.create("https://api.tickr.test:" + server.port() + "/");

      Observation o = observe(named, Probe.get(url, ca.certificate()));

      assertThat(o.failure()).isNull();
      assertThat(o.redirects()).hasSize(1);
      TlsInfo tls = requireNonNull(o.tls(), "the TLS details of the last hop");
      assertThat(tls.leaf().getSubjectX500Principal().getName()).isEqualTo("CN=api.tickr.test");
      assertThat(tls.protocol()).startsWith("TLSv1.");
    }
  }

  @Test
  void insecure_accepts_any_certificate_and_still_reports_its_expiry() {
    var expiredAt = certs.now().minus(3, ChronoUnit.DAYS);
    try (TestHttpServer server =
        TestHttpServer.tls(certs.ca().expiredLeaf(expiredAt, "elsewhere.tickr.test"))) {
      server.text("/", 200, "anyway");
      HttpTarget insecure =
          new HttpTarget(
              URI.create("https://api.tickr.test:" + server.port() + "/"),
              "GET",
              List.of(),
              null,
              true,
              1024,
              true,
              List.<X509Certificate>of());

      Observation o = observe(named, insecure);

      assertThat(o.failure()).isNull();
      assertThat(o.body().text()).isEqualTo("anyway");
      assertThat(requireNonNull(o.tls()).expiresAt()).isEqualTo(expiredAt);
    }
  }

  private static HttpTarget capped(URI url, long cap) {
    return new HttpTarget(url, "GET", List.of(), null, true, cap, false, List.of());
  }

  private static HttpTarget request(
      URI url, String method, List<Header> headers, @Nullable Payload body) {
    return new HttpTarget(
        url, method, headers, body, true, HttpTarget.DEFAULT_MAX_BODY, false, List.of());
  }
}
