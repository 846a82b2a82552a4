package dev.tickr.store;

import dev.tickr.check.Reason;
import dev.tickr.incident.Evidence;
import dev.tickr.incident.Incident;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The process {@link CrashSafetyTest} kills: appends results at a steady rate and saves an incident
 * now and then, telling its parent on stdout: {@code ready}, {@code at N} (N results appended so
 * far) and {@code saved ID} (an incident whose save returned). It never closes the store.
 */
public final class CrashChild {
  static final int PER_SECOND = 5_000;
  private static final int PER_TICK = PER_SECOND / 100;

  private CrashChild() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    Clock clock = Clock.systemUTC();
    SqliteStore store = SqliteStore.open(Path.of(args[0]), Retention.defaults(), clock);
    out.println("ready");
    out.flush();
    long appended = 0;
    long next = System.nanoTime();
    while (true) {
      for (int i = 0; i < PER_TICK; i++) {
        store.append(Records.ok("crash", clock.instant(), 1 + appended % 300));
        appended++;
      }
      out.println("at " + appended);
      if (appended % (PER_TICK * 40) == 0) {
        long id = store.nextIncidentId();
        store.saveIncident(
            new Incident(id, "crash", clock.instant(), null, Reason.TIMEOUT, "x", Evidence.NONE));
        out.println("saved " + id);
      }
      out.flush();
      next += TimeUnit.MILLISECONDS.toNanos(10);
      LockSupport.parkNanos(next - System.nanoTime());
    }
  }
}
