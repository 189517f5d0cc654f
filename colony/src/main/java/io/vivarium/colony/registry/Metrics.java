package io.vivarium.colony.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Typed reads of the registry's {@code metrics} table (one row per agent, step, name and value).
 * Insert order is {@code rowid}: SQLite's hidden row id, and on PostgreSQL the identity column
 * of that name the migration gives the table (see {@code Dialect}). Thread-safe: every read
 * takes its own connection.
 */
public final class Metrics {
  private final Reader reader;

  Metrics(Reader reader) {
    this.reader = reader;
  }

  /** The metric names {@code agent} has, sorted. */
  public List<String> names(String agent) {
    return reader.list("SELECT DISTINCT name FROM metrics WHERE agent = ? ORDER BY name", rs -> rs.getString(1),
        agent);
  }

  /**
   * The newest {@code limit} points of {@code agent}'s series {@code name} with steps above
   * {@code afterStep}, oldest first (a chart polling with its last step gets only what is new).
   */
  public List<MetricPoint> series(String agent, String name, long afterStep, int limit) {
    List<MetricPoint> out = reader.list("SELECT step, value, time_ms FROM metrics WHERE agent = ? AND name = ? "
        + "AND step > ? ORDER BY step DESC, rowid DESC LIMIT ?",
        rs -> new MetricPoint(rs.getLong(1), rs.getDouble(2), rs.getLong(3)), agent, name, afterStep, limit);
    Collections.reverse(out);
    return out;
  }

