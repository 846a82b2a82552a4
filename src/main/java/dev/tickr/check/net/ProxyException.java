package dev.tickr.check.net;

import java.io.IOException;

/**
 * A proxy refused or failed to carry a connection; the message says so for a person and never holds
 * the proxy's password.
 */
public final class ProxyException extends IOException {
  private static final long serialVersionUID = 1L;

  public ProxyException(String message) {
    super(message);
  }
}
