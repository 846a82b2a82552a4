package dev.tickr.config;

import dev.tickr.check.Redaction;
import java.util.Locale;

/**
 * Names whose values are secret: {@code Authorization}, {@code Cookie}, {@code X-Api-Key}, and
 * anything that speaks of a token, key, secret, password or signature.
 */
public final class SecretNames {
  private SecretNames() {}

  public static boolean isSecret(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return Redaction.isSecretName(name)
        || n.contains("key")
        || n.contains("cookie")
        || n.contains("password");
  }
}
