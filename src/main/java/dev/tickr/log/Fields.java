package dev.tickr.log;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code key=value} pairs of a log call, read from its pattern (STYLE rule 7: {@code monitor={}
 * state={} reason={}}): a word of the pattern {@code key={}} takes that argument as it is (so a
 * number stays a number), {@code key=literal} the literal, and a value mixing both the text they
 * make. The names of the line's own fields are not taken from a pattern.
 */
final class Fields {
  static final Set<String> RESERVED = Set.of("time", "level", "logger", "message", "exception");

  private Fields() {}

  /** The pairs in the order written; empty when there are none. */
  static Map<String, @Nullable Object> of(@Nullable String pattern, Object @Nullable [] arguments) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    if (pattern == null) {
      return out;
    }
    Object[] args = arguments == null ? new Object[0] : arguments;
    int next = 0; // the argument the next {} takes
    int i = 0;
    int n = pattern.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(pattern.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(pattern.charAt(i))) {
        i++;
      }
      String word = pattern.substring(start, i);
      int eq = word.indexOf('=');
      String key = eq > 0 ? word.substring(0, eq) : null;
      String value = eq > 0 ? word.substring(eq + 1) : word;
      if (key != null && isKey(key) && !RESERVED.contains(key) && !out.containsKey(key)) {
        if (value.equals("{}") || value.equals("\"{}\"")) {
          out.put(key, next < args.length ? args[next] : null);
        } else {
          out.put(key, fill(value, args, next));
        }
      }
      next += placeholders(value);
    }
    return out;
  }

  private static boolean isKey(String key) {
    if (!Character.isLetter(key.charAt(0))) {
      return false;
    }
    for (int j = 1; j < key.length(); j++) {
      char c = key.charAt(j);
      if (!Character.isLetterOrDigit(c) && c != '_' && c != '-' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static int placeholders(String text) {
    int count = 0;
    for (int at = text.indexOf("{}"); at >= 0; at = text.indexOf("{}", at + 2)) {
      count++;
    }
    return count;
  }

  private static String fill(String value, Object[] args, int first) {
    StringBuilder b = new StringBuilder();
    int next = first;
    int from = 0;
    for (int at = value.indexOf("{}"); at >= 0; at = value.indexOf("{}", from)) {
      b.append(value, from, at).append(next < args.length ? args[next] : "{}");
      next++;
      from = at + 2;
    }
    return b.append(value.substring(from)).toString();
  }
}
