package dev.tickr.affiliate;

import dev.tickr.config.Preset;
import dev.tickr.config.PresetReader;
import dev.tickr.config.Presets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform presets shipped with Tickr: one YAML resource per platform under {@code
 * dev/tickr/affiliate/presets/}, listed in its {@code index.txt}. Adding a platform is adding its
 * file and its line there; nothing else names a platform.
 */
public final class PlatformPresets {
  private static final String DIRECTORY = "presets/";

  private PlatformPresets() {}

  /** The catalog, read on first use. */
  public static Presets catalog() {
    return new Presets(PlatformPresets::read);
  }

  /** Every preset, in the index's order. */
  static List<Preset> read() {
    List<Preset> out = new ArrayList<>();
    for (String line : resource("index.txt").split("\n", -1)) {
      String name = line.strip();
      if (!name.isEmpty() && !name.startsWith("#")) {
        out.add(PresetReader.read(name, resource(name + ".yml")));
      }
    }
    return out;
  }

  private static String resource(String file) {
    try (InputStream in = PlatformPresets.class.getResourceAsStream(DIRECTORY + file)) {
      if (in == null) {
        throw new IllegalStateException("the preset resource " + file + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
