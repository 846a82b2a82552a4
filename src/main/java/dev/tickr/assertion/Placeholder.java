package dev.tickr.assertion;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The values of an observation a condition can name, spelled as in Gatus. */
enum Placeholder {
  STATUS("[STATUS]", Subject.STATUS, Kind.NUMBER),
  RESPONSE_TIME("[RESPONSE_TIME]", Subject.RESPONSE_TIME, Kind.DURATION),
  BODY("[BODY]", Subject.BODY, Kind.ANY),
  HEADER("[HEADER]", Subject.HEADER, Kind.ANY),
  CERTIFICATE_EXPIRATION("[CERTIFICATE_EXPIRATION]", Subject.CERTIFICATE, Kind.DURATION),
  CONNECTED("[CONNECTED]", Subject.CONNECTED, Kind.BOOLEAN),
  IP("[IP]", Subject.IP, Kind.TEXT),
  URL("[URL]", Subject.URL, Kind.TEXT),
  REDIRECTS("[REDIRECTS]", Subject.URL, Kind.NUMBER),
  HOP("[HOP]", Subject.URL, Kind.ANY),
  SOFT_404("[SOFT_404]", Subject.BODY, Kind.TEXT);

  /** Gatus placeholders for checks Tickr does not have (yet); named so the message can say so. */
  private static final String[] GATUS_ONLY = {"DNS_RCODE", "DOMAIN_EXPIRATION", "CONTEXT"};

  static final String KNOWN =
      Arrays.stream(values())
          .map(
              p ->
                  switch (p) {
                    case HEADER -> "[HEADER].Name";
                    case HOP -> "[HOP].N.status";
                    default -> p.token;
                  })
          .collect(Collectors.joining(", "));

  private final String token;
  private final Subject subject;
  private final Kind kind;

  Placeholder(String token, Subject subject, Kind kind) {
    this.token = token;
    this.subject = subject;
    this.kind = kind;
  }

  String token() {
    return token;
  }

  Subject subject() {
    return subject;
  }

  Kind kind() {
    return kind;
  }

  static @Nullable Placeholder named(String name) {
    for (Placeholder p : values()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  /** Why {@code [name]} is not a placeholder, with the known ones and a likely intended one. */
  static String unknown(String name) {
    for (String gatus : GATUS_ONLY) {
      if (gatus.equals(name)) {
        return "placeholder [" + name + "] is not supported by Tickr (known: " + KNOWN + ")";
      }
    }
    String message = "unknown placeholder [" + name + "] (known: " + KNOWN + ")";
    Placeholder near = nearest(name);
    return near == null ? message : message + ", did you mean " + near.token + "?";
  }

  /** The placeholder spelled like {@code name} but for case or a typo or two, if any. */
  static @Nullable Placeholder nearest(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    Placeholder best = null;
    int bestDistance = 3;
    for (Placeholder p : values()) {
      int d = distance(upper, p.name());
      // A short name ([URL], [HOP]) is a likely typo of a word only one letter away.
      if (d < bestDistance && (p.name().length() > 4 || d <= 1)) {
        best = p;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    return dev.tickr.text.EditDistance.between(a, b);
  }
}
