package io.vivarium.colony.registry;

import java.util.List;

/**
 * The registry's schema as a list of forward migrations: migration {@code i} (0-based) takes
 * the database from version {@code i} to {@code i + 1}. They are written in SQLite's dialect and
 * translated mechanically for PostgreSQL ({@code Dialect}); the version lives in SQLite's
 * {@code PRAGMA user_version} or PostgreSQL's one-row {@code registry_version} table. Never
 * edit a released migration; append a new one.
 */
public final class Schema {
  private Schema() {}

  /** The migrations this program knows; its schema version is their count. */
  public static final List<String> MIGRATIONS = List.of(
      // 1: the colony's records.
      """
      CREATE TABLE colony (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        seed INTEGER NOT NULL,
        created_ms INTEGER NOT NULL,
        started_ms INTEGER NOT NULL,
        config_toml TEXT NOT NULL,
        config_hash TEXT NOT NULL
      );
      CREATE TABLE agents (
        id TEXT PRIMARY KEY,
        parent TEXT REFERENCES agents(id),
        generation INTEGER NOT NULL CHECK (generation >= 0),
        state TEXT NOT NULL CHECK (state IN ('alive', 'hibernating', 'dead', 'failed')),
        world TEXT NOT NULL,
        brain_spec TEXT NOT NULL,
        fitness REAL NOT NULL DEFAULT 0,
        born_ms INTEGER NOT NULL,
        died_ms INTEGER,
        error TEXT
      );
      CREATE INDEX agents_parent ON agents(parent);
      CREATE TABLE checkpoints (
        id INTEGER PRIMARY KEY,
        agent TEXT NOT NULL REFERENCES agents(id),
        step INTEGER NOT NULL,
        file TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        fitness REAL NOT NULL,
        created_ms INTEGER NOT NULL,
        pruned_ms INTEGER
      );
      CREATE INDEX checkpoints_agent ON checkpoints(agent, step);
      CREATE TABLE metrics (
        agent TEXT NOT NULL,
        step INTEGER NOT NULL,
        name TEXT NOT NULL,
        value REAL NOT NULL,
        time_ms INTEGER NOT NULL
      );
      CREATE INDEX metrics_series ON metrics(agent, name, step);
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        time_ms INTEGER NOT NULL,
        kind TEXT NOT NULL,
        agent TEXT NOT NULL,
        json TEXT NOT NULL
      );
      CREATE INDEX events_time ON events(time_ms);
      CREATE TABLE episodes (
        id INTEGER PRIMARY KEY,
        agent TEXT NOT NULL,
        world TEXT NOT NULL,
        seed INTEGER NOT NULL,
        steps INTEGER NOT NULL,
        return REAL NOT NULL,
        actions BLOB NOT NULL,
        time_ms INTEGER NOT NULL
      );
      CREATE INDEX episodes_agent ON episodes(agent, id);
      CREATE TABLE votes (
        id INTEGER PRIMARY KEY,
        agent TEXT NOT NULL,
        voter TEXT NOT NULL,
        time_ms INTEGER NOT NULL,
        UNIQUE (agent, voter)
      );
      """,
      // 2: requests from people (CLI, zookeeper, bus) to a running colony; replayable episodes.
      """
      CREATE TABLE requests (
        id INTEGER PRIMARY KEY,
        agent TEXT NOT NULL,
        action TEXT NOT NULL
          CHECK (action IN ('hibernate', 'wake', 'kill', 'clone', 'reward', 'talk', 'vote')),
        arg TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL,
        created_ms INTEGER NOT NULL,
        done_ms INTEGER,
        result TEXT
      );
      CREATE INDEX requests_pending ON requests(done_ms, id);
      ALTER TABLE episodes ADD COLUMN preset TEXT NOT NULL DEFAULT '';
      ALTER TABLE episodes ADD COLUMN level INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE episodes ADD COLUMN success INTEGER NOT NULL DEFAULT 0
      """,
      // 3: each agent's recent outputs (programs in the exec world), pruned to the newest per agent.
      """
      CREATE TABLE outputs (
        id INTEGER PRIMARY KEY,
        agent TEXT NOT NULL,
        step INTEGER NOT NULL,
        bytes BLOB NOT NULL,
        reward REAL NOT NULL,
        details TEXT NOT NULL,
        time_ms INTEGER NOT NULL
      );
      CREATE INDEX outputs_agent ON outputs(agent, id)
      """,
      // 4: people's questions (asks) to the colony's text worlds and every agent's answer to them.
      """
      CREATE TABLE asks (
        id INTEGER PRIMARY KEY,
        agent TEXT NOT NULL,
        text TEXT NOT NULL,
        source TEXT NOT NULL,
        created_ms INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending'
          CHECK (state IN ('pending', 'answered', 'dropped', 'refused')),
        answered_by TEXT,
        answer TEXT,
        answered_ms INTEGER,
        reward REAL NOT NULL DEFAULT 0,
        reason TEXT
      );
      CREATE INDEX asks_state ON asks(state, id);
      CREATE TABLE ask_answers (
        id INTEGER PRIMARY KEY,
        ask INTEGER NOT NULL REFERENCES asks(id),
        agent TEXT NOT NULL,
        answer TEXT NOT NULL,
        time_ms INTEGER NOT NULL,
        reward REAL NOT NULL DEFAULT 0,
        UNIQUE (ask, agent)
      );
      CREATE INDEX ask_answers_ask ON ask_answers(ask, id)
      """,
      // 5: a colony across machines: its nodes, and which node runs which agent when.
      """
      CREATE TABLE nodes (
        address TEXT PRIMARY KEY,
        version TEXT NOT NULL,
        started_ms INTEGER NOT NULL,
        seen_ms INTEGER NOT NULL,
        steps_per_second REAL NOT NULL DEFAULT 0,
        agents INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL
      );
      CREATE TABLE placements (
        id INTEGER PRIMARY KEY,
        agent TEXT NOT NULL,
        node TEXT NOT NULL,
        started_ms INTEGER NOT NULL,
        seen_ms INTEGER NOT NULL,
        ended_ms INTEGER
      );
      CREATE INDEX placements_agent ON placements(agent, id);
      CREATE INDEX placements_open ON placements(id) WHERE ended_ms IS NULL
      """,
      // 6: each agent's brain size (brains grow and shrink on replication); 0 = unknown, for older rows.
      """
      ALTER TABLE agents ADD COLUMN parameters INTEGER NOT NULL DEFAULT 0
      """,
      // 7: trees of thought (seed 000's update): who thought what, the tree as JSON, its conclusion and score.
      """
      CREATE TABLE thoughts (
        id INTEGER PRIMARY KEY,
        agent TEXT NOT NULL,
        time_ms INTEGER NOT NULL,
        query TEXT NOT NULL,
        tree TEXT NOT NULL,
        conclusion TEXT NOT NULL,
        score REAL NOT NULL
      );
      CREATE INDEX thoughts_agent ON thoughts(agent, id)
      """,
      // 8: the typed blocks of weaving agents' ticks, the newest of each agent kept.
      """
      CREATE TABLE blocks (
        id INTEGER PRIMARY KEY,
        agent TEXT NOT NULL,
        step INTEGER NOT NULL,
        episode INTEGER NOT NULL,
        tick INTEGER NOT NULL,
        block INTEGER NOT NULL,
        type TEXT NOT NULL,
        time_ms INTEGER NOT NULL,
        text TEXT NOT NULL,
        reward REAL NOT NULL DEFAULT 0,
        well_formed INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX blocks_agent ON blocks(agent, id)
      """);

  /** The schema version this program writes. */
  public static int version() {
    return MIGRATIONS.size();
  }
}
