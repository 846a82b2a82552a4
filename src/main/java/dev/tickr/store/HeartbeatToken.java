package dev.tickr.store;

import java.util.Objects;

/**
 * The secret of a heartbeat monitor's ping URL, {@code /ping/<token>}.
 *
 * @param configured whether it comes from the config's {@code token}; otherwise Tickr generated it
 */
public record HeartbeatToken(String monitor, String token, boolean configured) {
  public HeartbeatToken {
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(token, "token");
  }

  /** Never shows the token: it is the only thing that guards the ping URL. */
  @Override
  public String toString() {
    return "HeartbeatToken[monitor=" + monitor + ", configured=" + configured + "]";
  }
}
