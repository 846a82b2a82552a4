package dev.tickr.check.http;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/** The certificates a TLS session's peer presented. */
final class PeerChain {
  private PeerChain() {}

  static List<X509Certificate> of(SSLSession session) {
    List<X509Certificate> chain = new ArrayList<>();
    try {
      for (Certificate c : session.getPeerCertificates()) {
        if (c instanceof X509Certificate x) {
          chain.add(x);
        }
      }
    } catch (SSLPeerUnverifiedException anonymous) {
      // No certificate: nothing to report.
    }
    return chain;
  }
}
