package dev.tickr.affiliate;

/**
 * A text that a simple regular expression matches: literals, escapes such as {@code \d}, classes,
 * groups with alternatives (the first is taken) and quantifiers (the least count, at least one for
 * {@code +}). Enough for the patterns of preset keys; the caller checks the result matches.
 */
final class PatternSample {
  private final String regex;
  private int at;

  private PatternSample(String regex) {
    this.regex = regex;
  }

  static String of(String regex) {
    PatternSample p = new PatternSample(regex);
    String out = p.alternatives();
    if (p.at < regex.length()) {
      throw new IllegalArgumentException("unbalanced ) in " + regex);
    }
    return out;
  }

  /** Alternatives up to a closing parenthesis or the end: the first one. */
  private String alternatives() {
    String first = sequence();
    while (at < regex.length() && regex.charAt(at) == '|') {
      at++;
      sequence();
    }
    return first;
  }

  private String sequence() {
    StringBuilder out = new StringBuilder();
    while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
      String atom = atom();
      int[] count = quantifier();
      out.append(atom.repeat(count[0]));
    }
    return out.toString();
  }

  private String atom() {
    char c = regex.charAt(at++);
    return switch (c) {
      case '(' -> {
        if (regex.startsWith("?:", at)) {
          at += 2;
        } else if (regex.startsWith("?", at)) {
          throw new IllegalArgumentException("no sample for the group at " + at + " of " + regex);
        }
        String inner = alternatives();
        at++; // )
        yield inner;
      }
      case '[' -> characterClass();
      case '\\' -> escape(regex.charAt(at++));
      case '.' -> "x";
      case '^', '$' -> "";
      default -> String.valueOf(c);
    };
  }

  private String characterClass() {
    if (regex.charAt(at) == '^') {
      throw new IllegalArgumentException("no sample for a negated class in " + regex);
    }
    char c = regex.charAt(at);
    String out = c == '\\' ? escape(regex.charAt(at + 1)) : String.valueOf(c);
    int close = regex.indexOf(']', at + 1);
    at = close + 1;
    return out;
  }

  private static String escape(char c) {
    return switch (c) {
      case 'd' -> "1";
      case 'w' -> "a";
      case 's' -> " ";
      default -> {
        if (Character.isLetter(c)) {
          throw new IllegalArgumentException("no sample for \\" + c);
        }
        yield String.valueOf(c);
      }
    };
  }

  private int[] quantifier() {
    if (at >= regex.length()) {
      return new int[] {1};
    }
    char c = regex.charAt(at);
    int[] out =
        switch (c) {
          case '?', '*' -> new int[] {0};
          case '+' -> new int[] {1};
          case '{' -> {
            int close = regex.indexOf('}', at);
            String[] parts = regex.substring(at + 1, close).split(",", -1);
            at = close;
            yield new int[] {Integer.parseInt(parts[0].strip())};
          }
          default -> null;
        };
    if (out == null) {
      return new int[] {1};
    }
    at++;
    if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
      at++; // lazy or possessive
    }
    return out;
  }
}
