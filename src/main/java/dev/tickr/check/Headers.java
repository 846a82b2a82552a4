package dev.tickr.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Response headers in arrival order, looked up without regard to case. */
public record Headers(List<Header> all) {

  public static final Headers NONE = new Headers(List.of());

  public Headers {
    all = List.copyOf(all);
  }

  /** All values of a header joined with {@code ", "}, as RFC 9110 allows for list-valued fields. */
  public Optional<String> get(String name) {
    List<String> values = values(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
  }

  public List<String> values(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    List<String> values = new ArrayList<>();
    for (Header h : all) {
      if (h.name().toLowerCase(Locale.ROOT).equals(wanted)) {
        values.add(h.value());
      }
    }
    return values;
  }
}
