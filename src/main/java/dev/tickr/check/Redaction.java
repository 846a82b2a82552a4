package dev.tickr.check;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in URLs before they are shown anywhere: user info, and the values of query
 * parameters whose names say they carry a credential (TUNE's {@code NetworkToken}, {@code api_key},
 * {@code signature}, ...).
 */
public final class Redaction {
  public static final String MASK = "***";

  /** What marks the place where Tickr shortened a value for a person to read. */
  public static final String CUT_MARK = "…";

  /**
   * What a secret's name contains, in lower case ({@code sig} covers {@code signature}). Checked
   * with {@code contains}, not a regular expression: every query parameter of 10,000 monitors is
   * looked at when the daemon starts.
   */
  private static final List<String> SECRET_NAME_PARTS =
      List.of(
          "token",
          "secret",
          "passw",
          "pwd",
          "apikey",
          "api-key",
          "api_key",
          "accesskey",
          "access-key",
          "access_key",
          "sig",
          "auth",
          "credential",
          "session");

  /** A secret query parameter anywhere in a text: its name and {@code =} stay, its value goes. */
  private static final Pattern SECRET_PARAM_IN_TEXT =
      Pattern.compile(
          "(?i)([?&;](?:[a-z0-9_.\\-]*(?:token|secret|passw|pwd|api[-_]?key|apikey|access[-_]?key"
              + "|signature|sig|auth|credential|session)[a-z0-9_.\\-]*|key)=)[^&\\s\"'<>#]+");

  /** Secret values shorter than this are not searched for in texts: they would mask too much. */
  static final int MIN_SECRET_LENGTH = 4;

  private Redaction() {}

  /**
   * The text with every value of {@code secrets} and every secret query value of a URL in it
   * replaced by {@value #MASK}: for evidence and error texts, which may echo what was sent.
   */
  public static String scrub(String text, Collection<String> secrets) {
    String out = text;
    for (String secret : secrets) {
      if (secret.length() >= MIN_SECRET_LENGTH && out.contains(secret)) {
        out = out.replace(secret, MASK);
      }
    }
    if (out.indexOf('=') >= 0) {
      out =
          SECRET_PARAM_IN_TEXT
              .matcher(out)
              .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    }
    return out;
  }

  /**
   * How many characters at the end of a text Tickr cut are masked: enough for the longest secret
   * less one character, rounded up to a multiple of this, so that their number tells little of the
   * secrets' lengths.
   */
  static final int CUT_TAIL_STEP = 32;

  /**
   * {@link #scrub} for a text that Tickr itself cut off at its end (it read or kept no more): the
   * last characters are masked too, whatever they are, since a secret cut in two there is not found
   * by {@link #scrub}. Whatever the text ends with, the same number of characters is masked, so
   * that the answer never says whether the end matched a secret.
   */
  public static String scrubCut(String text, Collection<String> secrets) {
    String out = scrub(text, secrets);
    int tail = cutTail(secrets);
    if (tail == 0) {
      return out;
    }
    int keep = Math.max(0, out.length() - tail);
    if (keep > 0 && Character.isHighSurrogate(out.charAt(keep - 1))) {
      keep--; // never split a pair
    }
    return out.substring(0, keep) + MASK;
  }

  /**
   * {@link #scrub} for a text in which Tickr shortened values for a person to read, marking each
   * cut with {@value #CUT_MARK} (a condition's {@code actual} in a failure's detail): before each
   * mark, as many characters as {@link #scrubCut} masks at an end are masked too, whatever they
   * are, since a secret cut there is not found whole.
   */
  public static String scrubShortened(String text, Collection<String> secrets) {
    String out = scrub(text, secrets);
    int tail = cutTail(secrets);
    int mark = out.indexOf(CUT_MARK);
    if (tail == 0 || mark < 0) {
      return out;
    }
    StringBuilder masked = new StringBuilder(out.length());
    int from = 0;
    for (; mark >= 0; mark = out.indexOf(CUT_MARK, mark + 1)) {
      int keep = Math.max(from, mark - tail);
      if (keep > from && Character.isHighSurrogate(out.charAt(keep - 1))) {
        keep--; // never split a pair
      }
      masked.append(out, from, keep);
      if (keep < mark) {
        masked.append(MASK);
      }
      masked.append(CUT_MARK);
      from = mark + CUT_MARK.length();
    }
    return masked.append(out, from, out.length()).toString();
  }

