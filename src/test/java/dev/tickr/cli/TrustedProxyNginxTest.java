package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.RequiredTool;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real nginx in front of {@code tickr run} on loopback, connecting to it from 127.0.0.2, the only
 * trusted proxy. Clients behind it (127.0.0.3, 127.0.0.4) are throttled each by its own address; a
 * client at 127.0.0.1 that talks to Tickr directly and forges {@code X-Forwarded-For} and {@code
 * X-Forwarded-Proto} is not believed.
 */
class TrustedProxyNginxTest {
  private static final Path NGINX = Path.of("/usr/sbin/nginx");
  private static final String ADMIN = "tp-admin-password-91";
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @TempDir Path dir;

  @Test
  void
      behind_nginx_each_client_is_throttled_by_its_own_address_and_forged_headers_are_not_believed()
          throws Exception {
    RequiredTool.requireExecutables("nginx", "apt-get install nginx-light", NGINX);
    Path config =
        Files.writeString(
            dir.resolve("tickr.yml"),
            "server: {trusted-proxies: [\"127.0.0.2/32\"]}\nmonitors: []\n");
    CliRunner cli = new CliRunner(Map.of("TICKR_ADMIN_PASSWORD", ADMIN));
    try (RunningDaemon tickr = cli.start(config, dir.resolve("data"));
        Nginx nginx = Nginx.start(dir.resolve("nginx"), tickr.port())) {
      URI proxied = URI.create("http://127.0.0.1:" + nginx.port());
      URI direct = URI.create("http://127.0.0.1:" + tickr.port());

      // Through the proxy: the cookies are Secure, since the proxy says the client used HTTPS.
      Attempt first = attempt(client("127.0.0.3"), proxied, null);
      assertThat(first.status()).isEqualTo(401);
      assertThat(first.cookie()).startsWith("__Secure-tickr_login_csrf=").contains("; Secure");
      for (int i = 2; i <= 5; i++) {
        assertThat(attempt(client("127.0.0.3"), proxied, null).status())
            .as("try " + i)
            .isEqualTo(401);
      }
      assertThat(attempt(client("127.0.0.3"), proxied, null).status())
          .as("the sixth try from 127.0.0.3")
          .isEqualTo(429);
      assertThat(attempt(client("127.0.0.4"), proxied, null).status())
          .as("another client behind the same proxy")
          .isEqualTo(401);

      // Straight to Tickr from an address that is not a trusted proxy: the headers are ignored.
      Attempt forged = attempt(client("127.0.0.1"), direct, "198.51.100.1");
      assertThat(forged.status()).isEqualTo(401);
      assertThat(forged.cookie()).startsWith("tickr_login_csrf=").doesNotContain("Secure");
      for (int i = 2; i <= 5; i++) {
        assertThat(attempt(client("127.0.0.1"), direct, "198.51.100." + i).status()).isEqualTo(401);
      }
      assertThat(attempt(client("127.0.0.1"), direct, "198.51.100.99").status())
          .as("a new forged X-Forwarded-For does not escape the throttle")
          .isEqualTo(429);
      assertThat(attempt(client("127.0.0.4"), proxied, null).status())
          .as("nor did the forger's tries count against a client behind the proxy")
          .isEqualTo(401);
    }
  }

  @Test
  void a_trusted_proxy_that_is_not_an_address_or_cidr_is_named_by_file_line_and_column()
      throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("tickr.yml"),
            "server:\n  trusted-proxies: [\"10.0.0.0/8\", \"10.0.0.0/33\", proxy.example]\n");
    CliRunner.Run run = new CliRunner().run("validate", "-c", config.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out() + run.err())
        .contains(
            config
                + ":2:35: trusted-proxies: the prefix length after / must be 0 to 32 for an address like"
                + " 10.0.0.0, got \"10.0.0.0/33\"")
        .contains(config + ":2:50: trusted-proxies: each item must be an address or CIDR");
  }

  private record Attempt(int status, String cookie) {}

  private static HttpClient client(String from) throws IOException {
    return HttpClient.newBuilder()
        .localAddress(InetAddress.getByName(from))
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** Gets the login form, then posts a wrong password with its token. */
  private static Attempt attempt(
      HttpClient client, URI base, @org.jspecify.annotations.Nullable String forgedFor)
      throws Exception {
    HttpRequest.Builder get =
        HttpRequest.newBuilder(base.resolve("/login")).timeout(Duration.ofSeconds(10));
    if (forgedFor != null) {
      get.header("X-Forwarded-For", forgedFor).header("X-Forwarded-Proto", "https");
    }
    HttpResponse<String> form = client.send(get.build(), HttpResponse.BodyHandlers.ofString());
    String cookie =
        form.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.contains("login_csrf="))
            .findFirst()
            .orElseThrow();
    Matcher token = CSRF.matcher(form.body());
    assertThat(token.find()).as(form.body()).isTrue();
    HttpRequest.Builder post =
        HttpRequest.newBuilder(base.resolve("/login"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "username=admin&password=wrong&next=%2F&csrf=" + token.group(1)));
    if (forgedFor != null) {
      post.header("X-Forwarded-For", forgedFor).header("X-Forwarded-Proto", "https");
    }
    HttpResponse<String> answer = client.send(post.build(), HttpResponse.BodyHandlers.ofString());
    return new Attempt(answer.statusCode(), cookie);
  }

  /** nginx in the foreground, one process, its files in {@code dir}, proxying to Tickr. */
  private record Nginx(Process process, int port) implements AutoCloseable {
    static Nginx start(Path dir, int tickrPort) throws Exception {
      Files.createDirectories(dir.resolve("tmp"));
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
      String conf =
          """
          daemon off;
          master_process off;
          worker_processes 1;
          pid %1$s/nginx.pid;
          events { worker_connections 64; }
          http {
            access_log off;
            client_body_temp_path %1$s/tmp;
            proxy_temp_path %1$s/tmp;
            fastcgi_temp_path %1$s/tmp;
            uwsgi_temp_path %1$s/tmp;
            scgi_temp_path %1$s/tmp;
            server {
              listen 127.0.0.1:%2$d;
              location / {
                proxy_pass http://127.0.0.1:%3$d;
                proxy_bind 127.0.0.2;
                proxy_set_header Host $host;
                proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                proxy_set_header X-Forwarded-Proto https;
              }
            }
          }
          """
              .formatted(dir, port, tickrPort);
      Path file = Files.writeString(dir.resolve("nginx.conf"), conf);
      Process p =
          new ProcessBuilder(
                  NGINX.toString(),
                  "-p",
                  dir.toString(),
                  "-c",
                  file.toString(),
                  "-e",
                  dir.resolve("error.log").toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("out.log").toFile())
              .start();
      Nginx nginx = new Nginx(p, port);
      try {
        eventually(
            Duration.ofSeconds(20), () -> listening(port) || !p.isAlive(), "nginx listening");
        assertThat(p.isAlive()).as(Files.readString(dir.resolve("out.log"))).isTrue();
      } catch (RuntimeException | Error | InterruptedException e) {
        nginx.close();
        throw e;
      }
      return nginx;
    }

    private static boolean listening(int port) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return s.isConnected();
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
