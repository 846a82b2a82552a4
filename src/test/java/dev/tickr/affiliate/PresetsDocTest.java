package dev.tickr.affiliate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.config.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The sections of {@code docs/presets.md} between its two markers are what {@link PresetDocs} makes
 * of the catalog, so the page never tells of a preset other than as it is. When they differ, the
 * page as it should be is written to {@code target/presets.md}, to copy over.
 */
class PresetsDocTest {
  private static final Path PAGE = Path.of("docs/presets.md");
  static final String BEGIN =
      "<!-- generated from the preset definitions by PresetsDocTest: edit those, not this -->";
  static final String END = "<!-- end of the generated presets -->";

  /** The page with its generated part made afresh from the catalog. */
  static String expected(String page) {
    int begin = page.indexOf(BEGIN);
    int end = page.indexOf(END);
    assertThat(begin).as("%s holds %s", PAGE, BEGIN).isNotNegative();
    assertThat(end).as("%s holds %s after the first marker", PAGE, END).isGreaterThan(begin);
    StringBuilder made = new StringBuilder();
    for (Preset preset : PlatformPresets.catalog().all()) {
      made.append('\n').append(PresetDocs.markdown(preset));
    }
    return page.substring(0, begin + BEGIN.length()) + "\n" + made + "\n" + page.substring(end);
  }

  @Test
  void the_page_tells_each_preset_as_the_catalog_defines_it() throws IOException {
    String page = Files.readString(PAGE);
    String expected = expected(page);
    if (!expected.equals(page)) {
      Path fresh = Path.of("target/presets.md");
      Files.createDirectories(fresh.getParent());
      Files.writeString(fresh, expected);
      throw new AssertionError(
          PAGE + " does not tell the presets as they are defined: cp " + fresh + " " + PAGE);
    }
    for (Preset preset : PlatformPresets.catalog().all()) {
      assertThat(page).contains("### `" + preset.name() + "`: " + preset.title());
    }
  }
}
