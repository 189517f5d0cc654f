package io.vivarium.zoo;

import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.registry.Request;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The colony's durable records as the API shows them, read from the registry (which serves a
 * running and a stopped colony alike). Thread-safe: every read opens its own read-only
 * connection.
 */
final class Records {
  /** Metric names the API serves. */
  static final String METRIC_NAME = "[a-z][a-z0-9_.]{0,63}";

  private final Registry registry;

  Records(Registry registry) {
    this.registry = registry;
  }

  /** An agent row with what the overview shows beside it. */
  record Agent(String id, String parent, int generation, String state, String world, String brain,
      double fitness, double success, long bornMillis, long diedMillis, String error) {}

  /** One point of a metric series. */
  record Point(long step, double value, long timeMillis) {}

  /** A checkpoint row. */
  record CheckpointRow(long id, String agent, long step, String file, String sha256, long bytes, double fitness,
      long createdMillis, boolean pruned) {}

  /** A recorded episode (its actions are served with its replay). */
  record EpisodeRow(long id, String agent, String world, String preset, int level, long seed, int steps,
      double ret, boolean success, long timeMillis) {}

  /** A recorded event. */
  record EventRow(long id, long timeMillis, String kind, String agent, String json) {}

  /** Every agent with its latest success rate, oldest first. */
  List<Agent> agents() {
    Map<String, Double> success = new HashMap<>();
    registry.query("""
        SELECT m.agent, m.value FROM metrics m
        JOIN (SELECT agent, MAX(step) AS step FROM metrics WHERE name = 'success' GROUP BY agent) l
          ON m.agent = l.agent AND m.step = l.step WHERE m.name = 'success'""",
        rs -> success.put(rs.getString(1), rs.getDouble(2)));
    List<Agent> out = new ArrayList<>();
    for (AgentRow a : registry.agents()) {
      out.add(new Agent(a.id(), a.parent(), a.generation(), a.state(), a.world(), a.brainSpec(), a.fitness(),
          success.getOrDefault(a.id(), 0.0), a.bornMillis(), a.diedMillis(), a.error()));
    }
    return out;
  }

  /** One agent, or a 404 naming it (two indexed lookups, not the whole table). */
  Agent agent(String id) {
    List<Agent> out = new ArrayList<>();
    registry.query("""
        SELECT id, parent, generation, state, world, brain_spec, fitness, born_ms, died_ms, error,
          (SELECT value FROM metrics WHERE agent = a.id AND name = 'success' ORDER BY step DESC LIMIT 1)
        FROM agents a WHERE id = ?""", rs -> out.add(new Agent(rs.getString(1), rs.getString(2), rs.getInt(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getDouble(7), rs.getDouble(11), rs.getLong(8),
            rs.getLong(9), rs.getString(10))), id);
    if (out.isEmpty()) {
      throw ApiError.notFound("no agent '" + id + "' in this colony; GET /api/agents lists them");
    }
    return out.get(0);
  }

  /** An agent's details: its row, children, counts, votes and latest requests. */
  Map<String, Object> detail(String id) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agent", agent(id));
    List<String> children = new ArrayList<>();
    registry.query("SELECT id FROM agents WHERE parent = ? ORDER BY born_ms, id", rs -> children.add(rs.getString(1)), id);
    out.put("children", children);
    out.put("checkpoints", count("checkpoints", id));
    out.put("episodes", count("episodes", id));
    out.put("votes", count("votes", id));
    out.put("requests", requests(id, 20));
    return out;
  }

  private long count(String table, String agent) {
    long[] n = {0};
    registry.query("SELECT COUNT(*) FROM " + table + " WHERE agent = ?", rs -> n[0] = rs.getLong(1), agent);
    return n[0];
  }

  /** The newest {@code limit} requests, of one agent or all ({@code agent == null}). */
  List<Request> requests(String agent, int limit) {
    List<Request> out = new ArrayList<>();
    String where = agent == null ? "" : "WHERE agent = ?";
    Object[] params = agent == null ? new Object[0] : new Object[] {agent};
    registry.query("SELECT id, agent, action, arg, source, created_ms, done_ms, result FROM requests " + where
        + " ORDER BY id DESC LIMIT " + limit, rs -> out.add(new Request(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getString(8))), params);
    return out;
  }

  /** Request {@code id}, or a 404. */
  Request request(long id) {
    Request r = registry.request(id);
    if (r == null) {
      throw ApiError.notFound("no request " + id + " in this colony");
    }
    return r;
  }

  /** The metric names an agent has. */
  List<String> metricNames(String agent) {
    List<String> out = new ArrayList<>();
    registry.query("SELECT DISTINCT name FROM metrics WHERE agent = ? ORDER BY name", rs -> out.add(rs.getString(1)), agent);
    return out;
  }

  /** An agent's series {@code name} after step {@code after}, at most {@code limit} points, oldest first. */
  List<Point> series(String agent, String name, long after, int limit) {
    List<Point> out = new ArrayList<>();
    registry.query("SELECT step, value, time_ms FROM metrics WHERE agent = ? AND name = ? AND step > ? "
        + "ORDER BY step LIMIT " + limit, rs -> out.add(new Point(rs.getLong(1), rs.getDouble(2), rs.getLong(3))),
        agent, name, after);
    return out;
  }

