package dev.tickr.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A SOCKS5 proxy on loopback (RFC 1928, CONNECT only), with username and password (RFC 1929) when
 * made {@link #requiring} them; it records each {@code CONNECT host:port} it carried out.
 */
public final class TestSocks5Proxy extends LoopbackProxy {
  private TestSocks5Proxy(@Nullable String user, @Nullable String password) {
    super(user, password);
  }

  public static TestSocks5Proxy open() {
    return started(new TestSocks5Proxy(null, null));
  }

  public static TestSocks5Proxy requiring(String user, String password) {
    return started(new TestSocks5Proxy(user, password));
  }

  private static TestSocks5Proxy started(TestSocks5Proxy proxy) {
    proxy.start();
    return proxy;
  }

  /** {@code socks5://127.0.0.1:PORT}, or with {@code user:password@} in it. */
  public String url(@Nullable String credentials) {
    return "socks5://" + (credentials == null ? "" : credentials + "@") + "127.0.0.1:" + port();
  }

  @Override
  protected void serve(Socket client) throws IOException {
    DataInputStream in = new DataInputStream(client.getInputStream());
    OutputStream out = client.getOutputStream();
    if (in.readUnsignedByte() != 5) {
      return;
    }
    byte[] methods = new byte[in.readUnsignedByte()];
    in.readFully(methods);
    int wanted = user == null ? 0 : 2;
    boolean offered = false;
    for (byte m : methods) {
      offered |= m == wanted;
    }
    out.write(new byte[] {5, (byte) (offered ? wanted : 0xFF)});
    out.flush();
    if (!offered) {
      return;
    }
    if (wanted == 2) {
      in.readUnsignedByte();
      String u = text(in);
      String p = text(in);
      login(u + ":" + p);
      boolean ok = accepts(u, p);
      out.write(new byte[] {1, (byte) (ok ? 0 : 1)});
      out.flush();
      if (!ok) {
        return;
      }
    }
    in.readUnsignedByte();
    in.readUnsignedByte(); // CONNECT
    in.readUnsignedByte();
    String host =
        switch (in.readUnsignedByte()) {
          case 1 -> address(in, 4);
          case 4 -> address(in, 16);
          default -> text(in);
        };
    int port = in.readUnsignedShort();
    record("CONNECT " + host + ":" + port);
    Socket upstream;
    try {
      upstream = open(host, port);
    } catch (IOException refused) {
      out.write(new byte[] {5, 5, 0, 1, 0, 0, 0, 0, 0, 0});
      out.flush();
      return;
    }
    out.write(new byte[] {5, 0, 0, 1, 0, 0, 0, 0, 0, 0});
    out.flush();
    relay(client, upstream);
  }

  private static String address(DataInputStream in, int length) throws IOException {
    byte[] raw = new byte[length];
    in.readFully(raw);
    return InetAddress.getByAddress(raw).getHostAddress();
  }

  private static String text(DataInputStream in) throws IOException {
    byte[] raw = new byte[in.readUnsignedByte()];
    in.readFully(raw);
    return new String(raw, StandardCharsets.UTF_8);
  }
}
