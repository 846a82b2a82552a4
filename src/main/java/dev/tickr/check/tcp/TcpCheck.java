package dev.tickr.check.tcp;

import dev.tickr.check.Body;
import dev.tickr.check.Check;
import dev.tickr.check.Deadline;
import dev.tickr.check.Headers;
import dev.tickr.check.Observation;
import dev.tickr.check.TcpTarget;
import dev.tickr.check.Timings;
import dev.tickr.check.net.DeadlineResolver;
import dev.tickr.check.net.Dialer;
import dev.tickr.time.Ticker;
import java.io.IOException;
import java.net.Socket;
import java.util.List;

/**
 * Probes whether something accepts TCP connections on {@code host:port}: resolves the host,
 * connects within the deadline, and closes again without sending a byte. The observation says
 * whether it {@linkplain Observation#connected() connected}, to which address, and how long DNS and
 * the connect took; it carries no status, headers or body.
 */
public final class TcpCheck implements Check<TcpTarget> {
  private final Ticker ticker;
  private final Dialer dialer;

  /** Resolves with the system resolver. */
  public TcpCheck(Ticker ticker) {
    this(ticker, new Dialer(ticker, new DeadlineResolver()));
  }

  public TcpCheck(Ticker ticker, Dialer dialer) {
    this.ticker = ticker;
    this.dialer = dialer;
  }

  @Override
  public Observation observe(TcpTarget target, Deadline deadline) {
    long start = ticker.nanos();
    Dialer.Dial dial = dialer.dial(target.host(), target.port(), deadline);
    Socket socket = dial.socket();
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Connected is all that was asked; how the close went says nothing about the target.
      }
    }
    return new Observation(
        target.url(),
        dial.connected(),
        null,
        null,
        null,
        Headers.NONE,
        Body.EMPTY,
        new Timings(dial.dns(), dial.connect(), null, null, ticker.since(start)),
        null,
        dial.ip(),
        List.of(),
        dial.failure());
  }
}
