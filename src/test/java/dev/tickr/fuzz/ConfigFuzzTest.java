package dev.tickr.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tickr.alert.channel.Notifiers;
import dev.tickr.config.ConfigException;
import dev.tickr.config.ConfigLoader;
import dev.tickr.config.Problem;
import dev.tickr.testing.BuiltInTypes;
import java.util.Map;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The YAML config loader on any text: a config or a {@link ConfigException} whose problems each
 * name {@code tickr.yml:line:col}, nothing else, and never the value of an environment secret.
 */
@Isolated // while it runs, Jazzer's bug detectors hook every thread: no other test may run
class ConfigFuzzTest {
  private static final ConfigLoader LOADER =
      BuiltInTypes.loader(Map.of("TOKEN", Fuzz.SECRET, "HOST", "api.example.test"))
          .checkingChannels(Notifiers::validate);

  @FuzzTest(maxDuration = "5m")
  void parse(byte[] input) {
    String yaml = Fuzz.text(input);
    try {
      LOADER.parse("tickr.yml", yaml);
    } catch (ConfigException e) {
      assertThat(e.problems()).isNotEmpty();
      for (Problem p : e.problems()) {
        assertThat(p.file()).isEqualTo("tickr.yml");
        assertThat(p.line()).isPositive();
        assertThat(p.column()).isPositive();
        assertThat(p.message()).isNotBlank();
      }
      Fuzz.assertNoSecret(yaml, e.getMessage());
    }
  }
}
