package dev.tickr.check.net;

import dev.tickr.check.ClientIdentity;
import dev.tickr.check.Failure;
import dev.tickr.check.Reason;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.jspecify.annotations.Nullable;

/**
 * Presents one check's {@link ClientIdentity}, if it has one, whenever a server asks for a client
 * certificate (mutual TLS), without a key store: the server decides whether it accepts it. It
 * remembers that the server asked, so that a refused handshake can say why: with TLS 1.3 the
 * server's refusal arrives after the client's side of the handshake, often as a broken connection.
 */
public final class IdentityKeyManager extends X509ExtendedKeyManager {
  private static final String ALIAS = "client";
  private final @Nullable ClientIdentity identity;
  private volatile boolean asked;

  public IdentityKeyManager(@Nullable ClientIdentity identity) {
    this.identity = identity;
  }

  /** Whether a server asked for a client certificate. */
  public boolean asked() {
    return asked;
  }

  /**
   * A failure of an exchange whose server asked for a client certificate, said as that: none was
   * set, or the one set was not accepted; {@code plain} otherwise.
   */
  public Failure explain(Failure plain) {
    if (!asked || (plain.reason() != Reason.CONNECT && plain.reason() != Reason.TLS)) {
      return plain;
    }
    if (identity == null) {
      return new Failure(
          Reason.TLS,
          "TLS: the server requires a client certificate (mutual TLS) and none is set (client-cert"
              + " and client-key); "
              + plain.message());
    }
    return new Failure(
        Reason.TLS,
        "TLS: the server did not accept the client certificate "
            + identity.chain().get(0).getSubjectX500Principal().getName()
            + "; "
            + plain.message());
  }

  @Override
  public @Nullable String chooseClientAlias(
      String[] keyTypes, Principal @Nullable [] issuers, @Nullable Socket socket) {
    asked = true;
    return identity == null ? null : ALIAS;
  }

  @Override
  public @Nullable String chooseEngineClientAlias(
      String[] keyTypes, Principal @Nullable [] issuers, @Nullable SSLEngine engine) {
    asked = true;
    return identity == null ? null : ALIAS;
  }

  @Override
  public String @Nullable [] getClientAliases(String keyType, Principal @Nullable [] issuers) {
    return identity == null ? null : new String[] {ALIAS};
  }

  @Override
  public String @Nullable [] getServerAliases(String keyType, Principal @Nullable [] issuers) {
    return null;
  }

  @Override
  public @Nullable String chooseServerAlias(
      String keyType, Principal @Nullable [] issuers, @Nullable Socket socket) {
    return null;
  }

  @Override
  public X509Certificate @Nullable [] getCertificateChain(String alias) {
    return identity == null ? null : identity.chain().toArray(X509Certificate[]::new);
  }

  @Override
  public @Nullable PrivateKey getPrivateKey(String alias) {
    return identity == null ? null : identity.key();
  }
}
