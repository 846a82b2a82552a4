package dev.tickr.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gatus's client options are written as Tickr's http keys once Tickr's http monitors take them, and
 * reported while they do not.
 */
class HttpOptionsTest {
  @TempDir Path dir;

  private static final String GATUS =
      """
      endpoints:
        - name: site
          url: https://example.org/
          client:
            insecure: true
            ignore-redirect: true
            proxy-url: http://proxy.internal:3128
            tls:
              certificate-file: /etc/tickr/client.pem
              private-key-file: /etc/tickr/client.key
          conditions: ["[STATUS] == 200"]
      """;

  @Test
  void client_options_become_http_keys_the_http_type_has() throws IOException, ImportException {
    Path file = Files.writeString(dir.resolve("config.yaml"), GATUS);
    Set<String> keys =
        Set.of("url", "insecure", "follow-redirects", "proxy", "client-cert", "client-key");

    Imported imported = new GatusImport(keys).read(file);

    assertThat(imported.yaml())
        .contains(
            "    insecure: true\n    follow-redirects: false\n"
                + "    proxy: \"http://proxy.internal:3128\"\n"
                + "    client-cert: \"/etc/tickr/client.pem\"\n    client-key: \"/etc/tickr/client.key\"\n");
    assertThat(imported.notCarried()).isEmpty();
  }

  @Test
  void client_options_the_http_type_lacks_are_reported() throws IOException, ImportException {
    Path file = Files.writeString(dir.resolve("config.yaml"), GATUS);

    Imported imported = new GatusImport(Set.of("url")).read(file);

    assertThat(imported.yaml()).doesNotContain("insecure").doesNotContain("proxy");
    assertThat(imported.notCarried())
        .containsExactly(
            "endpoints[0] site: insecure is not carried over: this Tickr has no such http key",
            "endpoints[0] site: follow-redirects is not carried over: this Tickr has no such http key",
            "endpoints[0] site: proxy is not carried over: this Tickr has no such http key",
            "endpoints[0] site: client-cert is not carried over: this Tickr has no such http key",
            "endpoints[0] site: client-key is not carried over: this Tickr has no such http key");
  }
}
