package dev.tickr.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * A webhook receiver on loopback that behaves like many small real ones (Python's {@code
 * http.server}, for one): HTTP/1.1 with keep-alive, and each answer written in two writes, the head
 * and then the body, on a socket with Nagle's algorithm on (the default). Its own work takes well
 * under a millisecond, yet a client that reuses the connection waits about 40 ms for every answer:
 * the body's small segment waits for the ACK of the head's, and the client delays that ACK. This is
 * the receiver of issue 21's measurement (≈45 ms per notification); {@link
 * dev.tickr.testing.TestHttpServer} answers in one write and shows none of it.
 */
final class SplitWriteReceiver implements AutoCloseable {
  /** What the receiver does with a request's body. */
  interface Handler {
    void take(String body);
  }

  private final String path;

  private final ServerSocket server;
  private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
  private final Handler handler;

  /** Hands {@code handler} the body of every request to {@code path}; answers every request 200. */
  SplitWriteReceiver(String path, Handler handler) throws IOException {
    this.path = path;
    this.handler = handler;
    this.server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::accept);
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        connections.execute(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket;
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream()) {
      while (true) {
        String line = line(in);
        if (line == null || line.isEmpty()) {
          return;
        }
        int length = 0;
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
          if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
            length = Integer.parseInt(h.substring(15).strip());
          }
        }
        byte[] body = in.readNBytes(length);
        String[] parts = line.split(" ", 3);
        if (parts.length > 1 && parts[1].equals(path)) {
          handler.take(new String(body, StandardCharsets.UTF_8));
        }
        out.write(
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        out.write("ok".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    } catch (IOException | RuntimeException e) {
      // the client went away
    }
  }

  private static @Nullable String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c != -1; c = in.read()) {
      if (c == '\n') {
        int end = b.length();
        return end > 0 && b.charAt(end - 1) == '\r' ? b.substring(0, end - 1) : b.toString();
      }
      b.append((char) c);
    }
    return b.isEmpty() ? null : b.toString();
  }

  @Override
  public void close() throws IOException {
    server.close();
    connections.shutdownNow();
  }
}
