package dev.tickr.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A client that posts a body in pieces with short pauses between them, as a client on a slow link
 * does, and then reads the answer's status line: to show that a server answering before the body is
 * in still lets the client read that answer.
 */
public final class TricklingClient {
  private TricklingClient() {}

  /**
   * POSTs {@code bodyLength} bytes to {@code path} on loopback {@code port} in {@code pieces}
   * pieces, {@code pauseMillis} apart; the status line of the answer.
   */
  public static String post(
      int port, String path, String contentType, int bodyLength, int pieces, long pauseMillis)
      throws IOException, InterruptedException {
    return post(port, path, contentType, "", bodyLength, pieces, pauseMillis);
  }

  /** As {@link #post(int, String, String, int, int, long)}, with more header lines. */
  public static String post(
      int port,
      String path,
      String contentType,
      String headerLines,
      int bodyLength,
      int pieces,
      long pauseMillis)
      throws IOException, InterruptedException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                  + contentType
                  + "\r\nContent-Length: "
                  + bodyLength
                  + "\r\n"
                  + headerLines
                  + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] piece = new byte[bodyLength / pieces + 1];
      Arrays.fill(piece, (byte) 'a');
      for (int sent = 0; sent < bodyLength; ) {
        Thread.sleep(pauseMillis);
        int n = Math.min(piece.length, bodyLength - sent);
        out.write(piece, 0, n);
        out.flush();
        sent += n;
      }
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
        line.write(b);
      }
      return line.toString(StandardCharsets.US_ASCII).strip();
    }
  }
}
