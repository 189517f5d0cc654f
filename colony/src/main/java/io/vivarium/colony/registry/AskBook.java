package io.vivarium.colony.registry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * People's questions in the registry (tables {@code asks} and {@code ask_answers}): any process
 * queues one ({@link #add}), the running colony takes the pending ones at its turn boundaries
 * and records answers, drops and refusals, and people's thumbs on answers. Pending asks are
 * rows, so they survive a restart. Thread-safe: writes go through the registry's writer, reads
 * open their own connection.
 */
public final class AskBook {
  private static final String COLUMNS = "SELECT id, agent, text, source, created_ms, state, answered_by, answer, "
      + "answered_ms, reward, reason FROM asks ";
  private final Registry registry;
  private final Reader reader;

  AskBook(Registry registry, Reader reader) {
    this.registry = registry;
    this.reader = reader;
  }

  /**
   * Queues {@code text} for {@code agent} ({@code ""} any, {@code "*"} every live agent) and
   * returns its id.
   *
   * @throws IllegalArgumentException for text or an addressee the rules of {@link AskText} refuse, or an
   *     agent this colony never had
   */
  public long add(String agent, String text, String source) {
    String to = AskText.agent(agent);
    AskText.check(text, source);
    if (!to.equals(AskRow.ANY) && !to.equals(AskRow.EVERY) && registry.agent(to).isEmpty()) {
      throw new IllegalArgumentException("no agent '" + to + "' in this colony to ask; 'vivarium agents' lists "
          + "them, or leave the agent out to ask any agent");
    }
    long now = System.currentTimeMillis();
    return registry.write(c -> Inserts.returningId(c,
        "INSERT INTO asks (agent, text, source, created_ms) VALUES (?, ?, ?, ?) RETURNING id", to, text, source, now));
  }

  /** Records {@code agent}'s answer to ask {@code id} (once per agent); the first answer also goes on the ask's row. */
  public void answer(long id, String agent, String answer) {
    long now = System.currentTimeMillis();
    registry.write(c -> {
      update(c, "INSERT INTO ask_answers (ask, agent, answer, time_ms) VALUES (?, ?, ?, ?) "
          + "ON CONFLICT (ask, agent) DO NOTHING",
          id, agent, answer, now);
      return update(c, "UPDATE asks SET state = 'answered', answered_by = ?, answer = ?, answered_ms = ? "
          + "WHERE id = ? AND answered_by IS NULL AND state IN ('pending', 'answered')", agent, answer, now, id);
    });
  }

  /** Marks pending ask {@code id} as {@code dropped} or {@code refused} with {@code reason}; false if it was not pending. */
  public boolean close(long id, String state, String reason) {
    if (!state.equals("dropped") && !state.equals("refused")) {
      throw new IllegalArgumentException("an ask closes as dropped or refused; got '" + state + "'");
    }
    return registry.write(c -> update(c, "UPDATE asks SET state = ?, reason = ? WHERE id = ? AND state = 'pending'",
        state, reason, id)) == 1;
  }

  /** Adds a people's {@code reward} (thumbs) to {@code agent}'s answer to ask {@code id}; false when it gave none. */
  public boolean reward(long id, String agent, double reward) {
    return registry.write(c -> {
      int n = update(c, "UPDATE ask_answers SET reward = reward + ? WHERE ask = ? AND agent = ?", reward, id, agent);
      if (n == 1) {
        update(c, "UPDATE asks SET reward = reward + ? WHERE id = ?", reward, id);
      }
      return n == 1;
    });
  }

  /**
   * Checks a person's thumb on {@code agent}'s answer to ask {@code id} before its reward is queued.
   *
   * @throws IllegalArgumentException for a sign other than ±1, an unknown ask or an agent that did not answer it
   */
  public void checkThumb(long id, String agent, int sign) {
    if (sign != 1 && sign != -1) {
      throw new IllegalArgumentException("a thumb is +1 (up) or -1 (down); got " + sign);
    }
    if (get(id).isEmpty()) {
      throw new IllegalArgumentException("no ask #" + id + " in this colony");
    }
    if (answers(id).stream().noneMatch(a -> a.agent().equals(agent))) {
      throw new IllegalArgumentException("agent " + agent + " has not answered ask #" + id
          + "; thumb an answer it gave");
    }
  }

  /** Ask {@code id}, or empty. */
  public Optional<AskRow> get(long id) {
    return reader.first(COLUMNS + "WHERE id = ?", AskBook::row, id);
  }

  /** Pending asks with ids above {@code afterId}, oldest first, at most {@code limit}. */
  public List<AskRow> pendingAfter(long afterId, int limit) {
    return reader.list(COLUMNS + "WHERE state = 'pending' AND id > ? ORDER BY id LIMIT ?", AskBook::row, afterId,
        limit);
  }

  /** The newest {@code limit} asks, newest first. */
  public List<AskRow> recent(int limit) {
    return reader.list(COLUMNS + "ORDER BY id DESC LIMIT ?", AskBook::row, limit);
  }

  /** Every answer to ask {@code id}, first first. */
  public List<AskAnswer> answers(long id) {
    return reader.list("SELECT ask, agent, answer, time_ms, reward FROM ask_answers WHERE ask = ? ORDER BY id",
        rs -> new AskAnswer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getDouble(5)), id);
  }

  /** How many asks are in {@code state}. */
  public long count(String state) {
    return reader.scalar("SELECT COUNT(*) FROM asks WHERE state = ?", 0, state);
  }

  private static AskRow row(ResultSet rs) throws SQLException {
    return new AskRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
        rs.getString(6), orEmpty(rs.getString(7)), orEmpty(rs.getString(8)), rs.getLong(9), rs.getDouble(10),
        orEmpty(rs.getString(11)));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static int update(Connection c, String sql, Object... params) throws SQLException {
    return Inserts.update(c, sql, params);
  }
}
