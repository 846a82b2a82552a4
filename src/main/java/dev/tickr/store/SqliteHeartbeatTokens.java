package dev.tickr.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** {@link HeartbeatTokenStore} in SQLite: heartbeat ping-URL secrets. */
final class SqliteHeartbeatTokens implements HeartbeatTokenStore {
  private final SqliteAccess db;
  private final ReadPool reads;
  private final Clock clock;

  SqliteHeartbeatTokens(SqliteAccess db) {
    this.db = db;
    this.reads = db.reads();
    this.clock = db.clock();
  }

  @Override
  public void saveHeartbeatToken(HeartbeatToken token) {
    Instant now = clock.instant();
    writer().execute(c -> HeartbeatTable.save(c, token, now));
  }

  @Override
  public Map<String, HeartbeatToken> heartbeatTokens() {
    return reads.read("heartbeat tokens", HeartbeatTable::all);
  }

  private Writer writer() {
    return db.writer();
  }
}
