package dev.tickr.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config file watcher on a real file system: an edit in place, a file replaced as editors do, a
 * link to a file elsewhere, and a Kubernetes ConfigMap volume's link swap each reload once; an
 * unrelated file in the same folder and a save that changes nothing do not.
 */
class ConfigWatcherTest {
  /** How long a change may take to be seen on a busy machine; a passing test waits far less. */
  private static final long SEEN_WITHIN_SECONDS = 20;

  @TempDir Path dir;

  private final Semaphore reloads = new Semaphore(0);
  private @Nullable ConfigWatcher watcher;

  @AfterEach
  void close() throws IOException {
    if (watcher != null) {
      watcher.close();
    }
  }

  private void watch(Path config) throws IOException, InterruptedException {
    watcher = new ConfigWatcher(config, reloads::release);
    // The watcher reads the content to compare with on its own thread, once it watches: a
    // change made before that would be taken as the starting content. Changing the file until a
    // reload is seen proves it is watching; then the reloads of those changes are let settle and
    // not counted.
    boolean seen = false;
    for (int i = 0; i < 10 && !seen; i++) {
      Files.writeString(config, "monitors: [] # watching " + i + "\n");
      seen = reloads.tryAcquire(2, TimeUnit.SECONDS);
    }
    assertThat(seen).as("the watcher saw a change of %s", config).isTrue();
    while (reloads.tryAcquire(1500, TimeUnit.MILLISECONDS)) {
      // a late reload of an earlier change
    }
  }

  private void assertReloadedOnce() throws InterruptedException {
    assertThat(reloads.tryAcquire(SEEN_WITHIN_SECONDS, TimeUnit.SECONDS))
        .as("reloaded after the change")
        .isTrue();
    assertNoReload();
  }

  /** Waits out the watcher's settling window twice over: a reload would have come by then. */
  private void assertNoReload() throws InterruptedException {
    assertThat(reloads.tryAcquire(1, TimeUnit.SECONDS)).as("no further reload").isFalse();
  }

  @Test
  void an_edit_in_place_reloads_once() throws Exception {
    Path config = dir.resolve("tickr.yml");
    Files.writeString(config, "monitors: []\n");
    watch(config);

    Files.writeString(config, "monitors: [] # edited\n");

    assertReloadedOnce();
  }

  @Test
  void a_file_replaced_by_a_rename_reloads_once() throws Exception {
    Path config = dir.resolve("tickr.yml");
    Files.writeString(config, "monitors: []\n");
    watch(config);

    Path swap = Files.writeString(dir.resolve(".tickr.yml.swp"), "monitors: [] # new\n");
    Files.move(swap, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

    assertReloadedOnce();
  }

  @Test
  void another_file_in_the_folder_and_an_unchanged_save_do_not_reload() throws Exception {
    Path config = dir.resolve("tickr.yml");
    Files.writeString(config, "monitors: []\n");
    watch(config);
    String content = Files.readString(config);

    Files.writeString(dir.resolve("notes.txt"), "nothing to do with it\n");
    Files.writeString(config, content);

    assertNoReload();
    Files.writeString(config, content + "# changed\n");
    assertReloadedOnce();
  }

  @Test
  void a_link_to_a_file_in_another_folder_reloads_when_that_file_changes() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("shared"));
    Path real = Files.writeString(elsewhere.resolve("tickr.yml"), "monitors: []\n");
    Path here = Files.createDirectories(dir.resolve("etc"));
    Path config = Files.createSymbolicLink(here.resolve("tickr.yml"), real);
    watch(config);

    Files.writeString(real, "monitors: [] # edited where the link points\n");

    assertReloadedOnce();
  }

  @Test
  void a_config_map_update_swapping_the_data_link_reloads_once() throws Exception {
    // The layout kubelet keeps for a ConfigMap volume: the file links into ..data, ..data links to
    // a timestamped folder, and an update writes a new folder and renames a new link over ..data.
    Path volume = Files.createDirectories(dir.resolve("config"));
    Path first = Files.createDirectories(volume.resolve("..2026_12_07_10_00_00.1"));
    Files.writeString(first.resolve("tickr.yml"), "monitors: []\n");
    Files.createSymbolicLink(volume.resolve("..data"), first.getFileName());
    Path config =
        Files.createSymbolicLink(volume.resolve("tickr.yml"), Path.of("..data/tickr.yml"));
    watch(config);

    swapData(volume, "..2026_12_07_10_05_00.2", "monitors: [] # second version\n");
    assertReloadedOnce();
    assertThat(Files.readString(config)).contains("second version");

    swapData(volume, "..2026_12_07_10_10_00.3", "monitors: [] # third version\n");
    assertReloadedOnce();
  }

  /** Does what kubelet does on a ConfigMap update. */
  private static void swapData(Path volume, String folder, String content) throws IOException {
    Path next = Files.createDirectories(volume.resolve(folder));
    Files.writeString(next.resolve("tickr.yml"), content);
    Path old = volume.resolve(Files.readSymbolicLink(volume.resolve("..data")));
    Path tmp = Files.createSymbolicLink(volume.resolve("..data_tmp"), next.getFileName());
    Files.move(tmp, volume.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
    Files.delete(old.resolve("tickr.yml"));
    Files.delete(old);
  }
}
