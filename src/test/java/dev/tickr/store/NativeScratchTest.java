package dev.tickr.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeScratchTest {
  @TempDir Path tmp;

  /** The pid of a process that has ended. */
  private static long endedPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return p.pid();
  }

  @Test
  void the_directories_of_ended_processes_go_those_of_running_ones_stay() throws Exception {
    long ended = endedPid();
    long running = ProcessHandle.current().pid();
    Path gone = Files.createDirectory(tmp.resolve(NativeScratch.PREFIX + ended + "-123"));
    Files.writeString(gone.resolve("sqlite-3-x-libsqlitejdbc.so"), "library");
    Files.writeString(gone.resolve("sqlite-3-x-libsqlitejdbc.so.lck"), "");
    Path alive = Files.createDirectory(tmp.resolve(NativeScratch.PREFIX + running + "-456"));
    Files.writeString(alive.resolve("sqlite-3-y-libsqlitejdbc.so"), "library");
    Path other = Files.createDirectory(tmp.resolve("tickr-sqlite-notapid"));
    Path unrelated = Files.writeString(tmp.resolve("sqlite-3-z-libsqlitejdbc.so"), "library");

    Path mine = java.util.Objects.requireNonNull(NativeScratch.prepare(tmp, running));

    assertThat(mine.getParent()).isEqualTo(tmp);
    assertThat(mine.getFileName().toString()).startsWith(NativeScratch.PREFIX + running + "-");
    assertThat(mine).isEmptyDirectory();
    assertThat(java.nio.file.Files.getPosixFilePermissions(mine))
        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    assertThat(gone).doesNotExist();
    assertThat(alive.resolve("sqlite-3-y-libsqlitejdbc.so")).exists();
    assertThat(other).exists();
    assertThat(unrelated).exists();
  }

  @Test
  void a_directory_that_cannot_be_made_leaves_sqlite_jdbc_its_default() throws Exception {
    Path file = Files.writeString(tmp.resolve("not-a-directory"), "x");
    assertThat(NativeScratch.prepare(file, 1)).isNull();
  }

  @Test
  void the_pid_is_read_from_the_name() {
    assertThat(NativeScratch.pidOf("tickr-sqlite-4242-98765")).isEqualTo(4242);
    assertThat(NativeScratch.pidOf("tickr-sqlite-x-98765")).isEqualTo(-1);
    assertThat(NativeScratch.pidOf("tickr-sqlite-4242")).isEqualTo(-1);
    assertThat(NativeScratch.pidOf("other-4242-1")).isEqualTo(-1);
  }

  @Test
  void this_process_loads_sqlite_from_a_directory_of_its_own() {
    NativeScratch.prepare();
    String dir = System.getProperty(NativeScratch.PROPERTY, "");
    assertThat(Path.of(dir).getFileName().toString())
        .startsWith(NativeScratch.PREFIX + ProcessHandle.current().pid() + "-");
  }
}
