package dev.tickr.simulator.demo;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What the demo prints, one whole line (or block) at a time, each stamped with the time (UTC): the
 * script's incidents and every alert as Tickr sent it.
 */
public final class Terminal {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private final PrintWriter out;
  private final Clock clock;

  public Terminal(PrintWriter out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  /** A line of the script's. */
  public void say(String line) {
    synchronized (out) {
      out.println(TIME.format(clock.instant()) + "  " + line);
      out.flush();
    }
  }

  /** An alert: a headline, then the body as sent, indented. */
  void alert(String event, String monitor, String reason, String detail, String body) {
    StringBuilder head =
        new StringBuilder("ALERT ").append(event.toUpperCase(java.util.Locale.ROOT));
    head.append(' ').append(monitor);
    if (event.equals("up")) {
      head.append(reason.isEmpty() ? ": recovered" : ": recovered from " + reason);
    } else {
      if (!reason.isEmpty()) {
        head.append(" reason=").append(reason);
      }
      if (!detail.isEmpty()) {
        head.append(" (").append(detail).append(')');
      }
    }
    synchronized (out) {
      out.println(TIME.format(clock.instant()) + "  " + head);
      out.println("          webhook body: " + body);
      out.flush();
    }
  }
}
