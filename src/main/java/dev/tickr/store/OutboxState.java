package dev.tickr.store;

import java.util.Locale;

/** Where a notification in the outbox stands; {@link #code()} is its spelling in the database. */
public enum OutboxState {
  /** Waiting for its next attempt. */
  PENDING,
  /** The provider took it. */
  SENT,
  /** The provider refused it; trying again would not help. */
  FAILED,
  /** Every attempt within the channel's {@code retry-for} failed. */
  GIVEN_UP;

  private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

  public String code() {
    return code;
  }

  static OutboxState ofCode(String code) {
    for (OutboxState s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    throw new StoreException("unknown outbox state in the database: " + code);
  }
}
