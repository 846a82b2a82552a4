package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.TestCa;
import dev.tickr.testing.TestCertificates;
import dev.tickr.testing.TestHttpProxy;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.testing.TestIdentity;
import dev.tickr.testing.TestSocks5Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickr check --proxy} (HTTP and SOCKS5, its URL from the environment) and {@code
 * --client-cert}/{@code --client-key} against a mutual-TLS server; bad values are usage errors
 * naming the flag, and no password or key is printed.
 */
class CheckConnectionFlagsTest {
  private static final String PASSWORD = "cli-proxy-password-2b3c4d5e";
  private static final TestCertificates CERTS = TestCertificates.create();
  private static final TestCa CA = CERTS.ca();
  private static final TestIdentity CLIENT = CA.leaf("tickr-client");

  private final TestHttpServer server = TestHttpServer.plain().text("/hello", 200, "hello");

  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  private static CliRunner cli(String proxyUrl) {
    return new CliRunner(Map.of("PROXY_URL", proxyUrl, "CLIENT_KEY", CLIENT.keyPem()));
  }

  @Test
  void goes_through_an_http_proxy_given_as_env_name() {
    try (TestHttpProxy proxy = TestHttpProxy.requiring("egress", PASSWORD)) {
      CliRunner.Run run =
          cli(proxy.url("egress:" + PASSWORD))
              .run("check", server.url("/hello").toString(), "--proxy", "env:PROXY_URL");

      assertThat(run.exitCode()).as(run.all()).isZero();
      assertThat(proxy.passed()).isNotEmpty().containsOnly("GET " + server.url("/hello"));
      assertThat(proxy.logins()).contains("egress:" + PASSWORD);
      assertThat(server.requests()).hasSize(1);
      assertThat(run.all()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void goes_through_a_socks5_proxy_given_as_env_name() {
    try (TestSocks5Proxy proxy = TestSocks5Proxy.requiring("egress", PASSWORD)) {
      CliRunner.Run run =
          cli(proxy.url("egress:" + PASSWORD))
              .run("check", server.url("/hello").toString(), "--proxy", "env:PROXY_URL");

      assertThat(run.exitCode()).as(run.all()).isZero();
      assertThat(proxy.passed()).hasSize(1);
      assertThat(proxy.logins()).containsExactly("egress:" + PASSWORD);
      assertThat(server.requests()).hasSize(1);
      assertThat(run.all()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void presents_the_client_certificate_to_a_mutual_tls_server() throws Exception {
    Path cert = Files.writeString(dir.resolve("client.pem"), CLIENT.chainPem());
    Path ca = CA.writePem(dir.resolve("ca.pem"));
    try (TestHttpServer mutual =
        TestHttpServer.tlsRequiringClientCertificate(CA.leaf("127.0.0.1"), CA.certificate())
            .text("/mtls", 200, "hello client")) {
      String url = mutual.url("/mtls").toString();
      CliRunner cli = cli("unused");

      CliRunner.Run without = cli.run("check", url, "--ca-cert", ca.toString());
      CliRunner.Run with =
          cli.run(
              "check",
              url,
              "--ca-cert",
              ca.toString(),
              "--client-cert",
              cert.toString(),
              "--client-key",
              "env:CLIENT_KEY");

      assertThat(without.exitCode()).as(without.all()).isEqualTo(1);
      assertThat(with.exitCode()).as(with.all()).isZero();
      assertThat(with.all() + without.all()).doesNotContain(keyLine());
    }
  }

  @Test
  void bad_values_are_usage_errors_naming_the_flag() throws Exception {
    Path cert = Files.writeString(dir.resolve("client.pem"), CLIENT.chainPem());
    Path notPem = Files.writeString(dir.resolve("key.txt"), "not a key", StandardCharsets.US_ASCII);
    String url = server.url("/hello").toString();
    CliRunner cli = cli("ftp://egress:" + PASSWORD + "@127.0.0.1:21");

    CliRunner.Run scheme = cli.run("check", url, "--proxy", "env:PROXY_URL");
    CliRunner.Run alone = cli.run("check", url, "--client-cert", cert.toString());
    CliRunner.Run badKey =
        cli.run("check", url, "--client-cert", cert.toString(), "--client-key", notPem.toString());

    assertThat(scheme.exitCode()).isEqualTo(2);
    assertThat(scheme.err()).contains("--proxy: must start with http:// or socks5://");
    assertThat(scheme.all()).doesNotContain(PASSWORD);
    assertThat(alone.exitCode()).isEqualTo(2);
    assertThat(alone.err()).contains("--client-cert and --client-key go together");
    assertThat(badKey.exitCode()).isEqualTo(2);
    assertThat(badKey.err()).contains("--client-key: no private key found");
    assertThat(server.requests()).isEmpty();
  }

  private static String keyLine() {
    return CLIENT.keyPem().lines().skip(1).findFirst().orElseThrow();
  }
}
