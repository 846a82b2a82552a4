package dev.tickr.daemon;

import dev.tickr.check.Header;
import dev.tickr.check.Headers;
import dev.tickr.config.MonitorSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads what targets say is left of their rate limit ({@code X-RateLimit-Remaining}, {@code
 * X-RateLimit-Remaining-hour}, … with the matching {@code X-RateLimit-Limit*}) from each check: the
 * last values per monitor and window, for {@code /metrics}, and a {@code quota-low} notice when
 * what remains falls below the monitor's {@code quota.warn-below}, once per crossing. Costs one
 * prefix test per response header when no header starts with {@code x-ratelimit}.
 */
public final class QuotaWatch {
  private static final String PREFIX = "x-ratelimit-";
  private static final String REMAINING = "remaining";
  private static final String LIMIT = "limit";

  /** At most this many windows are kept per monitor: a target cannot grow the metrics. */
  static final int MAX_WINDOWS = 4;

  /**
   * What a target said last of one window of its rate limit.
   *
   * @param window the header's suffix ({@code hour}, {@code minute}), empty for none
   * @param limit the window's limit, 0 when unknown
   */
  public record Window(String window, long remaining, long limit) {}

  /** A window whose remaining quota fell below {@code warn-below}. */
  public record Low(String monitor, Window window, long limit, double warnBelow) {}

  private final Map<String, Map<String, Window>> seen = new ConcurrentHashMap<>();
  private final Set<String> low = ConcurrentHashMap.newKeySet();

  /**
   * Reads one check's headers.
   *
   * @return the windows that just crossed below {@code warn-below} (usually none)
   */
  List<Low> observed(MonitorSpec spec, Headers headers) {
    List<Header> all = headers.all();
    Map<String, long[]> found = null;
    for (int i = 0; i < all.size(); i++) {
      String name = all.get(i).name();
      if (name.length() > PREFIX.length() && name.regionMatches(true, 0, PREFIX, 0, 12)) {
        found = read(found, name, all.get(i).value());
      }
    }
    if (found == null) {
      return List.of();
    }
    Map<String, Window> windows = new HashMap<>();
    List<Low> crossed = new ArrayList<>(0);
    for (Map.Entry<String, long[]> e : found.entrySet()) {
      long[] v = e.getValue();
      if (v[0] < 0 || windows.size() >= MAX_WINDOWS) {
        continue;
      }
      Window w = new Window(e.getKey(), v[0], Math.max(0, v[1]));
      windows.put(w.window(), w);
      Low l = crossing(spec, w);
      if (l != null) {
        crossed.add(l);
      }
    }
    seen.put(spec.name(), Map.copyOf(windows));
    return crossed;
  }

  /** Records {@code X-RateLimit-Remaining[-W]} or {@code X-RateLimit-Limit[-W]}; others pass. */
  private static @Nullable Map<String, long[]> read(
      @Nullable Map<String, long[]> found, String name, String value) {
    String rest = name.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
    int slot;
    String window;
    if (rest.startsWith(REMAINING)) {
      slot = 0;
      window = rest.substring(REMAINING.length());
    } else if (rest.startsWith(LIMIT)) {
      slot = 1;
      window = rest.substring(LIMIT.length());
    } else {
      return found;
    }
    if (!window.isEmpty() && window.charAt(0) != '-') {
      return found; // X-RateLimit-LimitFoo: not ours
    }
    window = window.isEmpty() ? "" : window.substring(1);
    long number = leadingNumber(value);
    if (number < 0 || window.length() > 32) {
      return found;
    }
    Map<String, long[]> out = found == null ? new HashMap<>() : found;
    out.computeIfAbsent(window, k -> new long[] {-1, -1})[slot] = number;
    return out;
  }

  /** The digits a value starts with ({@code 100}, {@code 100, 100;w=60}); -1 for none. */
  static long leadingNumber(String value) {
    String v = value.strip();
    int end = 0;
    while (end < v.length() && end < 18 && Character.isDigit(v.charAt(end))) {
      end++;
    }
    return end == 0 ? -1 : Long.parseLong(v, 0, end, 10);
  }

  /** Whether this window just fell below the monitor's {@code warn-below}; re-arms above it. */
  private @Nullable Low crossing(MonitorSpec spec, Window w) {
    double warnBelow = spec.limits().quota().warnBelow();
    long limit = w.limit() > 0 ? w.limit() : spec.limits().quota().limit();
    if (limit <= 0 || warnBelow <= 0) {
      return null;
    }
    String id = spec.name() + "\n" + w.window();
    boolean below = w.remaining() < warnBelow * limit;
    if (!below) {
      low.remove(id);
      return null;
    }
    return low.add(id) ? new Low(spec.name(), w, limit, warnBelow) : null;
  }

  /** {@code X-RateLimit-Remaining-hour is 40 of 500 (8%), below 10%}. */
  static String describe(Low low) {
    Window w = low.window();
    String header = "X-RateLimit-Remaining" + (w.window().isEmpty() ? "" : "-" + w.window());
    return header
        + " is "
        + w.remaining()
        + " of "
        + low.limit()
        + " ("
        + percent((double) w.remaining() / low.limit())
        + "), below "
        + percent(low.warnBelow());
  }

  private static String percent(double fraction) {
    return java.math.BigDecimal.valueOf(Math.round(fraction * 1000), 1)
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }

  /** The last windows seen, per monitor. */
  public Map<String, Map<String, Window>> windows() {
    return seen;
  }

  /** Forgets monitors that are gone. */
  void retain(Set<String> monitors) {
    seen.keySet().retainAll(monitors);
    low.removeIf(id -> !monitors.contains(id.substring(0, id.indexOf('\n'))));
  }

  /** The monitors with windows, for tests. */
  Set<String> monitors() {
    return new HashSet<>(seen.keySet());
  }
}
