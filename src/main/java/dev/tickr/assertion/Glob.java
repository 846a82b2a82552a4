package dev.tickr.assertion;

/**
 * Gatus's patterns: {@code *} matches any run of characters (line breaks too), {@code ?} exactly
 * one; everything else stands for itself, and the pattern must match the whole text.
 */
final class Glob {
  private Glob() {}

  static boolean matches(String pattern, String text) {
    return pattern.indexOf('?') < 0 ? matchesStars(pattern, text) : matchesGeneral(pattern, text);
  }

  /**
   * Without {@code ?}, the pieces between stars must appear in order, the first at the start and
   * the last at the end; {@code indexOf} finds each, in time linear in the text.
   */
  private static boolean matchesStars(String pattern, String text) {
    int star = pattern.indexOf('*');
    if (star < 0) {
      return pattern.equals(text);
    }
    int lastStar = pattern.lastIndexOf('*');
    String prefix = pattern.substring(0, star);
    String suffix = pattern.substring(lastStar + 1);
    if (text.length() < prefix.length() + suffix.length()
        || !text.startsWith(prefix)
        || !text.endsWith(suffix)) {
      return false;
    }
    int from = prefix.length();
    int until = text.length() - suffix.length();
    int piece = star + 1;
    while (piece <= lastStar) {
      int next = pattern.indexOf('*', piece);
      if (next > piece) {
        int found = text.indexOf(pattern.substring(piece, next), from);
        if (found < 0 || found + (next - piece) > until) {
          return false;
        }
        from = found + (next - piece);
      }
      piece = next + 1;
    }
    return true;
  }

  private static boolean matchesGeneral(String pattern, String text) {
    int p = 0;
    int t = 0;
    int starP = -1;
    int starT = -1;
    while (t < text.length()) {
      if (p < pattern.length()) {
        int pc = pattern.codePointAt(p);
        if (pc == '*') {
          starP = p++;
          starT = t;
          continue;
        }
        int tc = text.codePointAt(t);
        if (pc == '?' || pc == tc) {
          p += Character.charCount(pc);
          t += Character.charCount(tc);
          continue;
        }
      }
      if (starP < 0) {
        return false;
      }
      // Let the last star swallow one more character and try again from there.
      p = starP + 1;
      starT += Character.charCount(text.codePointAt(starT));
      t = starT;
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
