package dev.tickr.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.RequiredTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package of a release, unpacked with {@code dpkg-deb} into a scratch root as dpkg would
 * lay it out (nothing is installed on this machine): its files and their modes, the conffile, the
 * systemd unit's settings and what its postinst does, run against that root with stand-ins for the
 * commands that would change this machine (adduser, chown, systemd's helpers).
 */
class ReleaseDebianIT {
  private static final Path DPKG_DEB = Path.of("/usr/bin/dpkg-deb");

  @TempDir Path scratch;

  @BeforeAll
  static void dpkgDeb() {
    RequiredTool.requireExecutables("dpkg-deb", "apt-get install dpkg", DPKG_DEB);
  }

  private static Path deb() {
    return ReleaseFiles.one("_amd64.deb");
  }

  @Test
  void names_the_package_its_version_and_what_it_needs() throws Exception {
    String fields = ReleaseFiles.run(scratch, DPKG_DEB.toString(), "-f", deb().toString());
    assertThat(fields)
        .contains("Package: tickr\n")
        .contains("Version: " + ReleaseFiles.VERSION.replace('-', '~') + "-1\n")
        .contains("Architecture: amd64\n")
        .contains("Depends: adduser\n")
        .containsPattern("Installed-Size: \\d{5,}\n");
  }

  @Test
  void installs_the_program_its_config_as_a_conffile_an_owner_only_data_directory_and_the_unit()
      throws Exception {
    // As listed in the archive: modes and owners exactly as dpkg will set them.
    String listing = ReleaseFiles.run(scratch, DPKG_DEB.toString(), "-c", deb().toString());
    Map<String, String> modes = new LinkedHashMap<>();
    for (String line : listing.split("\n")) {
      String[] f = line.trim().split("\\s+");
      modes.put(f[5], f[0] + " " + f[1]);
    }
    assertThat(modes)
        .containsEntry("./var/lib/tickr/", "drwx------ root/root")
        .containsEntry("./etc/tickr/tickr.yml", "-rw-r--r-- root/root")
        .containsEntry("./usr/lib/systemd/system/tickr.service", "-rw-r--r-- root/root")
        .containsEntry("./usr/lib/tickr/bin/tickr", "-rwxr-xr-x root/root")
        .containsEntry("./usr/lib/tickr/runtime/bin/java", "-rwxr-xr-x root/root")
        .containsEntry("./usr/lib/tickr/lib/tickr.jar", "-rw-r--r-- root/root")
        .containsEntry("./usr/lib/tickr/lib/tickr.aot", "-rw-r--r-- root/root")
        .containsKey("./usr/share/doc/tickr/copyright");
    assertThat(listing).contains("./usr/bin/tickr -> ../lib/tickr/bin/tickr");

    Path control = scratch.resolve("DEBIAN");
    ReleaseFiles.run(scratch, DPKG_DEB.toString(), "-e", deb().toString(), control.toString());
    assertThat(Files.readAllLines(control.resolve("conffiles")))
        .containsExactly("/etc/tickr/tickr.yml");
    for (String script : List.of("postinst", "prerm", "postrm")) {
      assertThat(Files.getPosixFilePermissions(control.resolve(script)))
          .as(script)
          .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void runs_as_the_tickr_user_restarts_on_failure_and_is_hardened() throws Exception {
    Path root = scratch.resolve("root");
    ReleaseFiles.run(scratch, DPKG_DEB.toString(), "-x", deb().toString(), root.toString());
    Map<String, List<String>> unit =
        unitKeys(Files.readString(root.resolve("usr/lib/systemd/system/tickr.service")));
    assertThat(unit.get("Type")).containsExactly("simple");
    assertThat(unit.get("User")).containsExactly("tickr");
    assertThat(unit.get("ExecStart")).containsExactly("/usr/bin/tickr run");
    assertThat(unit.get("Restart")).containsExactly("on-failure");
    assertThat(unit.get("Environment"))
        .containsExactly(
            "TICKR_CONFIG=/etc/tickr/tickr.yml",
            "TICKR_DATA=/var/lib/tickr",
            "TICKR_LISTEN=127.0.0.1:8080");
    assertThat(unit.get("ProtectSystem")).containsExactly("strict");
    assertThat(unit.get("NoNewPrivileges")).containsExactly("yes");
    assertThat(unit.get("PrivateTmp")).containsExactly("yes");
    assertThat(unit.get("ProtectHome")).containsExactly("yes");
    assertThat(unit.get("ReadWritePaths")).containsExactly("/var/lib/tickr");
    assertThat(unit.get("StateDirectoryMode")).containsExactly("0700");
    assertThat(unit.get("CapabilityBoundingSet")).containsExactly("");
    assertThat(unit.get("WantedBy")).containsExactly("multi-user.target");
    // What ExecStart names is there, and a link to the packaged program.
    assertThat(root.resolve("usr/bin/tickr").toRealPath())
        .isEqualTo(root.resolve("usr/lib/tickr/bin/tickr").toRealPath());
  }

  @Test
  void postinst_creates_the_user_once_and_gives_it_the_data_directory() throws Exception {
    Path root = scratch.resolve("root");
    ReleaseFiles.run(scratch, DPKG_DEB.toString(), "-x", deb().toString(), root.toString());
    Path control = scratch.resolve("DEBIAN");
    ReleaseFiles.run(scratch, DPKG_DEB.toString(), "-e", deb().toString(), control.toString());
    Path calls = scratch.resolve("calls.txt");
    Path stubs = Files.createDirectories(scratch.resolve("stubs"));
    Path known = scratch.resolve("user-exists");
    // getent finds the user once adduser has made it; every stand-in notes how it was called.
    stub(stubs, "getent", calls, "[ -f " + known + " ]");
    stub(stubs, "adduser", calls, "touch " + known);
    for (String name : List.of("chown", "systemctl", "deb-systemd-helper")) {
      stub(stubs, name, calls, "true");
    }

    postinst(control, root, stubs, "configure", "");
    assertThat(Files.readAllLines(calls))
        .containsExactly(
            "getent passwd tickr",
            "adduser --system --group --home /var/lib/tickr --no-create-home --shell"
                + " /usr/sbin/nologin --gecos Tickr API monitor --quiet tickr",
            "chown tickr:tickr " + root + "/var/lib/tickr",
            "chown root:tickr " + root + "/etc/tickr/tickr.yml",
            "deb-systemd-helper enable tickr.service");
    assertThat(Files.getPosixFilePermissions(root.resolve("var/lib/tickr")))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.getPosixFilePermissions(root.resolve("etc/tickr/tickr.yml")))
        .isEqualTo(PosixFilePermissions.fromString("rw-r-----"));

    // An upgrade: the user is there, so it is not made again; the unit keeps its state.
    Files.delete(calls);
    postinst(control, root, stubs, "configure", "0.0.9-1");
    assertThat(Files.readAllLines(calls))
        .startsWith("getent passwd tickr")
        .noneMatch(call -> call.startsWith("adduser"))
        .contains("deb-systemd-helper --quiet was-enabled tickr.service");
  }

  private static void postinst(Path control, Path root, Path stubs, String... args)
      throws Exception {
    List<String> command =
        new ArrayList<>(List.of("/bin/sh", control.resolve("postinst").toString()));
    command.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(command);
    b.environment().put("DPKG_ROOT", root.toString());
    b.environment().put("PATH", stubs + ":/usr/bin:/bin");
    TickrProcess.Result r = TickrProcess.run(b, ReleaseFiles.LIMIT);
    assertThat(r.exitCode()).as(r.err()).isZero();
  }

  /**
   * A command on PATH that appends its name and arguments to {@code calls}, then runs {@code then}.
   */
  private static void stub(Path dir, String name, Path calls, String then) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(
        file,
        "#!/bin/sh\necho \"" + name + " $*\" >> " + calls + "\n" + then + "\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** A unit file's settings, each key with its values in order (comments and sections left out). */
  static Map<String, List<String>> unitKeys(String unit) {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    for (String line : unit.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#") || l.startsWith("[")) {
        continue;
      }
      int eq = l.indexOf('=');
      keys.computeIfAbsent(l.substring(0, eq), k -> new ArrayList<>()).add(l.substring(eq + 1));
    }
    return keys;
  }
}
