package io.vivarium.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.vivarium.memory.Entry;
import io.vivarium.memory.Filter;
import io.vivarium.memory.Hit;
import io.vivarium.memory.MemoryStats;
import java.io.NotSerializableException;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every message the nodes exchange survives the wire unchanged; an unknown one is refused clearly. */
class WireTest {
  private static ActorSystem<Void> system;
  private static Wire wire;

  @BeforeAll
  static void start() {
    system = ActorSystem.create(Behaviors.empty(), "wire", ConfigFactory.parseString("pekko.loglevel = WARNING"));
    wire = new Wire((ExtendedActorSystem) Adapter.toClassic(system));
  }

  @AfterAll
  static void stop() {
    system.terminate();
  }

  private static Object roundTrip(Object m) throws NotSerializableException {
    return wire.fromBinary(wire.toBinary(m), wire.manifest(m));
  }

  @Test
  void agentAndPopulationMessagesRoundTrip() throws Exception {
    assertThat(roundTrip(new AgentEntity.Ensure())).isEqualTo(new AgentEntity.Ensure());
    assertThat(roundTrip(new AgentEntity.Release())).isEqualTo(new AgentEntity.Release());
    assertThat(roundTrip(new AgentEntity.Kill("population cap"))).isEqualTo(new AgentEntity.Kill("population cap"));
    assertThat(roundTrip(new PopulationManager.Answer("a0042"))).isEqualTo(new PopulationManager.Answer("a0042"));
    assertThat(roundTrip(new PopulationManager.Born("a0042"))).isEqualTo(new PopulationManager.Born("a0042"));
    var ask = new PopulationManager.ChildId("a0001", 0.75, true, system.ignoreRef());
    var back = (PopulationManager.ChildId) roundTrip(ask);
    assertThat(back.parent()).isEqualTo("a0001");
    assertThat(back.fitness()).isEqualTo(0.75);
    assertThat(back.asked()).isTrue();
  }

  @Test
  void memoryMessagesRoundTrip() throws Exception {
    Entry e = new Entry(new float[] {1, -2.5f}, new byte[] {0, 7, (byte) 255}, "é".repeat(4000), "a0001", 0.5,
        Entry.OUTPUT, null, 12, 34);
    Entry stored = ((MemoryServer.Store) roundTrip(new MemoryServer.Store(e))).entry();
    assertThat(stored).isEqualTo(e);
    var hits = (MemoryServer.Hits) roundTrip(new MemoryServer.Hits(List.of(new Hit(9, e, 0.9, 0.8))));
    assertThat(hits.hits()).containsExactly(new Hit(9, e, 0.9, 0.8));
    var recall = (MemoryServer.Recall) roundTrip(
        new MemoryServer.Recall(new float[] {3, 4}, 5, Filter.kind("fact"), system.ignoreRef()));
    assertThat(recall.query()).containsExactly(3, 4);
    assertThat(recall.filter()).isEqualTo(Filter.kind("fact"));
    MemoryStats s = new MemoryStats(3, Map.of("fact", 2L, "output", 1L), 64, 1, 3, 0, 0, 2);
    assertThat(((MemoryServer.StatsAnswer) roundTrip(new MemoryServer.StatsAnswer(s))).stats()).isEqualTo(s);
  }

  @Test
  void anUnknownManifestSaysWhatItMayMean() {
    assertThatThrownBy(() -> wire.fromBinary(new byte[0], "Z")).isInstanceOf(NotSerializableException.class)
        .hasMessageContaining("another Vivarium version");
  }
}
