package dev.tickr.check.net;

import dev.tickr.check.HttpProxy;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.SocketFactory;

/**
 * Sockets that reach their address through a SOCKS5 proxy (RFC 1928), with username and password
 * (RFC 1929) when the proxy has them. The handshake is done here, on the socket, so that each
 * check's credentials stay its own: the JDK's SOCKS support takes them from a process-wide {@code
 * Authenticator}. The address is sent as the IP the check resolved (curl's {@code socks5://}).
 */
public final class Socks5SocketFactory extends SocketFactory {
  /** Looks up the proxy's own host name, within the check's deadline. */
  @FunctionalInterface
  public interface Lookup {
    List<InetAddress> lookup(String host) throws IOException;
  }

  private final HttpProxy proxy;
  private final Lookup lookup;

  public Socks5SocketFactory(HttpProxy proxy, Lookup lookup) {
    if (proxy.kind() != HttpProxy.Kind.SOCKS5) {
      throw new IllegalArgumentException("not a SOCKS5 proxy: " + proxy);
    }
    this.proxy = proxy;
    this.lookup = lookup;
  }

  @Override
  public Socket createSocket() {
    return new Socks5Socket();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket s = createSocket();
    s.connect(InetSocketAddress.createUnresolved(host, port));
    return s;
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return createSocket(host, port);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    Socket s = createSocket();
    s.connect(new InetSocketAddress(host, port));
    return s;
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return createSocket(address, port);
  }

  private final class Socks5Socket extends Socket {
    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      if (!(endpoint instanceof InetSocketAddress target)) {
        throw new IllegalArgumentException("not an internet address: " + endpoint);
      }
      List<InetAddress> addresses = lookup.lookup(proxy.host());
      if (addresses.isEmpty()) {
        throw new ProxyException("SOCKS5 proxy " + proxy + ": its host name does not resolve");
      }
      super.connect(new InetSocketAddress(addresses.get(0), proxy.port()), timeout);
      Socks5Handshake.connect(
          new DataInputStream(getInputStream()), getOutputStream(), proxy, target);
    }
  }

  /** The client's side of RFC 1928 and RFC 1929, on a socket already connected to the proxy. */
  static final class Socks5Handshake {
    private static final int VERSION = 5;
    private static final int NO_AUTH = 0;
    private static final int USER_PASSWORD = 2;
    private static final int NONE_ACCEPTED = 0xFF;

    private Socks5Handshake() {}

    static void connect(
        DataInputStream in, OutputStream out, HttpProxy proxy, InetSocketAddress target)
        throws IOException {
      boolean credentials = proxy.username() != null;
      out.write(
          credentials
              ? new byte[] {VERSION, 2, NO_AUTH, USER_PASSWORD}
              : new byte[] {VERSION, 1, NO_AUTH});
      out.flush();
      int version = in.readUnsignedByte();
      int method = in.readUnsignedByte();
      if (version != VERSION) {
        throw new ProxyException(
            "SOCKS5 proxy " + proxy + " answered as something else (version " + version + ")");
      }
      if (method == USER_PASSWORD && credentials) {
        login(in, out, proxy);
      } else if (method == NONE_ACCEPTED) {
        throw new ProxyException(
            "SOCKS5 proxy "
                + proxy
                + (credentials
                    ? " accepts neither no login nor a username and password"
                    : " requires a username and password"));
      } else if (method != NO_AUTH) {
        throw new ProxyException(
            "SOCKS5 proxy " + proxy + " chose an unsupported login method " + method);
      }
      request(in, out, proxy, target);
    }

    private static void login(DataInputStream in, OutputStream out, HttpProxy proxy)
        throws IOException {
      byte[] user = bytes(proxy.username());
      byte[] password = bytes(proxy.password());
      if (user.length > 255 || password.length > 255) {
        throw new ProxyException(
            "SOCKS5 proxy " + proxy + ": username and password must be at most 255 bytes each");
      }
      byte[] message = new byte[3 + user.length + password.length];
      message[0] = 1;
      message[1] = (byte) user.length;
      System.arraycopy(user, 0, message, 2, user.length);
      message[2 + user.length] = (byte) password.length;
      System.arraycopy(password, 0, message, 3 + user.length, password.length);
      out.write(message);
      out.flush();
      in.readUnsignedByte();
      if (in.readUnsignedByte() != 0) {
        throw new ProxyException("SOCKS5 proxy " + proxy + " refused the username and password");
      }
    }

    private static void request(
        DataInputStream in, OutputStream out, HttpProxy proxy, InetSocketAddress target)
        throws IOException {
      byte[] address;
      int type;
      if (target.isUnresolved()) {
        byte[] name = bytes(target.getHostString());
        address = new byte[1 + name.length];
        address[0] = (byte) name.length;
        System.arraycopy(name, 0, address, 1, name.length);
        type = 3;
      } else {
        address = target.getAddress().getAddress();
        type = address.length == 4 ? 1 : 4;
      }
      byte[] message = new byte[6 + address.length];
      message[0] = VERSION;
      message[1] = 1; // CONNECT
      message[3] = (byte) type;
      System.arraycopy(address, 0, message, 4, address.length);
      message[4 + address.length] = (byte) (target.getPort() >> 8);
      message[5 + address.length] = (byte) target.getPort();
      out.write(message);
      out.flush();
      in.readUnsignedByte();
      int reply = in.readUnsignedByte();
      if (reply != 0) {
        throw new ProxyException(
            "SOCKS5 proxy "
                + proxy
                + " could not connect to "
                + target.getHostString()
                + ":"
                + target.getPort()
                + ": "
                + reply(reply));
      }
      in.readUnsignedByte();
      int boundType = in.readUnsignedByte();
      int skip =
          switch (boundType) {
            case 1 -> 4;
            case 4 -> 16;
            case 3 -> in.readUnsignedByte();
            default ->
                throw new ProxyException(
                    "SOCKS5 proxy "
                        + proxy
                        + " answered with an unknown address type "
                        + boundType);
          };
      in.readFully(new byte[skip + 2]);
    }

    private static String reply(int code) {
      return switch (code) {
        case 1 -> "general failure";
        case 2 -> "not allowed by its rules";
        case 3 -> "network unreachable";
        case 4 -> "host unreachable";
        case 5 -> "connection refused";
        case 6 -> "TTL expired";
        case 7 -> "command not supported";
        case 8 -> "address type not supported";
        default -> "error " + code;
      };
    }

    private static byte[] bytes(@org.jspecify.annotations.Nullable String text) {
      return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }
  }
}
