package dev.tickr.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A preset key's default built from other keys: {@code https://((network)).api.example}. */
class PresetBuiltDefaultTest {
  private static String definition(String baseUrlDefault) {
    return """
        title: Example
        summary: an example
        keys:
          network:
            description: the network id
            required: true
          region:
            description: the region
            default: eu
          base-url:
            description: where the API is
            default: "%s"
        endpoints:
          status:
            description: the status
            monitor:
              url: "((base-url))/status"
        """
        .formatted(baseUrlDefault);
  }

  @Test
  void a_default_may_use_other_keys() {
    Preset preset = PresetReader.read("example", definition("https://((network)).((region)).api"));
    assertThat(preset.key("base-url")).isNotNull();
  }

  @Test
  void a_default_naming_an_undeclared_key_or_itself_is_refused() {
    assertThatThrownBy(() -> PresetReader.read("example", definition("https://((nope)).api")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the default of base-url uses ((nope)), not another key");
    assertThatThrownBy(() -> PresetReader.read("example", definition("((base-url))/x")))
        .hasMessageContaining("the default of base-url uses ((base-url)), not another key");
  }
}