  /**
   * At most the first {@code limit} characters of {@code text}, with secrets masked before it is
   * cut (so no secret straddling the cut shows its start). {@code cut} says Tickr cut {@code text}
   * itself where it ends (say, at a body cap): then its end is masked as by {@link #scrubCut}.
   */
  public static String scrubStart(String text, boolean cut, int limit, Collection<String> secrets) {
    int tail = cutTail(secrets);
    // A secret found past limit + its length is not shown anyway: scrub no more than that, and
    // mask the end of what was looked at, where such a window would cut one.
    long window = (long) limit + tail + CUT_TAIL_STEP;
    String looked = text;
    boolean ended = cut;
    if (text.length() > window) {
      looked = text.substring(0, (int) window);
      ended = true;
    }
    String out = ended ? scrubCut(looked, secrets) : scrub(looked, secrets);
    if (out.length() <= limit) {
      return out;
    }
    int end = limit;
    if (Character.isHighSurrogate(out.charAt(end - 1))) {
      end--;
    }
    return out.substring(0, end);
  }

  /** How many characters {@link #scrubCut} masks at the end: 0 when no secret is searched for. */
  static int cutTail(Collection<String> secrets) {
    int longest = 0;
    for (String secret : secrets) {
      if (secret.length() >= MIN_SECRET_LENGTH) {
        longest = Math.max(longest, secret.length());
      }
    }
    if (longest == 0) {
      return 0;
    }
    return (longest - 1 + CUT_TAIL_STEP - 1) / CUT_TAIL_STEP * CUT_TAIL_STEP;
  }

  /**
   * The secret values an HTTP request carries, as a target might echo them: secret header values
   * and their credentials alone (the token of {@code Bearer <token>}, the password inside Basic
   * auth), the password of the URL's user info, and the values of secret query parameters.
   */
  public static Set<String> secretsOf(HttpTarget target) {
    Set<String> out = new LinkedHashSet<>();
    for (Header h : target.headers()) {
      if (h.secret() || isSecretName(h.name())) {
        out.add(h.value());
        int space = h.value().indexOf(' ');
        if (space > 0) {
          String credential = h.value().substring(space + 1).strip();
          out.add(credential);
          if (h.value().regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
              String decoded =
                  new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
              int colon = decoded.indexOf(':');
              out.add(colon < 0 ? decoded : decoded.substring(colon + 1));
            } catch (IllegalArgumentException e) {
              // Not base64 after all: the raw value is masked already.
            }
          }
        }
      }
    }
    RequestTemplate template = target.template();
    if (template != null) {
      // A secret header with placeholders: what it was given is in its literal parts.
      for (RequestTemplate.HeaderTemplate t : template.headers()) {
        Header h = target.headers().get(t.index());
        if (h.secret() || isSecretName(h.name())) {
          for (String literal : t.value().literals()) {
            String part = literal.strip();
            out.add(part);
            int space = part.indexOf(' ');
            if (space > 0) {
              out.add(part.substring(space + 1).strip()); // the credential of "Bearer ..."
            }
          }
        }
      }
    }
    URI url = target.url();
    String userInfo = url.getUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      out.add(colon < 0 ? userInfo : userInfo.substring(colon + 1));
    }
    String query = url.getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && isSecretName(pair.substring(0, eq))) {
          String raw = pair.substring(eq + 1);
          out.add(raw);
          out.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
        }
      }
    }
    RequestAuth auth = target.auth();
    if (auth != null) {
      out.addAll(auth.secretValues());
    }
    HttpProxy proxy = target.proxy();
    if (proxy != null && proxy.password() != null) {
      out.add(proxy.password());
    }
    out.removeIf(v -> v.length() < MIN_SECRET_LENGTH);
    return out;
  }

  public static boolean isSecretName(String name) {
    if (name.equalsIgnoreCase("key")) {
      return true;
    }
    String n = name.toLowerCase(Locale.ROOT);
    for (String part : SECRET_NAME_PARTS) {
      if (n.contains(part)) {
        return true;
      }
    }
    return false;
  }

  /** The URL as text with user info and secret query values replaced by {@value #MASK}. */
  public static String url(URI uri) {
    return url(uri.toString(), uri);
  }

  /**
   * {@code raw}, a URL as written (placeholders and all) that gives {@code uri}, with {@code uri}'s
   * user info and secret query values replaced by {@value #MASK}.
   */
  public static String url(String raw, URI uri) {
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
