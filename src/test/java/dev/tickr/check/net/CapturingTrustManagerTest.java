package dev.tickr.check.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickr.testing.TestCa;
import dev.tickr.testing.TestCertificates;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.testing.TestIdentity;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link CapturingTrustManager} in real TLS handshakes with loopback servers: what it keeps of the
 * presented chain, and when it calls a rejection a host mismatch.
 */
class CapturingTrustManagerTest {
  private static final TestCertificates certs = TestCertificates.create();
  private static final TestCa ca = certs.ca();
  private static final X509ExtendedTrustManager TRUSTING_CA = trusting(ca.certificate());

  @Test
  void a_trusted_chain_for_the_host_passes_and_is_kept() throws Exception {
    TestIdentity identity = ca.leaf("localhost", "127.0.0.1");
    CapturingTrustManager trust = new CapturingTrustManager(TRUSTING_CA);

    assertThat(handshake(trust, identity)).isNull();
    assertThat(trust.presented()).containsExactly(identity.leaf());
    assertThat(trust.hostMismatch()).isFalse();
  }

  @Test
  void a_chain_from_an_unknown_ca_is_rejected_and_still_kept() throws Exception {
    TestIdentity identity = certs.ca().leaf("localhost", "127.0.0.1");
    CapturingTrustManager trust = new CapturingTrustManager(TRUSTING_CA);

    assertThat(handshake(trust, identity)).isInstanceOf(SSLHandshakeException.class);
    assertThat(trust.presented()).containsExactly(identity.leaf());
    assertThat(trust.hostMismatch()).as("not trusted at all").isFalse();
  }

  @Test
  void a_trusted_chain_for_another_host_is_a_host_mismatch() throws Exception {
    TestIdentity identity = ca.leaf("localhost");
    CapturingTrustManager trust = new CapturingTrustManager(TRUSTING_CA);

    assertThat(handshake(trust, identity)).isInstanceOf(SSLHandshakeException.class);
    assertThat(trust.presented()).containsExactly(identity.leaf());
    assertThat(trust.hostMismatch()).isTrue();
  }

  @Test
  void an_expired_chain_for_the_host_is_rejected_but_not_a_host_mismatch() throws Exception {
    TestIdentity identity =
        ca.expiredLeaf(certs.now().minus(2, ChronoUnit.DAYS), "localhost", "127.0.0.1");
    CapturingTrustManager trust = new CapturingTrustManager(TRUSTING_CA);

    assertThat(handshake(trust, identity)).isInstanceOf(SSLHandshakeException.class);
    assertThat(trust.presented()).containsExactly(identity.leaf());
    assertThat(trust.hostMismatch()).isFalse();
  }

  @Test
  void without_a_delegate_any_chain_passes_and_is_kept() throws Exception {
    TestIdentity identity =
        ca.expiredLeaf(certs.now().minus(2, ChronoUnit.DAYS), "elsewhere.tickr.test");
    CapturingTrustManager insecure = new CapturingTrustManager(null);

    assertThat(handshake(insecure, identity)).isNull();
    assertThat(insecure.presented()).containsExactly(identity.leaf());
  }

  @Test
  void a_lazy_delegate_is_asked_for_only_once_a_chain_is_presented() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    CapturingTrustManager trust =
        CapturingTrustManager.lazy(
            () -> {
              asked.incrementAndGet();
              return TRUSTING_CA;
            });
    assertThat(asked).as("nothing presented yet").hasValue(0);

    assertThat(handshake(trust, ca.leaf("localhost", "127.0.0.1"))).isNull();
    assertThat(asked.get()).isPositive();
  }

  @Test
  void reset_forgets_what_an_earlier_handshake_presented() throws Exception {
    CapturingTrustManager trust = new CapturingTrustManager(TRUSTING_CA);
    assertThat(handshake(trust, ca.leaf("localhost"))).isNotNull();
    assertThat(trust.hostMismatch()).isTrue();

    trust.reset();

    assertThat(trust.presented()).isEmpty();
    assertThat(trust.hostMismatch()).isFalse();
  }

  @Test
  void the_chain_alone_is_judged_by_the_two_argument_check() throws CertificateException {
    TestIdentity trusted = ca.leaf("localhost");
    TestIdentity unknown = certs.ca().leaf("localhost");
    CapturingTrustManager trust = new CapturingTrustManager(TRUSTING_CA);

    trust.checkServerTrusted(chain(trusted), "UNKNOWN");
    assertThat(trust.presented()).containsExactly(trusted.leaf());

    assertThatThrownBy(() -> trust.checkServerTrusted(chain(unknown), "UNKNOWN"))
        .isInstanceOf(CertificateException.class);
    assertThat(trust.presented()).containsExactly(unknown.leaf());
  }

  @Test
  void a_probe_accepts_no_client_certificate_and_names_no_issuers() throws Exception {
    CapturingTrustManager trust = new CapturingTrustManager(TRUSTING_CA);
    X509Certificate[] client = chain(ca.leaf("client.tickr.test"));
    SSLEngine engine = SSLContext.getDefault().createSSLEngine();

    try (Socket socket = new Socket()) {
      assertThatThrownBy(() -> trust.checkClientTrusted(client, "UNKNOWN"))
          .isInstanceOf(CertificateException.class)
          .hasMessage("a probe does not accept client certificates");
      assertThatThrownBy(() -> trust.checkClientTrusted(client, "UNKNOWN", socket))
          .isInstanceOf(CertificateException.class);
      assertThatThrownBy(() -> trust.checkClientTrusted(client, "UNKNOWN", engine))
          .isInstanceOf(CertificateException.class);
    }
    assertThat(trust.getAcceptedIssuers()).isEmpty();
  }

  /**
   * A handshake with a loopback server presenting {@code identity}, the client checking the host
   * name {@code 127.0.0.1} as HTTPS does; the failure, or null when it completed.
   */
  private static @Nullable IOException handshake(CapturingTrustManager trust, TestIdentity identity)
      throws GeneralSecurityException {
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, new TrustManager[] {trust}, null);
    try (TestHttpServer server = TestHttpServer.tls(identity);
        SSLSocket socket =
            (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", server.port())) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return null;
    } catch (IOException e) {
      return e;
    }
  }

  private static X509Certificate[] chain(TestIdentity identity) {
    return identity.chain().toArray(X509Certificate[]::new);
  }

  private static X509ExtendedTrustManager trusting(X509Certificate anchor) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("anchor", anchor);
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      for (TrustManager tm : factory.getTrustManagers()) {
        if (tm instanceof X509ExtendedTrustManager x) {
          return x;
        }
      }
      throw new IllegalStateException("no X509 trust manager");
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
