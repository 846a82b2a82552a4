package dev.tickr.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The {@code connectivity:} guard: canaries that tell whether Tickr's own network link works. Off
 * ({@link #OFF}, no canaries) unless the config names some.
 *
 * @param canaries what is probed each round: a TCP connection ({@code host:port}) or an HTTP(S)
 *     request (any answer counts, whatever its status)
 * @param interval how often a round runs besides the rounds failing checks ask for
 * @param timeout how long each canary of a round may take
 */
public record ConnectivitySpec(List<Canary> canaries, Duration interval, Duration timeout) {
  /** One canary: any answer to it says the link works. */
  public sealed interface Canary {
    /** An HTTP(S) GET: any status counts, a redirect is not followed. */
    record Http(URI url) implements Canary {}

    /** A TCP connection to {@code host:port}. */
    record Tcp(String host, int port) implements Canary {}
  }

  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(5);
  public static final Duration MIN_TIMEOUT = Duration.ofMillis(100);

  public static final ConnectivitySpec OFF =
      new ConnectivitySpec(List.of(), DEFAULT_INTERVAL, DEFAULT_TIMEOUT);

  public ConnectivitySpec {
    canaries = List.copyOf(canaries);
  }

  public boolean enabled() {
    return !canaries.isEmpty();
  }
}
