package dev.tickr.check.http;

import static dev.tickr.check.http.Probe.get;
import static dev.tickr.check.http.Probe.observe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Failure;
import dev.tickr.check.HttpProxy;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import dev.tickr.testing.RefusingPort;
import dev.tickr.testing.TestCa;
import dev.tickr.testing.TestCertificates;
import dev.tickr.testing.TestHttpProxy;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.testing.TestSocks5Proxy;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Checks that go out through an HTTP (CONNECT) or SOCKS5 proxy on loopback. */
class ProxyTest {
  private static final TestCa ca = TestCertificates.create().ca();
  private static final HttpCheck check = Probe.check();
  private static final String SECRET = "s3cr3t-pass";

  private static Failure failure(Observation o) {
    return Objects.requireNonNull(o.failure(), "the check did not fail");
  }

  @Test
  void a_plain_http_request_goes_through_an_http_proxy_as_a_full_url() {
    try (TestHttpServer server = TestHttpServer.plain().text("/health", 200, "ok");
        TestHttpProxy proxy = TestHttpProxy.open()) {
      Observation o =
          observe(check, get(server.url("/health")).withProxy(HttpProxy.parse(proxy.url(null))));

      assertThat(o.failure()).isNull();
      assertThat(o.status()).isEqualTo(200);
      assertThat(o.body().text()).isEqualTo("ok");
      assertThat(proxy.passed()).containsExactly("GET " + server.url("/health"));
    }
  }

  @Test
  void an_https_request_tunnels_through_an_http_proxy_with_credentials_for_the_proxy_only() {
    try (TestHttpServer server = TestHttpServer.tls(ca.leaf("127.0.0.1")).text("/x", 200, "ok");
        TestHttpProxy proxy = TestHttpProxy.requiring("tickr", SECRET)) {
      HttpTarget target =
          get(server.url("/x"), ca.certificate())
              .withProxy(HttpProxy.parse(proxy.url("tickr:" + SECRET)));
      Observation o = observe(check, target);

      assertThat(o.failure()).isNull();
      assertThat(o.status()).isEqualTo(200);
      assertThat(o.tls()).isNotNull();
      assertThat(o.timings().connect()).as("connect: to the proxy and the tunnel").isNotNull();
      assertThat(o.timings().tls()).as("tls: the handshake with the server").isNotNull();
      assertThat(proxy.passed()).containsExactly("CONNECT 127.0.0.1:" + server.port());
      assertThat(proxy.logins()).containsExactly("tickr:" + SECRET);
      assertThat(server.requests().get(0).header("Proxy-Authorization")).isNull();
      assertThat(target.toString()).doesNotContain(SECRET).contains("tickr@127.0.0.1");
    }
  }

  @Test
  void an_http_proxy_that_refuses_the_credentials_is_a_connect_failure_naming_the_proxy() {
    try (TestHttpServer server = TestHttpServer.tls(ca.leaf("127.0.0.1")).text("/x", 200, "ok");
        TestHttpServer plain = TestHttpServer.plain().text("/x", 200, "ok");
        TestHttpProxy proxy = TestHttpProxy.requiring("tickr", "right")) {
      HttpProxy wrong = HttpProxy.parse(proxy.url("tickr:" + SECRET));
      Failure tunnel =
          failure(observe(check, get(server.url("/x"), ca.certificate()).withProxy(wrong)));
      Failure forwarded = failure(observe(check, get(plain.url("/x")).withProxy(wrong)));

      for (Failure f : new Failure[] {tunnel, forwarded}) {
        assertThat(f.reason()).isEqualTo(Reason.CONNECT);
        assertThat(f.message())
            .isEqualTo(
                "proxy http://tickr@127.0.0.1:"
                    + proxy.port()
                    + " refused the credentials (407 Proxy Authentication Required)")
            .doesNotContain(SECRET);
      }
      assertThat(server.requests()).isEmpty();
      assertThat(plain.requests()).isEmpty();
    }
  }

  @Test
  void an_http_proxy_that_wants_credentials_and_gets_none_says_so() {
    try (TestHttpServer server = TestHttpServer.tls(ca.leaf("127.0.0.1")).text("/x", 200, "ok");
        TestHttpProxy proxy = TestHttpProxy.requiring("tickr", "right")) {
      Failure f =
          failure(
              observe(
                  check,
                  get(server.url("/x"), ca.certificate())
                      .withProxy(HttpProxy.parse(proxy.url(null)))));

      assertThat(f.reason()).isEqualTo(Reason.CONNECT);
      assertThat(f.message()).contains("requires credentials");
    }
  }

