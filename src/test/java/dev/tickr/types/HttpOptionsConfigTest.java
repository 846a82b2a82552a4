package dev.tickr.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tickr.check.Deadline;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Observation;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.ConfigLoader;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.Problem;
import dev.tickr.testing.BuiltInTypes;
import dev.tickr.testing.TestCa;
import dev.tickr.testing.TestCertificates;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.testing.TestIdentity;
import dev.tickr.time.Ticker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An http monitor's connection options read through the real loader: each problem names its place,
 * a private CA given as a path or as PEM text is trusted by a real check, and {@code defaults:}
 * apply until a monitor overrides them.
 */
class HttpOptionsConfigTest {
  private static final TestCertificates CERTS = TestCertificates.create();
  private static final TestCa CA = CERTS.ca();
  private static final TestIdentity SERVER = CA.leaf("127.0.0.1", "localhost");
  private static final TestIdentity CLIENT = CA.leaf("tickr-client");
  private static final TestIdentity OTHER = CA.leaf("other-client");
  private static final ConfigLoader LOADER = BuiltInTypes.loader(Map.of());

  private final TestHttpServer server = TestHttpServer.tls(SERVER).text("/", 200, "ok");

  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void each_problem_names_its_place_and_quotes_no_password_or_key() throws Exception {
    Path cert = write("client.pem", CLIENT.chainPem());
    Path otherKey = write("other.key", OTHER.keyPem());
    Path encrypted =
        write(
            "encrypted.key",
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
    String yaml =
        """
        monitors:
          - name: bad size
            url: https://a.example.com
            max-body: lots
          - name: ftp proxy
            url: https://b.example.com
            proxy: ftp://user:proxy-pw-5d4c@egress:21
          - name: cert only
            url: https://c.example.com
            client-cert: %1$s
          - name: key only
            url: https://d.example.com
            client-key: %2$s
          - name: wrong key
            url: https://e.example.com
            client-cert: %1$s
            client-key: %2$s
          - name: encrypted key
            url: https://f.example.com
            client-cert: %1$s
            client-key: %3$s
          - name: missing ca
            url: https://g.example.com
            ca-cert: %4$s
        """
            .formatted(cert, otherKey, encrypted, dir.resolve("missing-ca.pem"));

    List<String> problems = problems(yaml);

    assertThat(problems)
        .containsExactly(
            "tickr.yml:4:15: max-body must be a size like 4096, 512KiB, 1MiB or 10MB, got \"lots\"",
            "tickr.yml:7:12: proxy must start with http:// or socks5://, like http://host:3128",
            "tickr.yml:10:18: client-cert needs client-key, its private key",
            "tickr.yml:13:17: client-key needs client-cert, its certificate",
            "tickr.yml:17:17: client-key does not match the client-cert: the certificate is for another key",
            "tickr.yml:21:17: client-key: "
                + encrypted
                + ": the private key is encrypted, which is not supported; decrypt it with"
                + " \"openssl pkcs8 -in KEY -out PLAIN\" and keep the file readable only by Tickr",
            "tickr.yml:24:14: ca-cert: no such file: " + dir.resolve("missing-ca.pem"));
    assertThat(String.join("\n", problems)).doesNotContain("proxy-pw-5d4c");
  }

  @Test
  void a_private_ca_as_a_path_or_as_pem_text_is_trusted_by_a_real_check() throws Exception {
    Path caFile = CA.writePem(dir.resolve("private-ca.pem"));
    Config config =
        LOADER.parse(
            "tickr.yml",
            """
            monitors:
              - name: by path
                url: %1$s
                ca-cert: %2$s
              - name: by text
                url: %1$s
                ca-cert: |
            %3$s
              - name: system trust only
                url: %1$s
            """
                .formatted(server.url("/"), caFile, indented(CA.pem(), 6)));

    assertThat(observe(config, "by path").status()).isEqualTo(200);
    assertThat(observe(config, "by text").status()).isEqualTo(200);
    assertThat(target(config, "by text").extraCas()).containsExactly(CA.certificate());
    Observation untrusted = observe(config, "system trust only");
    assertThat(untrusted.status()).isNull();
    assertThat(untrusted.failure()).as(untrusted.toString()).isNotNull();
  }

  @Test
  void options_in_defaults_apply_and_a_monitor_overrides_them() throws Exception {
    Config config =
        LOADER.parse(
            "tickr.yml",
            """
            defaults:
              follow-redirects: false
              max-body: 2KiB
              insecure: true
              proxy: http://egress.internal:3128
            monitors:
              - name: inherits
                url: https://a.example.com
              - name: overrides
                url: https://b.example.com
                follow-redirects: true
                max-body: 10MB
                insecure: false
                proxy: socks5://egress.internal:1080
            """);

    HttpTarget inherits = target(config, "inherits");
    assertThat(inherits.followRedirects()).isFalse();
    assertThat(inherits.maxBodyBytes()).isEqualTo(2048);
    assertThat(inherits.insecure()).isTrue();
    assertThat(inherits.proxy()).isNotNull();
    assertThat(String.valueOf(inherits.proxy())).contains("egress.internal").contains("3128");
    HttpTarget overrides = target(config, "overrides");
    assertThat(overrides.followRedirects()).isTrue();
    assertThat(overrides.maxBodyBytes()).isEqualTo(10_000_000);
    assertThat(overrides.insecure()).isFalse();
    assertThat(String.valueOf(overrides.proxy())).contains("1080");
  }

  private static String indented(String pem, int spaces) {
    return pem.strip()
        .lines()
        .map(l -> " ".repeat(spaces) + l)
        .reduce((a, b) -> a + "\n" + b)
        .orElseThrow();
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
  }

  private static List<String> problems(String yaml) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> LOADER.parse("tickr.yml", yaml));
    assertThat(e).as("the config must be rejected").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  private static MonitorSpec monitor(Config config, String name) {
    return config.monitors().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }

  private static HttpTarget target(Config config, String name) {
    return ((HttpType.Settings) monitor(config, name).settings()).target();
  }

  private static Observation observe(Config config, String name) {
    return BuiltInTypes.registry()
        .observe(monitor(config, name), Deadline.after(Duration.ofSeconds(20), Ticker.system()));
  }
}
