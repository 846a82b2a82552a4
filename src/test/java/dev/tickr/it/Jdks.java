package dev.tickr.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDKs installed on this machine, looked for where the {@code ./tickr} launcher looks (its
 * {@code find_jdk}): the {@code java} on the path, then {@code /usr/lib/jvm/*}, {@code
 * /usr/java/*}, {@code /opt/java/*}, {@code /opt/jdk*}, {@code /usr/local/jdk*}, SDKMAN's and
 * IntelliJ's directories and macOS's. The version is the {@code JAVA_VERSION} of the home's {@code
 * release} file; a home without one is left out.
 */
final class Jdks {
  private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?(?:1\\.)?(\\d+)");

  private Jdks() {}

  /** The JDK homes found whose feature version passes {@code major}, each once. */
  static List<Path> onThisMachine(IntPredicate major) {
    List<Path> found = new ArrayList<>();
    for (Path home : candidates()) {
      OptionalInt version = major(home);
      if (version.isPresent() && major.test(version.getAsInt())) {
        found.add(home);
      }
    }
    return found;
  }

  /** The feature version of the JDK at {@code home}, from its {@code release} file. */
  static OptionalInt major(Path home) {
    Path release = home.resolve("release");
    if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isRegularFile(release)) {
      return OptionalInt.empty();
    }
    try {
      Matcher m = VERSION.matcher(Files.readString(release));
      return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<Path> candidates() {
    Set<Path> homes = new LinkedHashSet<>();
    String path = System.getenv().getOrDefault("PATH", "");
    for (String entry : path.split(":")) {
      Path java = Path.of(entry.isEmpty() ? "." : entry, "java");
      if (Files.isExecutable(java)) {
        try {
          Path bin = java.toRealPath().getParent();
          if (bin != null && bin.getParent() != null) {
            homes.add(bin.getParent());
          }
        } catch (IOException e) {
          // a dangling link: not a JDK
        }
        break;
      }
    }
    String user = System.getProperty("user.home");
    addChildren(homes, Path.of("/usr/lib/jvm"), "*");
    addChildren(homes, Path.of("/usr/java"), "*");
    addChildren(homes, Path.of("/opt/java"), "*");
    addChildren(homes, Path.of("/opt"), "jdk*");
    addChildren(homes, Path.of("/usr/local"), "jdk*");
    addChildren(homes, Path.of(user, ".sdkman/candidates/java"), "*");
    addChildren(homes, Path.of(user, ".jdks"), "*");
    List<Path> mac = new ArrayList<>();
    addChildren(mac, Path.of("/Library/Java/JavaVirtualMachines"), "*");
    mac.forEach(m -> homes.add(m.resolve("Contents/Home")));
    return homes;
  }

  private static void addChildren(java.util.Collection<Path> into, Path dir, String glob) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, glob)) {
      for (Path child : children) {
        if (Files.isDirectory(child)) {
          into.add(child);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
