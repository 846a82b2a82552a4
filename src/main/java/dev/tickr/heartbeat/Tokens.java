package dev.tickr.heartbeat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/** Makes ping URL secrets: 128 random bits, written as 22 URL-safe characters. */
public final class Tokens implements Supplier<String> {
  private static final int BYTES = 16;

  private final SecureRandom random;

  public Tokens(SecureRandom random) {
    this.random = random;
  }

  @Override
  public String get() {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
