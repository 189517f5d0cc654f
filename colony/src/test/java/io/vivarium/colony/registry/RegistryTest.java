package io.vivarium.colony.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.core.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RegistryTest extends OnBothDatabases {


  private static AgentRow agent(String id, String parent, int gen, AgentState state) {
    return new AgentRow(id, parent, gen, state, "gold-bare-6x6", "tiny", 0, 0.5, 1000 + gen, 0, null);
  }

  @Test
  void migratesAnEmptyFileToTheCurrentSchema() {
    try (Registry r = Registry.open(where)) {
      assertThat(r.schemaVersion()).isEqualTo(Schema.version());
      for (String table : List.of("colony", "agents", "checkpoints", "metrics", "events", "episodes", "votes",
          "requests", "outputs", "asks", "ask_answers", "nodes", "placements", "blocks")) {
        assertThat(r.reader().scalar("SELECT COUNT(*) FROM " + table, -1)).as(table).isZero();
      }
      assertThat(r.integrityCheck()).isEqualTo("ok");
    }
  }

  @Test
  void migratesEachOlderSchemaForwardKeepingData() {
    // The mechanism, with a two-step history: a file at version 1 gains version 2's table.
    List<String> v1 = List.of("CREATE TABLE t (x INTEGER)");
    List<String> v2 = List.of("CREATE TABLE t (x INTEGER)", "CREATE TABLE u (y TEXT); INSERT INTO u VALUES ('new')");
    RegistryLocation f = RegistryLocation.parse(where);
    try (Registry r = Registry.open(f, v1)) {
      r.write(c -> c.createStatement().executeUpdate("INSERT INTO t VALUES (7)"));
    }
    try (Registry r = Registry.open(f, v2)) {
      assertThat(r.schemaVersion()).isEqualTo(2);
      assertThat(r.reader().scalar("SELECT x FROM t", -1)).isEqualTo(7);
      assertThat(r.reader().scalar("SELECT COUNT(*) FROM u", -1)).isEqualTo(1);
    }
    // And the real schema applies from every older version it has had.
    for (int from = 0; from < Schema.version(); from++) {
      String g = backend.newLocation(dir);
      try (Registry r = Registry.open(RegistryLocation.parse(g), Schema.MIGRATIONS.subList(0, from))) {
        assertThat(r.schemaVersion()).isEqualTo(from);
      }
      try (Registry r = Registry.open(g)) {
        assertThat(r.schemaVersion()).isEqualTo(Schema.version());
      }
    }
  }

  @Test
  void refusesANewerSchemaByName() throws Exception {
    try (Registry r = Registry.open(where)) {
      r.write(c -> {
        backend.dialect().setVersion(c, 99);
        return null;
      });
    }
    assertThatThrownBy(() -> Registry.open(where))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("schema version 99 but this vivarium knows versions up to " + Schema.version())
        .hasMessageContaining("run a newer vivarium");
    assertThatThrownBy(() -> Registry.openReadOnly(where)).hasMessageContaining("schema version 99");
  }

  @Test
  void readOnlyRefusesWritesAndMissingRegistries() {
    String empty = backend.newLocation(dir);
    Registry.open(where).close();
    try (Registry r = Registry.openReadOnly(where)) {
      assertThatThrownBy(() -> r.addMetric("a0001", 1, "x", 1))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
    }
    // A file that is not there; a database that is there (PostgreSQL) but was never migrated.
    assertThatThrownBy(() -> Registry.openReadOnly(empty))
        .hasMessageContaining(backend == Backend.SQLITE ? "no registry at" : "older schema version 0");
  }

  @Test
  void recordsAgentsLineageAndEvents() {
    try (Registry r = Registry.open(where)) {
      r.recordStart("test", 42, "# toml", "abc");
      r.putAgent(agent("a0001", null, 0, AgentState.ALIVE));
      r.putAgent(agent("a0002", "a0001", 1, AgentState.HIBERNATING));
      r.putAgent(agent("a0003", "a0002", 2, AgentState.DEAD));
      r.addEvent(Event.now("birth", "a0002", "{\"parent\":\"a0001\"}"));
      assertThat(r.agentsByState()).containsEntry(AgentState.ALIVE, 1)
          .containsEntry(AgentState.HIBERNATING, 1).containsEntry(AgentState.DEAD, 1)
          .containsEntry(AgentState.FAILED, 0);
      assertThat(r.agents()).extracting(AgentRow::parent).containsExactly(null, "a0001", "a0002");
      assertThat(r.agents(AgentState.DEAD)).extracting(AgentRow::id).containsExactly("a0003");
      assertThat(r.agents(AgentState.FAILED)).isEmpty();
      assertThat(r.colony()[0]).isEqualTo("test");
      assertThat(r.events().count("birth", null)).isEqualTo(1);
      // The foreign key holds: a child of an unknown parent is refused.
      assertThatThrownBy(() -> r.putAgent(agent("a0009", "zzz", 1, AgentState.ALIVE)))
          .message().containsIgnoringCase("foreign key");
    }
  }

  @Test
  void recordsEachAgentsBrainSizeAndFollowsItsChanges() {
    try (Registry r = Registry.open(where)) {
      r.putAgent(new AgentRow("a0001", null, 0, AgentState.ALIVE, "gold-bare-6x6", "tiny", 93_000, 0.5, 1, 0, null));
      assertThat(r.agent("a0001").orElseThrow().parameters()).isEqualTo(93_000);
      // the brain grew: the same agent's row is put again with its new shape
      r.putAgent(new AgentRow("a0001", null, 0, AgentState.ALIVE, "gold-bare-6x6", "4L·48d·4h", 121_000, 0.6, 1, 0,
          null));
      AgentRow grown = r.agent("a0001").orElseThrow();
      assertThat(grown.brainSpec()).isEqualTo("4L·48d·4h");
      assertThat(grown.parameters()).isEqualTo(121_000);
      assertThat(grown.size()).isEqualTo("4L·48d·4h 121k params");
      assertThat(grown.with(AgentState.DEAD, 7, null)).extracting(AgentRow::parameters, AgentRow::diedMillis)
          .containsExactly(121_000L, 7L);
    }
  }

  @Test
  void rowsFromBeforeSizesWereRecordedReadAsUnknown() {
    RegistryLocation f = RegistryLocation.parse(where);
    try (Registry r = Registry.open(f, Schema.MIGRATIONS.subList(0, 5))) {
      putOldAgent(r, "a0001");
    }
    try (Registry r = Registry.open(where)) {
      AgentRow old = r.agent("a0001").orElseThrow();
      assertThat(old.parameters()).isZero();
      assertThat(old.size()).isEqualTo("tiny");
      assertThat(r.integrityCheck()).isEqualTo("ok");
    }
  }

  @Test
  void parameterCountsReadAsPeopleSayThem() {
    assertThat(AgentRow.count(950)).isEqualTo("950");
    assertThat(AgentRow.count(5_200)).isEqualTo("5.2k");
    assertThat(AgentRow.count(9_960)).isEqualTo("10k");
    assertThat(AgentRow.count(48_400)).isEqualTo("48k");
    assertThat(AgentRow.count(999_400)).isEqualTo("999k");
    assertThat(AgentRow.count(1_260_000)).isEqualTo("1.3M");
    assertThat(AgentRow.count(85_000_000)).isEqualTo("85M");
    assertThatThrownBy(() -> new AgentRow("a0001", null, 0, AgentState.ALIVE, "w", "tiny", -1, 0, 1, 0, null))
        .hasMessageContaining("parameters must be >= 0");
  }

  @Test
  void aWriterAndReadersRunConcurrently() throws Exception {
    try (Registry r = Registry.open(where)) {
      r.putAgent(agent("a0001", null, 0, AgentState.ALIVE));
      AtomicBoolean done = new AtomicBoolean();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<Long>> readers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        readers.add(pool.submit(() -> {
          long reads = 0;
          long last = 0;
          while (!done.get() || reads == 0) {
            long n = r.metrics().count();
            assertThat(n).isGreaterThanOrEqualTo(last); // committed rows never disappear
            last = n;
            reads++;
          }
          return reads;
        }));
      }
      Future<?> writer = pool.submit(() -> {
        for (int i = 0; i < 500; i++) {
          r.addMetric("a0001", i, "return", i * 0.5);
        }
      });
      writer.get();
      done.set(true);
      for (Future<Long> f : readers) {
        assertThat(f.get()).isPositive();
      }
      pool.shutdown();
      assertThat(r.metrics().count()).isEqualTo(500);
    }
  }

  @Test
  void aSeriesServesItsNewestPointsOldestFirst() {
    try (Registry r = Registry.open(where)) {
      r.putAgent(agent("a0001", null, 0, AgentState.ALIVE));
      r.write(c -> {
        try (var ps = c.prepareStatement("INSERT INTO metrics (agent, step, name, value, time_ms) VALUES (?, ?, ?, ?, ?)")) {
          for (int step = 1; step <= 2500; step++) {
            ps.setString(1, "a0001");
            ps.setLong(2, step);
            ps.setString(3, "return");
            ps.setDouble(4, step * 0.5);
            ps.setLong(5, step);
            ps.addBatch();
          }
          ps.executeBatch();
        }
        return null;
      });
      List<MetricPoint> chart = r.metrics().series("a0001", "return", -1, 2000);
      assertThat(chart).hasSize(2000);
      assertThat(chart.get(0).step()).isEqualTo(501);
      assertThat(chart.get(1999).step()).isEqualTo(2500);
      assertThat(r.metrics().series("a0001", "return", 2497, 2000)).extracting(MetricPoint::step)
          .containsExactly(2498L, 2499L, 2500L);
      assertThat(r.metrics().latest("a0001", "return")).hasValue(1250.0);
      assertThat(r.metrics().names("a0001")).containsExactly("return");
      assertThat(r.metrics().newestStepTotal("return")).isEqualTo(2500);
      assertThat(r.maxGeneration()).isZero();
      assertThat(r.agent("a0001")).hasValueSatisfying(a -> assertThat(a.state()).isEqualTo(AgentState.ALIVE));
      assertThat(r.agent("a0009")).isEmpty();
    }
  }
}