  /**
   * {@code agent}'s series {@code name} with steps above {@code afterStep}, oldest first, thinned to
   * at most {@code limit} points: every k-th point counted from the newest (k = ⌈count / limit⌉),
   * so a chart of a long life shows its whole history and always its newest point.
   */
  public List<MetricPoint> sampled(String agent, String name, long afterStep, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1; got " + limit);
    }
    long n = reader.scalar("SELECT COUNT(*) FROM metrics WHERE agent = ? AND name = ? AND step > ?", 0, agent, name,
        afterStep);
    long k = (n + limit - 1) / limit;
    if (k <= 1) {
      return series(agent, name, afterStep, limit);
    }
    // numbered on the series index alone (covering on SQLite), then only the picked rows are read
    return reader.list("""
        SELECT m.step, m.value, m.time_ms FROM metrics m JOIN (
          SELECT rid FROM (
            SELECT rowid AS rid, ROW_NUMBER() OVER (ORDER BY step DESC, rowid DESC) AS r
            FROM metrics WHERE agent = ? AND name = ? AND step > ?) AS numbered
          WHERE (r - 1) % ? = 0) AS picked ON m.rowid = picked.rid
        ORDER BY m.step, m.rowid""",
        rs -> new MetricPoint(rs.getLong(1), rs.getDouble(2), rs.getLong(3)), agent, name, afterStep, k);
  }

  /** The newest {@code n} values of {@code agent}'s series {@code name}, newest first. */
  public List<Double> newest(String agent, String name, int n) {
    return reader.list("SELECT value FROM metrics WHERE agent = ? AND name = ? ORDER BY step DESC, rowid DESC "
        + "LIMIT ?", rs -> rs.getDouble(1), agent, name, n);
  }

  /** The newest value of {@code agent}'s series {@code name}, or empty when it has none. */
  public OptionalDouble latest(String agent, String name) {
    List<Double> v = newest(agent, name, 1);
    return v.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(v.get(0));
  }

  /** Per agent, the value of {@code name} at its newest step (the last recorded there). */
  public Map<String, Double> latestByAgent(String name) {
    Map<String, Double> out = new LinkedHashMap<>();
    reader.each("""
        SELECT m.agent, m.value FROM metrics m
        JOIN (SELECT agent, MAX(step) AS step FROM metrics WHERE name = ? GROUP BY agent) l
          ON m.agent = l.agent AND m.step = l.step WHERE m.name = ? ORDER BY m.rowid""",
        rs -> out.put(rs.getString(1), rs.getDouble(2)), name, name);
    return out;
  }

  /** Every metric of {@code agent} at its newest value, by name (what a Prometheus scrape shows). */
  public Map<String, Double> newestOf(String agent) {
    Map<String, Double> out = new LinkedHashMap<>();
    reader.each("""
        SELECT m.name, m.value FROM metrics m
        JOIN (SELECT name, MAX(step) AS step FROM metrics WHERE agent = ? GROUP BY name) l
          ON m.name = l.name AND m.step = l.step WHERE m.agent = ? ORDER BY m.rowid""",
        rs -> out.put(rs.getString(1), rs.getDouble(2)), agent, agent);
    return out;
  }

  /**
   * For every metric named {@code prefix…}: the mean over alive agents of each one's newest value
   * of it (newest step, then last written), in the order the names were first recorded; empty
   * when no alive agent has one.
   */
  public Map<String, Double> meanOfLatestOfAlive(String prefix) {
    if (prefix.isEmpty()) {
      throw new IllegalArgumentException("metric prefix must not be empty (e.g. world.)");
    }
    String upper = prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
    Map<String, Double> out = new LinkedHashMap<>();
    reader.each("""
        SELECT name, AVG(value) FROM (
          SELECT m.name, m.value,
            ROW_NUMBER() OVER (PARTITION BY m.agent, m.name ORDER BY m.step DESC, m.rowid DESC) AS k,
            MIN(m.rowid) OVER (PARTITION BY m.name) AS first_row
          FROM metrics m JOIN agents a ON a.id = m.agent
          WHERE a.state = 'alive' AND m.name >= ? AND m.name < ?) AS newest
        WHERE k = 1 GROUP BY name ORDER BY MIN(first_row), name""",
        rs -> out.put(rs.getString(1), rs.getDouble(2)), prefix, upper);
    return out;
  }

  /** Every value recorded for {@code agent}, in the order written. */
  public List<MetricRow> all(String agent) {
    return reader.list("SELECT agent, step, name, value, time_ms FROM metrics WHERE agent = ? ORDER BY rowid",
        rs -> new MetricRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getDouble(4), rs.getLong(5)),
        agent);
  }

  /** The times of the oldest and newest metric values, {@code {0, 0}} when there are none. */
  public long[] timeRange() {
    long[] out = {0, 0};
    reader.each("SELECT MIN(time_ms), MAX(time_ms) FROM metrics", rs -> {
      out[0] = rs.getLong(1);
      out[1] = rs.getLong(2);
    });
    return out;
  }

  /**
   * The mean of {@code name} over every agent in time slices of {@code width} ms from
   * {@code start}: slice index to mean, for the slices that have values.
   */
  public Map<Long, Double> meanBySlice(String name, long start, long width) {
    Map<Long, Double> out = new LinkedHashMap<>();
    reader.each("SELECT (time_ms - ?) / ? AS b, AVG(value) FROM metrics WHERE name = ? GROUP BY b ORDER BY b",
        rs -> out.put(rs.getLong(1), rs.getDouble(2)), start, Math.max(1, width), name);
    return out;
  }

  /** The sum over agents of the newest step at which each recorded {@code name}; 0 when none. */
  public long newestStepTotal(String name) {
    return reader.scalar("SELECT SUM(s) FROM (SELECT MAX(step) AS s FROM metrics WHERE name = ? GROUP BY agent) AS newest",
        0, name);
  }

  /** How many values {@code agent} has recorded under {@code name}. */
  public long count(String agent, String name) {
    return reader.scalar("SELECT COUNT(*) FROM metrics WHERE agent = ? AND name = ?", 0, agent, name);
  }

  /** How many metric values the registry holds. */
  public long count() {
    return reader.scalar("SELECT COUNT(*) FROM metrics", 0);
  }
}