  @Test
  void a_request_goes_through_a_socks5_proxy_to_the_address_the_check_resolved() {
    try (TestHttpServer server = TestHttpServer.plain().text("/health", 200, "ok");
        TestSocks5Proxy proxy = TestSocks5Proxy.open()) {
      Observation o =
          observe(
              check,
              get(server.localhostUrl("/health")).withProxy(HttpProxy.parse(proxy.url(null))));

      assertThat(o.failure()).isNull();
      assertThat(o.status()).isEqualTo(200);
      assertThat(o.timings().dns()).as("the check resolves the name itself").isNotNull();
      assertThat(proxy.passed()).hasSize(1);
      assertThat(proxy.passed().get(0)).endsWith(":" + server.port()).doesNotContain("localhost");
    }
  }

  @Test
  void an_https_request_goes_through_a_socks5_proxy_with_a_username_and_password() {
    try (TestHttpServer server = TestHttpServer.tls(ca.leaf("127.0.0.1")).text("/x", 200, "ok");
        TestSocks5Proxy proxy = TestSocks5Proxy.requiring("tickr", SECRET)) {
      Observation o =
          observe(
              check,
              get(server.url("/x"), ca.certificate())
                  .withProxy(HttpProxy.parse(proxy.url("tickr:" + SECRET))));

      assertThat(o.failure()).isNull();
      assertThat(o.status()).isEqualTo(200);
      assertThat(o.tls()).isNotNull();
      assertThat(o.timings().connect()).isNotNull();
      assertThat(o.timings().tls()).isNotNull();
      assertThat(proxy.passed()).containsExactly("CONNECT 127.0.0.1:" + server.port());
      assertThat(proxy.logins()).containsExactly("tickr:" + SECRET);
    }
  }

  @Test
  void a_socks5_proxy_that_refuses_the_password_is_a_connect_failure_without_the_password() {
    try (TestHttpServer server = TestHttpServer.plain().text("/x", 200, "ok");
        TestSocks5Proxy proxy = TestSocks5Proxy.requiring("tickr", "right")) {
      Failure f =
          failure(
              observe(
                  check,
                  get(server.url("/x")).withProxy(HttpProxy.parse(proxy.url("tickr:" + SECRET)))));

      assertThat(f.reason()).isEqualTo(Reason.CONNECT);
      assertThat(f.message())
          .isEqualTo(
              "SOCKS5 proxy socks5://tickr@127.0.0.1:"
                  + proxy.port()
                  + " refused the username and password");
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void a_socks5_proxy_that_wants_credentials_and_gets_none_says_so() {
    try (TestHttpServer server = TestHttpServer.plain().text("/x", 200, "ok");
        TestSocks5Proxy proxy = TestSocks5Proxy.requiring("tickr", "right")) {
      Failure f =
          failure(
              observe(check, get(server.url("/x")).withProxy(HttpProxy.parse(proxy.url(null)))));

      assertThat(f.reason()).isEqualTo(Reason.CONNECT);
      assertThat(f.message()).endsWith("requires a username and password");
    }
  }

  @Test
  void a_socks5_proxy_that_cannot_reach_the_server_says_so() {
    try (RefusingPort closed = RefusingPort.open();
        TestSocks5Proxy proxy = TestSocks5Proxy.open()) {
      Failure f =
          failure(
              observe(
                  check, get(closed.url("http", "/")).withProxy(HttpProxy.parse(proxy.url(null)))));

      assertThat(f.reason()).isEqualTo(Reason.CONNECT);
      assertThat(f.message())
          .contains("could not connect to 127.0.0.1:" + closed.port())
          .endsWith("connection refused");
    }
  }

  @Test
  void a_proxy_that_is_down_is_named_in_the_failure() {
    try (TestHttpServer server = TestHttpServer.plain().text("/x", 200, "ok");
        RefusingPort down = RefusingPort.open()) {
      for (String scheme : new String[] {"http", "socks5"}) {
        HttpProxy proxy = HttpProxy.parse(scheme + "://u:" + SECRET + "@127.0.0.1:" + down.port());
        Failure f = failure(observe(check, get(server.url("/x")).withProxy(proxy)));

        assertThat(f.reason()).isEqualTo(Reason.CONNECT);
        assertThat(f.message())
            .startsWith("via proxy " + scheme + "://u@127.0.0.1:" + down.port())
            .contains("refused")
            .doesNotContain(SECRET);
      }
    }
  }
}
