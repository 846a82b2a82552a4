package dev.tickr.check.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickr.testing.TestCa;
import dev.tickr.testing.TestCertificates;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;

/** {@link TrustStores}: the JDK's CAs, plus a target's own, built once per set. */
class TrustStoresTest {
  private static final TestCa ca = TestCertificates.create().ca();
  private static final TestCa other = TestCertificates.create().ca();

  private final TrustStores stores = new TrustStores();

  @Test
  void the_default_cas_do_not_trust_a_private_ca() {
    X509ExtendedTrustManager defaults = stores.forExtraCas(List.of());

    assertThat(defaults.getAcceptedIssuers()).as("the JDK's CA certificates").isNotEmpty();
    assertThatThrownBy(() -> defaults.checkServerTrusted(leaf(ca), "UNKNOWN"))
        .isInstanceOf(CertificateException.class);
  }

  @Test
  void an_extra_ca_is_trusted_beside_every_default_one() {
    X509ExtendedTrustManager defaults = stores.forExtraCas(List.of());
    X509ExtendedTrustManager withCa = stores.forExtraCas(List.of(ca.certificate()));

    assertThatCode(() -> withCa.checkServerTrusted(leaf(ca), "UNKNOWN")).doesNotThrowAnyException();
    assertThatThrownBy(() -> withCa.checkServerTrusted(leaf(other), "UNKNOWN"))
        .isInstanceOf(CertificateException.class);
    assertThat(withCa.getAcceptedIssuers())
        .contains(ca.certificate())
        .contains(defaults.getAcceptedIssuers())
        .hasSize(defaults.getAcceptedIssuers().length + 1);
  }

  @Test
  void one_trust_manager_is_built_per_distinct_set_of_cas() {
    List<X509Certificate> one = new ArrayList<>(List.of(ca.certificate()));
    List<X509Certificate> same = new ArrayList<>(List.of(ca.certificate()));

    X509ExtendedTrustManager first = stores.forExtraCas(one);
    one.add(other.certificate());

    assertThat(stores.forExtraCas(same))
        .as("an equal set, and unchanged by what the caller did to its list since")
        .isSameAs(first);
    assertThat(stores.forExtraCas(List.of(ca.certificate(), other.certificate())))
        .isNotSameAs(first);
    assertThat(stores.forExtraCas(List.of())).isSameAs(stores.forExtraCas(List.of()));
  }

  private static X509Certificate[] leaf(TestCa issuer) {
    return issuer.leaf("api.tickr.test").chain().toArray(X509Certificate[]::new);
  }
}
