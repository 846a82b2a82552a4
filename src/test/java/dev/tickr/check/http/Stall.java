package dev.tickr.check.http;

import dev.tickr.check.HttpTarget;
import dev.tickr.check.Payload;
import dev.tickr.testing.MisbehavingServer;
import dev.tickr.testing.SlowServer;
import dev.tickr.testing.TestDnsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;

/**
 * Where an exchange can hang for ever, each with a loopback server that hangs it there and the
 * phrase a timeout in that phase reads with ({@code timeout after 1s while <phrase>}).
 */
enum Stall {
  /** The nameserver never answers. */
  RESOLVING("resolving DNS"),
  /** The server's accept queue is full: the kernel drops the SYN. */
  CONNECTING("connecting"),
  /** The server accepts and never answers the client's hello. */
  HANDSHAKING("in the TLS handshake"),
  /** The server never reads: a large request body fills every buffer on the way. */
  SENDING("sending the request"),
  /** The server reads the request and never answers. */
  WAITING("waiting for the response"),
  /**
   * The server sends its head one byte at a time, for ever. OkHttp reports the head only once all
   * of it has arrived, so this is still waiting for the response.
   */
  TRICKLING_HEAD("waiting for the response"),
  /** The server announces a large body and sends it one byte at a time. */
  TRICKLING_BODY("reading the body");

  private static final int UNREAD_BODY_BYTES = 32 * 1024 * 1024;

  final String phrase;

  Stall(String phrase) {
    this.phrase = phrase;
  }

  /** A check, a target and the server that hangs it in this phase, until closed. */
  record Stalled(HttpCheck check, HttpTarget target, AutoCloseable server)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        server.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop " + server, e);
      }
    }
  }

  Stalled open(HttpCheck check) {
    return switch (this) {
      case RESOLVING -> {
        TestDnsServer dns = TestDnsServer.silent();
        yield new Stalled(Probe.asking(dns), get("http://api.tickr.test/"), dns);
      }
      case CONNECTING -> {
        SlowServer held = SlowServer.heldBacklog();
        yield new Stalled(check, Probe.get(held.url("/")), held);
      }
      case HANDSHAKING -> {
        MisbehavingServer silent = MisbehavingServer.acceptsAndNeverAnswers();
        yield new Stalled(check, get("https://127.0.0.1:" + silent.port() + "/"), silent);
      }
      case SENDING -> {
        ServerSocket neverAccepts = neverAccepting();
        HttpTarget post =
            new HttpTarget(
                URI.create("http://127.0.0.1:" + neverAccepts.getLocalPort() + "/upload"),
                "POST",
                List.of(),
                Payload.of(new byte[UNREAD_BODY_BYTES]),
                true,
                HttpTarget.DEFAULT_MAX_BODY,
                false,
                List.of());
        yield new Stalled(check, post, neverAccepts);
      }
      case WAITING -> misbehaving(check, MisbehavingServer.acceptsAndNeverAnswers());
      case TRICKLING_HEAD -> misbehaving(check, MisbehavingServer.trickleHeaders());
      case TRICKLING_BODY -> misbehaving(check, MisbehavingServer.tricklesBodyForever());
    };
  }

  private static Stalled misbehaving(HttpCheck check, MisbehavingServer server) {
    return new Stalled(check, Probe.get(server.url("/")), server);
  }

  private static HttpTarget get(String url) {
    return Probe.get(URI.create(url));
  }

  /** Connections to it complete in the kernel, and nothing ever reads what they send. */
  private static ServerSocket neverAccepting() {
    try {
      return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback port", e);
    }
  }
}
