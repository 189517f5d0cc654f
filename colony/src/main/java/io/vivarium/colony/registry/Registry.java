package io.vivarium.colony.registry;

import io.vivarium.core.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The colony's registry: one SQLite file in WAL mode (the single-machine default) or a
 * PostgreSQL database (a colony across machines), with the same schema and migrations.
 *
 * <p>Thread-safe. Every write runs in its own transaction and returns once committed: on SQLite
 * on a single writer thread, on PostgreSQL on a pooled connection (several nodes write at once;
 * ids come from the database). Reads take their own connection and run concurrently with the
 * writes. A read-only registry ({@link #openReadOnly}) refuses writes.
 *
 * <p>Callers never see SQL: reads are typed methods returning records, those of the large
 * tables grouped in {@link Metrics}, {@link Events}, {@link Episodes}, {@link Checkpoints},
 * {@link AskBook} and {@link ClusterBook} (nodes and placements); connections in
 * {@code Connections}, what differs between the databases in {@code Dialect}, migration in
 * {@code Migrator}, batched inserts in {@code Inserts}. What stays here: opening, the writes,
 * agents, requests and agents' recent outputs (kept small by pruning as they are written).
 */
public final class Registry implements AutoCloseable {
  /** The registry's file name inside a data directory. */
  public static final String FILE = "colony.db";
  /** How many outputs the registry keeps per agent (the newest). */
  public static final int KEEP_OUTPUTS = 512;
  /** Blocks of weaving agents' ticks kept per agent (the newest). */
  public static final int KEEP_BLOCKS = 4096;

  private static final String AGENT_COLUMNS =
      "SELECT id, parent, generation, state, world, brain_spec, parameters, fitness, born_ms, died_ms, error "
          + "FROM agents ";

  private final Connections db;
  private final List<String> migrations;
  private final Reader reader;
  private final Metrics metrics;
  private final Events events;
  private final Episodes episodes;
  private final Checkpoints checkpoints;
  private final AskBook asks;
  private final ThoughtBook thoughts;
  private final ClusterBook cluster;
  /** Told every batch of metric values written here, after the write (the colony's TensorBoard files). */
  private volatile Consumer<List<MetricRow>> metricTap = rows -> {};

  /** A unit of work on a connection, inside a transaction when it writes. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private Registry(RegistryLocation location, boolean readOnly, List<String> migrations) throws SQLException {
    this.migrations = List.copyOf(migrations);
    this.db = Connections.open(location, readOnly, migrations);
    this.reader = db.reader;
    this.metrics = new Metrics(reader);
    this.events = new Events(reader);
    this.episodes = new Episodes(reader);
    this.checkpoints = new Checkpoints(reader);
    this.asks = new AskBook(this, reader);
    this.thoughts = new ThoughtBook(this, reader);
    this.cluster = new ClusterBook(this, reader);
  }

  /** Opens (creating or migrating as needed) the SQLite registry at {@code file} for reading and writing. */
  public static Registry open(Path file) {
    return open(RegistryLocation.of(file), Schema.MIGRATIONS);
  }

  /**
   * Opens (creating or migrating as needed) the registry at {@code location}: a file path
   * (SQLite) or {@code postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE} (see {@link RegistryLocation}).
   */
  public static Registry open(String location) {
    return open(RegistryLocation.parse(location), Schema.MIGRATIONS);
  }

  /** As {@link #open(String)} with a given migration list (tests of the migration mechanism). */
  static Registry open(RegistryLocation location, List<String> migrations) {
    try {
      if (!location.postgres()) {
        Files.createDirectories(location.file().toAbsolutePath().getParent());
      }
      return new Registry(location, false, migrations);
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("cannot open registry " + location + ": " + e.getMessage(), e);
    }
  }

  /** As {@link #open(Path)} with a given migration list (tests of the migration mechanism). */
  static Registry open(Path file, List<String> migrations) {
    return open(RegistryLocation.of(file), migrations);
  }

  /** Opens an existing SQLite registry for reading only; it is never created or migrated. */
  public static Registry openReadOnly(Path file) {
    return openReadOnly(RegistryLocation.of(file));
  }

  /** Opens an existing registry at {@code location} (as {@link #open(String)}) for reading only. */
  public static Registry openReadOnly(String location) {
    return openReadOnly(RegistryLocation.parse(location));
  }

  private static Registry openReadOnly(RegistryLocation location) {
    if (!location.postgres() && !Files.isRegularFile(location.file())) {
      throw new IllegalArgumentException("no registry at " + location.file());
    }
    try {
      return new Registry(location, true, Schema.MIGRATIONS);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read registry " + location + ": " + e.getMessage(), e);
    }
  }

  /** The registry file (SQLite). */
  public Path file() {
    if (db.location.postgres()) {
      throw new IllegalStateException("registry " + db.location + " is a PostgreSQL database, not a file");
    }
    return db.location.file();
  }

  /** Where the registry is: its SQLite file or its PostgreSQL database. */
  public RegistryLocation location() {
    return db.location;
  }

  // -- writes ---------------------------------------------------------------------------------

  /** Runs {@code work} on the writer thread in one transaction and returns its result. */
  <T> T write(Work<T> work) {
    if (db.writer == null) {
      throw new IllegalStateException("registry " + db.location + " is open read-only");
    }
    return db.writer.write(work);
  }

  /** Records the colony itself (once) and its latest start. */
  public void recordStart(String name, long seed, String configToml, String configHash) {
    long now = System.currentTimeMillis();
    write(c -> Inserts.update(c, """
        INSERT INTO colony (id, name, seed, created_ms, started_ms, config_toml, config_hash)
        VALUES (1, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET started_ms = excluded.started_ms,
          config_toml = excluded.config_toml, config_hash = excluded.config_hash""",
        name, seed, now, now, configToml, configHash));
  }

  /** Adds an agent, or updates its row (its brain's size too: brains change size on replication). */
  public void putAgent(AgentRow a) {
    write(c -> Inserts.update(c, """
        INSERT INTO agents
          (id, parent, generation, state, world, brain_spec, parameters, fitness, born_ms, died_ms, error)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET parent = excluded.parent, generation = excluded.generation,
          state = excluded.state, world = excluded.world, brain_spec = excluded.brain_spec,
          parameters = excluded.parameters, fitness = excluded.fitness, born_ms = excluded.born_ms,
          died_ms = excluded.died_ms, error = excluded.error""",
        a.id(), a.parent(), a.generation(), a.state().key(), a.world(), a.brainSpec(), a.parameters(),
        a.fitness(), a.bornMillis(), a.diedMillis() == 0 ? null : a.diedMillis(), a.error()));
  }

  /** Records a checkpoint file written by the checkpoint store. */
  public void addCheckpoint(String agent, long step, String file, String sha256, long bytes,
      double fitness, long createdMillis) {
    write(c -> Inserts.update(c, """
        INSERT INTO checkpoints (agent, step, file, sha256, bytes, fitness, created_ms)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (file) DO UPDATE SET agent = excluded.agent, step = excluded.step, sha256 = excluded.sha256,
          bytes = excluded.bytes, fitness = excluded.fitness, created_ms = excluded.created_ms, pruned_ms = NULL""",
        agent, step, file, sha256, bytes, fitness, createdMillis));
  }

  /** Marks checkpoint files as pruned (their rows stay, as history). */
  public void markPruned(List<String> files) {
    long now = System.currentTimeMillis();
    write(c -> {
      for (String f : files) {
        Inserts.update(c, "UPDATE checkpoints SET pruned_ms = ? WHERE file = ?", now, f);
      }
      return null;
    });
  }

  /** Appends a metric value. */
  public void addMetric(String agent, long step, String name, double value) {
    long now = System.currentTimeMillis();
    write(c -> Inserts.update(c, "INSERT INTO metrics (agent, step, name, value, time_ms) VALUES (?, ?, ?, ?, ?)",
        agent, step, name, value, now));
    metricTap.accept(List.of(new MetricRow(agent, step, name, value, now)));
  }

  /**
   * Hands {@code tap} every batch of metric values this registry writes from now on, after each
   * write ({@link #addMetric}, {@link #addMetrics}); one tap at a time, {@code null} for none.
   * The tap runs on the writer's thread and must be quick.
   */
  public void onMetrics(Consumer<List<MetricRow>> tap) {
    metricTap = tap == null ? rows -> {} : tap;
  }

  /** Appends an event. */
  public void addEvent(Event e) {
    write(c -> Inserts.update(c, "INSERT INTO events (time_ms, kind, agent, json) VALUES (?, ?, ?, ?)",
        e.timeMillis(), e.kind(), e.agent(), e.json()));
  }

  /** Appends metric values in one transaction (a learner's statistics of one turn, say). */
  public void addMetrics(List<MetricRow> rows) {
    if (!rows.isEmpty()) {
      write(c -> Inserts.metrics(c, rows));
      metricTap.accept(rows);
    }
  }

  /** Records finished episodes of {@code agent} in one transaction. */
  public void addEpisodes(String agent, List<EpisodeRecord> episodes) {
    if (!episodes.isEmpty()) {
      long now = System.currentTimeMillis();
      write(c -> Inserts.episodes(c, agent, episodes, now));
    }
  }

  /**
   * Appends agents' outputs in one transaction, then keeps only the newest {@link #KEEP_OUTPUTS}
   * of each agent written (older ones are deleted; other agents' are untouched).
   */
  public void addOutputs(List<OutputRow> rows) {
    if (!rows.isEmpty()) {
      List<OutputRow> copy = List.copyOf(rows);
      write(c -> Inserts.outputs(c, copy, KEEP_OUTPUTS));
    }
  }

  /**
   * Appends weaving agents' blocks in one transaction, then keeps only the newest
   * {@link #KEEP_BLOCKS} of each agent.
   */
  public void addBlocks(List<BlockRow> rows) {
    if (!rows.isEmpty()) {
      List<BlockRow> copy = List.copyOf(rows);
      write(c -> Inserts.blocks(c, copy, KEEP_BLOCKS));
    }
  }

  /** {@code agent}'s newest {@code limit} blocks (at most {@link #KEEP_BLOCKS} are kept), newest first. */
  public List<BlockRow> blocks(String agent, int limit) {
    return reader.list("SELECT agent, step, episode, tick, block, type, time_ms, text, reward, well_formed FROM blocks"
        + " WHERE agent = ? ORDER BY id DESC LIMIT ?", Registry::blockRow, agent, limit);
  }

  /** {@code agent}'s blocks recorded at steps {@code from} to {@code to} (inclusive), oldest first. */
  public List<BlockRow> blocks(String agent, long from, long to) {
    return reader.list("SELECT agent, step, episode, tick, block, type, time_ms, text, reward, well_formed FROM blocks"
        + " WHERE agent = ? AND step >= ? AND step <= ? ORDER BY id", Registry::blockRow, agent, from, to);
  }

  private static BlockRow blockRow(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new BlockRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getString(6),
        rs.getLong(7), rs.getString(8), rs.getDouble(9), rs.getInt(10) != 0);
  }

  /** Records {@code voter}'s vote against {@code agent} (once per voter); returns the agent's vote count. */
  public long vote(String agent, String voter) {
    long now = System.currentTimeMillis();
    return write(c -> Inserts.vote(c, agent, voter, now));
  }

  /** Queues a request for the running colony and returns its id. */
  public long addRequest(String agent, String action, String arg, String source) {
    Request r = new Request(0, agent, action, arg, source, System.currentTimeMillis(), 0, null);
    return write(c -> Inserts.returningId(c,
        "INSERT INTO requests (agent, action, arg, source, created_ms) VALUES (?, ?, ?, ?, ?) RETURNING id",
        r.agent(), r.action(), r.arg(), r.source(), r.createdMillis()));
  }

  /** Marks request {@code id} as applied (or refused) with {@code result}. */
  public void finishRequest(long id, String result) {
    write(c -> Inserts.update(c, "UPDATE requests SET done_ms = ?, result = ? WHERE id = ?",
        System.currentTimeMillis(), Objects.requireNonNull(result, "result"), id));
  }

  /** Records a finished episode with its preset and curriculum level, enough to replay it exactly. */
  public void addEpisode(String agent, String world, String preset, int level, long seed, int steps, double ret,
      boolean success, byte[] actions) {
    write(c -> Inserts.update(c, """
        INSERT INTO episodes (agent, world, preset, level, seed, steps, return, success, actions, time_ms)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", agent, world, preset, level, seed, steps, ret, success ? 1 : 0,
        actions, System.currentTimeMillis()));
  }

  // -- reads ----------------------------------------------------------------------------------

  /** Requests not yet applied, oldest first. */
  public List<Request> pendingRequests() {
    return requests("WHERE done_ms IS NULL ORDER BY id");
  }

  /** Request {@code id}, or {@code null} when there is none. */
  public Request request(long id) {
    List<Request> r = requests("WHERE id = ?", id);
    return r.isEmpty() ? null : r.get(0);
  }

  private List<Request> requests(String where, Object... params) {
    return reader.list("SELECT id, agent, action, arg, source, created_ms, done_ms, result FROM requests " + where,
        rs -> new Request(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getLong(6), rs.getLong(7), rs.getString(8)), params);
  }

  /** {@code agent}'s newest {@code limit} outputs (at most {@link #KEEP_OUTPUTS} are kept), newest first. */
  public List<OutputRow> outputs(String agent, int limit) {
    return reader.list("SELECT agent, step, bytes, reward, details, time_ms FROM outputs WHERE agent = ? "
        + "ORDER BY id DESC LIMIT ?", rs -> new OutputRow(rs.getString(1), rs.getLong(2), rs.getBytes(3),
            rs.getDouble(4), rs.getString(5), rs.getLong(6)), agent, limit);
  }

  /** Number of agents per state, in state order alive, hibernating, dead, failed. */
  public Map<AgentState, Integer> agentsByState() {
    Map<AgentState, Integer> out = new EnumMap<>(AgentState.class);
    for (AgentState s : AgentState.values()) {
      out.put(s, 0);
    }
    reader.each("SELECT state, COUNT(*) FROM agents GROUP BY state",
        rs -> out.put(AgentState.of(rs.getString(1)), rs.getInt(2)));
    return out;
  }

  /** Every agent, oldest first. */
  public List<AgentRow> agents() {
    return reader.list(AGENT_COLUMNS + "ORDER BY born_ms, id", Registry::agentRow);
  }

  /** The agents in {@code state}, oldest first. */
  public List<AgentRow> agents(AgentState state) {
    return reader.list(AGENT_COLUMNS + "WHERE state = ? ORDER BY born_ms, id", Registry::agentRow, state.key());
  }

  /** Agent {@code id}, or empty when the colony has none by that id. */
  public Optional<AgentRow> agent(String id) {
    return reader.first(AGENT_COLUMNS + "WHERE id = ?", Registry::agentRow, id);
  }

  /** The ids of {@code id}'s children, oldest first. */
  public List<String> childrenOf(String id) {
    return reader.list("SELECT id FROM agents WHERE parent = ? ORDER BY born_ms, id", rs -> rs.getString(1), id);
  }

  /** The highest generation of any agent, 0 when there is none. */
  public int maxGeneration() {
    return (int) reader.scalar("SELECT MAX(generation) FROM agents", 0);
  }

  /** How many people voted for {@code agent}. */
  public long voteCount(String agent) {
    return reader.scalar("SELECT COUNT(*) FROM votes WHERE agent = ?", 0, agent);
  }

  /** The newest {@code limit} requests, of {@code agent} unless it is {@code null}, newest first. */
  public List<Request> requests(String agent, int limit) {
    return agent == null
        ? requests("ORDER BY id DESC LIMIT ?", (Object) limit)
        : requests("WHERE agent = ? ORDER BY id DESC LIMIT ?", agent, limit);
  }

  /** The colony's name and seed, or {@code null} before the first start. */
  public String[] colony() {
    return reader.first("SELECT name, seed, created_ms, started_ms, config_hash FROM colony WHERE id = 1",
        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)})
        .orElse(null);
  }

  /** The colony's configuration as its latest start recorded it (secrets redacted), or {@code null} before it. */
  public String colonyConfig() {
    return reader.first("SELECT config_toml FROM colony WHERE id = 1", rs -> rs.getString(1)).orElse(null);
  }

  /** Reads of the recorded metrics. */
  public Metrics metrics() {
    return metrics;
  }

  /** Reads of the recorded events. */
  public Events events() {
    return events;
  }

  /** Reads of the recorded episodes. */
  public Episodes episodes() {
    return episodes;
  }

  /** Reads of the recorded checkpoints. */
  public Checkpoints checkpoints() {
    return checkpoints;
  }

  /** People's questions (asks) and their answers; writes need a writable registry. */
  public AskBook asks() {
    return asks;
  }

  /** The trees of thought agents and people thought (table {@code thoughts}). */
  public ThoughtBook thoughts() {
    return thoughts;
  }

  /** The cluster's nodes and which agent runs on which node; writes need a writable registry. */
  public ClusterBook cluster() {
    return cluster;
  }

  /** The schema version of the database (SQLite's {@code PRAGMA user_version}, PostgreSQL's {@code registry_version}). */
  public int schemaVersion() {
    return reader.with(db.dialect::version);
  }

  /**
   * The database's consistency check, {@code "ok"} when sound: SQLite's own
   * {@code integrity_check}; on PostgreSQL, that every table exists and every constraint holds.
   */
  public String integrityCheck() {
    return reader.with(c -> db.dialect.integrityCheck(c, migrations));
  }

  /** The reader under the typed reads (tests of this package inspect the file with it). */
  Reader reader() {
    return reader;
  }

  private static AgentRow agentRow(ResultSet rs) throws SQLException {
    return new AgentRow(rs.getString(1), rs.getString(2), rs.getInt(3), AgentState.of(rs.getString(4)),
        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getDouble(8), rs.getLong(9), rs.getLong(10),
        rs.getString(11));
  }

  // -- internals ------------------------------------------------------------------------------

  /** Waits for pending writes and closes the file (checkpointing its WAL) or the pool. Idempotent. */
  @Override
  public synchronized void close() {
    db.close();
  }
}