  /**
   * The colony over time in {@code buckets} equal slices of its recorded history: per slice its
   * end time, the agents alive then (born before it ends, not dead by then) and the mean
   * {@code success} metric recorded in it ({@code null} when none was).
   */
  Map<String, Object> history(int buckets) {
    long t0 = registry.scalar("SELECT MIN(time_ms) FROM metrics", 0);
    long t1 = registry.scalar("SELECT MAX(time_ms) FROM metrics", 0);
    long width = Math.max(1, (t1 - t0 + buckets) / buckets);
    Double[] success = new Double[buckets];
    registry.query("SELECT (time_ms - ?) / ? AS b, AVG(value) FROM metrics WHERE name = 'success' GROUP BY b",
        rs -> {
          int b = (int) Math.min(buckets - 1, rs.getLong(1));
          success[b] = rs.getDouble(2);
        }, t0, width);
    List<Agent> agents = agents();
    List<Map<String, Object>> points = new ArrayList<>();
    for (int b = 0; b < buckets && t1 > 0; b++) {
      long end = t0 + (b + 1) * width;
      int alive = 0;
      for (Agent a : agents) {
        if (a.bornMillis() <= end && (a.diedMillis() == 0 || a.diedMillis() > end)) {
          alive++;
        }
      }
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("timeMillis", end);
      p.put("population", alive);
      p.put("success", success[b]);
      points.add(p);
    }
    return Map.of("points", points);
  }

  /** Checkpoints, of one agent or all, newest first. */
  List<CheckpointRow> checkpoints(String agent, int limit) {
    List<CheckpointRow> out = new ArrayList<>();
    String where = agent == null ? "" : "WHERE agent = ?";
    Object[] params = agent == null ? new Object[0] : new Object[] {agent};
    registry.query("SELECT id, agent, step, file, sha256, bytes, fitness, created_ms, pruned_ms FROM checkpoints "
        + where + " ORDER BY id DESC LIMIT " + limit, rs -> out.add(checkpoint(rs)), params);
    return out;
  }

  /** Checkpoint {@code id}, or a 404. */
  CheckpointRow checkpoint(long id) {
    List<CheckpointRow> out = new ArrayList<>();
    registry.query("SELECT id, agent, step, file, sha256, bytes, fitness, created_ms, pruned_ms FROM checkpoints "
        + "WHERE id = ?", rs -> out.add(checkpoint(rs)), id);
    if (out.isEmpty()) {
      throw ApiError.notFound("no checkpoint " + id + "; GET /api/checkpoints lists them");
    }
    return out.get(0);
  }

  private static CheckpointRow checkpoint(java.sql.ResultSet rs) throws java.sql.SQLException {
    rs.getLong(9);
    boolean pruned = !rs.wasNull();
    return new CheckpointRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
        rs.getLong(6), rs.getDouble(7), rs.getLong(8), pruned);
  }

  /** Episodes, of one agent or all, newest first, with ids below {@code before}. */
  List<EpisodeRow> episodes(String agent, long before, int limit) {
    List<EpisodeRow> out = new ArrayList<>();
    String where = "WHERE id < ?" + (agent == null ? "" : " AND agent = ?");
    Object[] params = agent == null ? new Object[] {before} : new Object[] {before, agent};
    registry.query("SELECT id, agent, world, preset, level, seed, steps, return, success, time_ms FROM episodes "
        + where + " ORDER BY id DESC LIMIT " + limit, rs -> out.add(episode(rs)), params);
    return out;
  }

  /** Episode {@code id} and its action bytes, or a 404. */
  Map.Entry<EpisodeRow, byte[]> episode(long id) {
    List<Map.Entry<EpisodeRow, byte[]>> out = new ArrayList<>();
    registry.query("SELECT id, agent, world, preset, level, seed, steps, return, success, time_ms, actions "
        + "FROM episodes WHERE id = ?", rs -> out.add(Map.entry(episode(rs), rs.getBytes(11))), id);
    if (out.isEmpty()) {
      throw ApiError.notFound("no episode " + id + "; GET /api/episodes lists them");
    }
    return out.get(0);
  }

  private static EpisodeRow episode(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new EpisodeRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
        rs.getLong(6), rs.getInt(7), rs.getDouble(8), rs.getInt(9) != 0, rs.getLong(10));
  }

  /** Events with ids above {@code after}, oldest first, optionally of one agent or kind. */
  List<EventRow> events(long after, int limit, String agent, String kind) {
    List<EventRow> out = new ArrayList<>();
    List<Object> params = new ArrayList<>(List.of(after));
    StringBuilder where = new StringBuilder("WHERE id > ?");
    if (agent != null) {
      where.append(" AND agent = ?");
      params.add(agent);
    }
    if (kind != null) {
      where.append(" AND kind = ?");
      params.add(kind);
    }
    registry.query("SELECT id, time_ms, kind, agent, json FROM events " + where + " ORDER BY id LIMIT " + limit,
        rs -> out.add(new EventRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5))),
        params.toArray());
    return out;
  }

  /** The newest event id, 0 when there is none. */
  long lastEventId() {
    return registry.scalar("SELECT MAX(id) FROM events", 0);
  }

  /** The colony's identity and counts. */
  Map<String, Object> colony() {
    Map<String, Object> out = new LinkedHashMap<>();
    String[] c = registry.colony();
    out.put("name", c == null ? "" : c[0]);
    out.put("seed", c == null ? 0 : Long.parseLong(c[1]));
    out.put("createdMillis", c == null ? 0 : Long.parseLong(c[2]));
    out.put("startedMillis", c == null ? 0 : Long.parseLong(c[3]));
    out.put("states", registry.agentsByState());
    out.put("maxGeneration", registry.scalar("SELECT MAX(generation) FROM agents", 0));
    out.put("episodes", registry.scalar("SELECT COUNT(*) FROM episodes", 0));
    out.put("checkpoints", registry.scalar("SELECT COUNT(*) FROM checkpoints", 0));
    out.put("lastEventId", lastEventId());
    return out;
  }
}
