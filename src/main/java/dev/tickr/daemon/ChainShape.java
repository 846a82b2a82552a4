package dev.tickr.daemon;

import dev.tickr.check.Hop;
import dev.tickr.check.Observation;
import dev.tickr.check.Redaction;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The shape of a redirect chain: each URL that answered, with how it sent the check on, then the
 * landing URL, without what changes from one click to the next. A URL's shape keeps its scheme,
 * host, port and path, and of its query only the parameter names, sorted; a path segment of {@value
 * #ID_LENGTH} or more characters with a digit in it (an id, a hash, a UUID, a timestamp) is {@code
 * *}; query values, fragments and user info are dropped, and the config's secrets masked. A hop
 * says how it redirected: its status for a {@code Location} ({@code 302}), {@code refresh} or
 * {@code meta}.
 *
 * <p>Written {@code https://track.example.net/c/* (302) →
 * https://shop.example.com/p/shoes?irclickid}, which is also how it is stored.
 *
 * @param steps the URLs in order, the last one the landing page (whose {@link Step#how()} is empty)
 */
public record ChainShape(List<Step> steps) {
  /** Path segments at least this long and holding a digit are ids. */
  static final int ID_LENGTH = 12;

  static final String ARROW = " → ";

  /**
   * One URL of the chain.
   *
   * @param url the URL's shape
   * @param how how it redirected ({@code 302}, {@code refresh}, {@code meta}), empty for the
   *     landing
   */
  public record Step(String url, String how) {
    @Override
    public String toString() {
      return how.isEmpty() ? url : url + " (" + how + ")";
    }
  }

  public ChainShape {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a chain has at least its landing URL");
    }
  }

  /**
   * The shape of the chain an observation followed: its hops, then where it landed.
   *
   * @param secrets values masked wherever they appear (a token in a path)
   */
  public static ChainShape of(Observation o, Collection<String> secrets) {
    List<Step> steps = new ArrayList<>(o.hops().size() + 1);
    for (Hop hop : o.hops()) {
      String how =
          hop.via() == Hop.Via.LOCATION ? Integer.toString(hop.status()) : hop.via().word();
      steps.add(new Step(Redaction.scrub(url(hop.url()), secrets), how));
    }
    steps.add(new Step(Redaction.scrub(url(o.url()), secrets), ""));
    return new ChainShape(steps);
  }

  /** Reads back what {@link #toString()} wrote. */
  public static ChainShape parse(String text) {
    List<Step> steps = new ArrayList<>();
    for (String part : text.split(ARROW, -1)) {
      int open = part.lastIndexOf(" (");
      steps.add(
          open > 0 && part.endsWith(")")
              ? new Step(part.substring(0, open), part.substring(open + 2, part.length() - 1))
              : new Step(part, ""));
    }
    return new ChainShape(steps);
  }

  /** How many times the check was sent on. */
  public int hops() {
    return steps.size() - 1;
  }

  /** Whether both chains begin at the same URL: else the monitor's own URL was changed. */
  boolean startsLike(ChainShape other) {
    return steps.get(0).url().equals(other.steps.get(0).url());
  }

  /** The shape with its hop count: {@code https://a.test/c (302) → https://b.test/ (1 hop)}. */
  public String describe() {
    return this + " (" + hops() + (hops() == 1 ? " hop)" : " hops)");
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Step step : steps) {
      out.append(out.isEmpty() ? "" : ARROW).append(step);
    }
    return out.toString();
  }

  /** {@code https://shop.example.com/p/*?irclickid&sub}. */
  static String url(URI uri) {
    StringBuilder out = new StringBuilder();
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    out.append(scheme).append("://");
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    out.append(host);
    int port = uri.getPort();
    if (port >= 0
        && !(port == 80 && scheme.equals("http"))
        && !(port == 443 && scheme.equals("https"))) {
      out.append(':').append(port);
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String[] segments = path.split("/", -1);
    for (int i = 1; i < segments.length; i++) {
      out.append('/').append(isId(segments[i]) ? "*" : segments[i]);
    }
    String query = uri.getRawQuery();
    if (query != null && !query.isEmpty()) {
      TreeSet<String> names = new TreeSet<>();
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
      if (!names.isEmpty()) {
        out.append('?').append(String.join("&", names));
      }
    }
    return out.toString();
  }

  private static boolean isId(String segment) {
    return segment.length() >= ID_LENGTH && segment.chars().anyMatch(Character::isDigit);
  }
}
