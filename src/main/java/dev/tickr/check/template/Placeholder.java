package dev.tickr.check.template;

import java.time.ZoneId;
import java.util.UUID;

/** One {@code {{...}}} of a template: what it stands for, filled in at each rendering. */
sealed interface Placeholder {

  /** The value for one rendering. */
  String value(RenderContext context);

  /** {@code {{uuid}}}: a random (version 4) UUID. */
  record Uuid() implements Placeholder {
    @Override
    public String value(RenderContext context) {
      return context.generated("uuid", Uuid::make);
    }

    private static String make(RenderContext context) {
      long high = (context.random().nextLong() & ~0xF000L) | 0x4000L;
      long low = (context.random().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      return new UUID(high, low).toString();
    }
  }

  /** {@code {{random:N}}}: N random decimal digits. */
  record Digits(int count) implements Placeholder {
    static final int MAX = 64;

    @Override
    public String value(RenderContext context) {
      return context.generated("random:" + count, this::make);
    }

    private String make(RenderContext context) {
      char[] digits = new char[count];
      for (int i = 0; i < count; i++) {
        digits[i] = (char) ('0' + context.random().nextInt(10));
      }
      return new String(digits);
    }
  }

  /** {@code {{now-1d/d:yyyy-MM-dd@Europe/Berlin}}}: a time relative to now, written so. */
  record Now(DateMath math, TimeFormat format, ZoneId zone) implements Placeholder {
    @Override
    public String value(RenderContext context) {
      return format.format(math.apply(context.now(), zone));
    }
  }

  /** {@code {{NAME}}}: a value the caller gives (a flow's extracted one). */
  record Variable(String name) implements Placeholder {
    @Override
    public String value(RenderContext context) {
      String value = context.variables().get(name);
      if (value == null) {
        throw new IllegalStateException("no value for {{" + name + "}}");
      }
      return value;
    }
  }
}
