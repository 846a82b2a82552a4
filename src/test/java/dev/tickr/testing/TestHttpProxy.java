package dev.tickr.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP proxy on loopback: {@code CONNECT host:port} opens a tunnel, a request for a full {@code
 * http://} URL is passed on. With credentials it answers 407 to a request without the right {@code
 * Proxy-Authorization: Basic}, and it never passes that header on to the server.
 */
public final class TestHttpProxy extends LoopbackProxy {
  private TestHttpProxy(@Nullable String user, @Nullable String password) {
    super(user, password);
  }

  public static TestHttpProxy open() {
    return started(new TestHttpProxy(null, null));
  }

  public static TestHttpProxy requiring(String user, String password) {
    return started(new TestHttpProxy(user, password));
  }

  private static TestHttpProxy started(TestHttpProxy proxy) {
    proxy.start();
    return proxy;
  }

  /** {@code http://127.0.0.1:PORT}, or with {@code user:password@} in it. */
  public String url(@Nullable String credentials) {
    return "http://" + (credentials == null ? "" : credentials + "@") + "127.0.0.1:" + port();
  }

  @Override
  protected void serve(Socket client) throws IOException {
    InputStream in = client.getInputStream();
    OutputStream out = client.getOutputStream();
    List<String> head = head(in);
    if (head.isEmpty()) {
      return;
    }
    String[] line = head.get(0).split(" ");
    record(line[0] + " " + line[1]);
    String offered = null;
    List<String> passedOn = new ArrayList<>();
    for (String h : head.subList(1, head.size())) {
      if (h.toLowerCase(Locale.ROOT).startsWith("proxy-authorization:")) {
        offered = h.substring(h.indexOf(':') + 1).trim();
      } else if (!h.toLowerCase(Locale.ROOT).startsWith("proxy-connection:")) {
        passedOn.add(h);
      }
    }
    String[] credentials = decode(offered);
    if (credentials != null) {
      login(credentials[0] + ":" + credentials[1]);
    }
    if (!accepts(
        credentials == null ? null : credentials[0], credentials == null ? null : credentials[1])) {
      write(
          out,
          "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic"
              + " realm=\"test\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      return;
    }
    if (line[0].equals("CONNECT")) {
      int colon = line[1].lastIndexOf(':');
      Socket upstream =
          open(line[1].substring(0, colon), Integer.parseInt(line[1].substring(colon + 1)));
      write(out, "HTTP/1.1 200 Connection established\r\n\r\n");
      relay(client, upstream);
      return;
    }
    URI target = URI.create(line[1]);
    Socket upstream = open(target.getHost(), target.getPort());
    StringBuilder request =
        new StringBuilder(line[0] + " " + target.getRawPath() + " " + line[2] + "\r\n");
    for (String h : passedOn) {
      request.append(h).append("\r\n");
    }
    write(upstream.getOutputStream(), request.append("\r\n").toString());
    relay(client, upstream);
  }

  private static String @Nullable [] decode(@Nullable String authorization) {
    if (authorization == null || !authorization.startsWith("Basic ")) {
      return null;
    }
    String plain =
        new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
    int colon = plain.indexOf(':');
    return new String[] {plain.substring(0, colon), plain.substring(colon + 1)};
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** The request line and header lines, read byte by byte up to the empty line. */
  private static List<String> head(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
        if (text.isEmpty()) {
          return lines;
        }
        lines.add(text);
        line.reset();
      } else {
        line.write(b);
      }
    }
    return lines;
  }
}
