package dev.tickr.check;

import java.net.URI;
import java.util.Locale;

/**
 * One answer on a redirect chain that sent the check on: where it came from, its status and how it
 * pointed onwards.
 *
 * @param url the URL that answered
 * @param status its HTTP status
 * @param via how it redirected
 */
public record Hop(URI url, int status, Via via) {

  /** How an answer pointed to the next URL. */
  public enum Via {
    /** A 30x status with a {@code Location} header. */
    LOCATION,
    /** A {@code Refresh} header with a URL. */
    REFRESH,
    /** An HTML {@code <meta http-equiv="refresh" content="…;url=…">}. */
    META;

    /** The word shown to users: {@code location}, {@code refresh}, {@code meta}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
