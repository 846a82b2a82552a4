package dev.tickr.cli;

import dev.tickr.auth.SecretBox;
import dev.tickr.auth.SecretBoxException;
import dev.tickr.auth.SecretPlace;
import dev.tickr.store.HeartbeatToken;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Opens the heartbeat tokens the store keeps sealed, for {@code tickr status} to show the ping URLs
 * as the dashboard does to admins. The secret key is loaded the first time a token needs it.
 */
final class PingTokens {
  private final Map<String, String> environment;
  private final Path dataDir;
  private @Nullable SecretBox box;

  PingTokens(Map<String, String> environment, Path dataDir) {
    this.environment = environment;
    this.dataDir = dataDir;
  }

  /** {@code /ping/<token>}, or what keeps it from being shown (never the sealed text). */
  String path(HeartbeatToken token) {
    String carried = token.carried();
    if (carried != null) {
      return "/ping/" + carried;
    }
    String sealed = token.sealed();
    if (sealed == null) {
      return "(no ping URL stored)";
    }
    try {
      if (box == null) {
        box = SecretBox.load(environment, dataDir);
      }
      return "/ping/" + box.open(sealed, SecretPlace.pingToken(token.monitor()));
    } catch (SecretBoxException e) {
      return "(not shown: " + e.getMessage() + ")";
    }
  }
}
