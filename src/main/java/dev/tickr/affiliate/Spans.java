package dev.tickr.affiliate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Disjoint stretches of time {@code [start, end)}, earliest first. Immutable. */
record Spans(List<Spans.Span> items) {
  static final Spans NONE = new Spans(List.of());

  record Span(Instant start, Instant end) {
    Duration length() {
      return Duration.between(start, end);
    }
  }

  /** A part of one UTC hour: the hour's start and the fraction of it covered, in (0, 1]. */
  record HourPiece(Instant hour, double fraction) {}

  Spans {
    items = List.copyOf(items);
  }

  static Spans of(Instant start, Instant end) {
    return end.isAfter(start) ? new Spans(List.of(new Span(start, end))) : NONE;
  }

  /** The union of stretches that may overlap or touch. */
  static Spans union(List<Span> spans) {
    List<Span> sorted = new ArrayList<>(spans);
    sorted.removeIf(s -> !s.end().isAfter(s.start()));
    sorted.sort(Comparator.comparing(Span::start));
    List<Span> out = new ArrayList<>();
    for (Span s : sorted) {
      Span last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && !s.start().isAfter(last.end())) {
        if (s.end().isAfter(last.end())) {
          out.set(out.size() - 1, new Span(last.start(), s.end()));
        }
      } else {
        out.add(s);
      }
    }
    return new Spans(out);
  }

  Spans plus(Spans other) {
    List<Span> all = new ArrayList<>(items);
    all.addAll(other.items);
    return union(all);
  }

  /** What of this is not in {@code other}. */
  Spans minus(Spans other) {
    List<Span> out = new ArrayList<>();
    for (Span s : items) {
      Instant at = s.start();
      for (Span o : other.items) {
        if (!o.end().isAfter(at) || !o.start().isBefore(s.end())) {
          continue;
        }
        if (o.start().isAfter(at)) {
          out.add(new Span(at, o.start()));
        }
        if (o.end().isAfter(at)) {
          at = o.end();
        }
      }
      if (s.end().isAfter(at)) {
        out.add(new Span(at, s.end()));
      }
    }
    return new Spans(out);
  }

  /** What of this is also in {@code other}. */
  Spans overlap(Spans other) {
    return minus(minus(other));
  }

  Duration total() {
    Duration d = Duration.ZERO;
    for (Span s : items) {
      d = d.plus(s.length());
    }
    return d;
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  /** The stretches cut at each whole UTC hour. */
  List<HourPiece> hourPieces() {
    List<HourPiece> out = new ArrayList<>();
    for (Span s : items) {
      Instant at = s.start();
      while (at.isBefore(s.end())) {
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        Instant next = hour.plus(Duration.ofHours(1));
        Instant until = next.isBefore(s.end()) ? next : s.end();
        out.add(new HourPiece(hour, Duration.between(at, until).toMillis() / 3_600_000.0));
        at = until;
      }
    }
    return out;
  }
}
