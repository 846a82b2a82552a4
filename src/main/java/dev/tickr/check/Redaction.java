package dev.tickr.check;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Hides secrets in URLs before they are shown anywhere: user info, and the values of query
 * parameters whose names say they carry a credential (TUNE's {@code NetworkToken}, {@code api_key},
 * {@code signature}, ...).
 */
public final class Redaction {
  public static final String MASK = "***";

  private static final Pattern SECRET_PARAM =
      Pattern.compile(
          ".*(token|secret|passw|pwd|api[-_]?key|apikey|access[-_]?key|signature|sig|auth|credential|session).*");

  private Redaction() {}

  public static boolean isSecretName(String name) {
    return SECRET_PARAM.matcher(name.toLowerCase(Locale.ROOT)).matches()
        || name.equalsIgnoreCase("key");
  }

  /** The URL as text with user info and secret query values replaced by {@value #MASK}. */
  public static String url(URI uri) {
    String raw = uri.toString();
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      raw = raw.replace(userInfo + "@", MASK + "@");
    }
    int q = raw.indexOf('?');
    if (q < 0) {
      return raw;
    }
    int hash = raw.indexOf('#', q);
    String query = hash < 0 ? raw.substring(q + 1) : raw.substring(q + 1, hash);
    String fragment = hash < 0 ? "" : raw.substring(hash);
    StringBuilder out = new StringBuilder(raw.substring(0, q + 1));
    String[] pairs = query.split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      if (i > 0) {
        out.append('&');
      }
      String pair = pairs[i];
      int eq = pair.indexOf('=');
      if (eq > 0 && isSecretName(pair.substring(0, eq))) {
        out.append(pair, 0, eq + 1).append(MASK);
      } else {
        out.append(pair);
      }
    }
    return out.append(fragment).toString();
  }
}
