package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.VivariumConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lifecycle state machine driven by people's requests, votes, and a failing agent, on a small real colony. */
class ColonyLifecycleTest {
  @TempDir Path dir;

  static VivariumConfig config(String... extra) {
    List<String> o = new ArrayList<>(List.of("colony.agents=2", "colony.replicateEvery=1000000",
        "world.preset=gold-bare-5x5", "world.batch=4", "bus.enabled=false", "learn.method=ppo"));
    o.addAll(List.of(extra));
    return ConfigResolver.resolve(null, o);
  }

  private static String state(Registry r, String agent) {
    return r.agents().stream().filter(a -> a.id().equals(agent)).map(a -> a.state().key()).findFirst().orElseThrow();
  }

  private static long events(Registry r, String kind, String agent) {
    return r.events().count(kind, agent);
  }

  @Test
  void requestsMoveAgentsThroughTheirStates() {
    DataDir data = new DataDir(dir.resolve("c"));
    try (Colony colony = new Colony(data, config(), l -> {});
        Registry r = Registry.openReadOnly(data.registry())) {
      long h = colony.request("a0001", "hibernate", "", "test");
      colony.runRounds(1);
      assertThat(r.request(h).result()).isEqualTo("ok");
      assertThat(state(r, "a0001")).isEqualTo("hibernating");
      assertThat(colony.agentIds()).containsExactly("a0002");
      assertThat(colony.frame("a0001")).isEmpty();
      assertThat(events(r, "hibernate", "a0001")).isEqualTo(1);
      // its row, written after its brain left memory, still records the brain's actual size
      AgentRow slept = r.agent("a0001").orElseThrow();
      assertThat(slept.brainSpec()).isEqualTo("3L·48d·4h·g8"); // the tiny preset reading 8 tokens per position
      assertThat(slept.parameters()).isPositive();

      long again = colony.request("a0001", "hibernate", "", "test");
      long talk = colony.request("a0001", "talk", "hello", "test");
      colony.runRounds(1);
      assertThat(r.request(again).result()).isEqualTo("cannot hibernate a0001: it is hibernating");
      assertThat(r.request(talk).result()).isEqualTo("cannot talk a0001: it is hibernating");

      long w = colony.request("a0001", "wake", "", "test");
      long wakeAlive = colony.request("a0002", "wake", "", "test");
      colony.runRounds(1);
      assertThat(r.request(w).result()).isEqualTo("ok");
      assertThat(r.request(wakeAlive).result()).isEqualTo("cannot wake a0002: it is alive");
      assertThat(state(r, "a0001")).isEqualTo("alive");
      assertThat(colony.agentIds()).containsExactlyInAnyOrder("a0001", "a0002");
      assertThat(events(r, "wake", "a0001")).isEqualTo(1);

      long c = colony.request("a0002", "clone", "", "test");
      long reward = colony.request("a0002", "reward", "2.5", "test");
      long t = colony.request("a0002", "talk", "héllo", "zoo");
      colony.runRounds(1);
      assertThat(List.of(r.request(c).result(), r.request(reward).result(), r.request(t).result()))
          .containsOnly("ok");
      AgentRow child = r.agents().stream().filter(a -> a.id().equals("a0003")).findFirst().orElseThrow();
      assertThat(child.parent()).isEqualTo("a0002");
      assertThat(child.generation()).isEqualTo(1);
      assertThat(r.events().json("birth", "a0003")).singleElement().asString().contains("\"parent\":\"a0002\"", "\"sigma\":0.0", "\"via\":\"clone\"");
      assertThat(Optional.ofNullable(colony.find("a0003")).map(x -> x.hparams)).isEqualTo(Optional.ofNullable(colony.find("a0002")).map(x -> x.hparams));
      assertThat(r.metrics().newest("a0002", "human_reward", 10)).containsExactly(2.5);
      assertThat(colony.frame("a0002")).hasValueSatisfying(f -> assertThat(f.textIn()).isEqualTo("héllo"));
      assertThat(events(r, "talk", "a0002")).isEqualTo(1);

      long k = colony.request("a0003", "kill", "", "test");
      colony.runRounds(1);
      long k2 = colony.request("a0003", "kill", "", "test");
      colony.runRounds(1);
      assertThat(r.request(k).result()).isEqualTo("ok");
      assertThat(r.request(k2).result()).isEqualTo("cannot kill a0003: it is already dead");
      assertThat(state(r, "a0003")).isEqualTo("dead");
      assertThat(data.checkpoints().latest("a0003", d -> { })).as("weights are kept").isPresent();

      long ghost = addRaw(data, "zz99");
      colony.runRounds(1);
      assertThat(r.request(ghost).result()).isEqualTo("unknown agent zz99");
    }
  }

  /** A request for an agent the registry does not know, as another process might queue it. */
  private static long addRaw(DataDir data, String agent) {
    try (Registry w = Registry.open(data.registry())) {
      return w.addRequest(agent, "kill", "", "other");
    }
  }

  @Test
  void badRequestsAreRefusedWithTheRule() {
    DataDir data = new DataDir(dir.resolve("b"));
    try (Colony colony = new Colony(data, config("colony.agents=1"), l -> {})) {
      assertThatThrownBy(() -> colony.request("a0099", "kill", "", "test")).hasMessageContaining("no agent 'a0099'");
      assertThatThrownBy(() -> colony.request("a0001", "dance", "", "test"))
          .hasMessageContaining("request action must be one of").hasMessageContaining("'dance'");
      assertThatThrownBy(() -> colony.request("A 1", "kill", "", "test")).hasMessageContaining("agent id must be");
      for (String bad : List.of("abc", "NaN", "Infinity", "1000.5", "-2000")) {
        assertThatThrownBy(() -> colony.request("a0001", "reward", bad, "test"))
            .as(bad).hasMessageContaining("reward must be");
      }
      assertThat(colony.request("a0001", "reward", "-1000", "test")).isPositive();
      assertThatThrownBy(() -> colony.request("a0001", "talk", "é".repeat(501), "test"))
          .hasMessageContaining("at most 1000 UTF-8 bytes; got 1002 bytes");
      assertThat(colony.request("a0001", "talk", "x".repeat(1000), "test")).isPositive();
      assertThatThrownBy(() -> colony.request("a0001", "vote", " ", "test")).hasMessageContaining("voter's name");
      assertThatThrownBy(() -> colony.request("a0001", "kill", "", "")).hasMessageContaining("request source");
    }
  }

  @Test
  void enoughDistinctVotesKillAnAgent() {
    DataDir data = new DataDir(dir.resolve("v"));
    try (Colony colony = new Colony(data, config("colony.voteThreshold=2"), l -> {});
        Registry r = Registry.openReadOnly(data.registry())) {
      colony.request("a0001", "vote", "ann", "zoo");
      colony.request("a0001", "vote", "ann", "zoo"); // the same voter counts once
      colony.runRounds(1);
      assertThat(state(r, "a0001")).isEqualTo("alive");
      assertThat(r.voteCount("a0001")).isEqualTo(1);
      colony.request("a0001", "vote", "bob", "zoo");
      colony.runRounds(1);
      assertThat(state(r, "a0001")).isEqualTo("dead");
      assertThat(r.events().json("death", "a0001")).last().asString().contains("\"reason\":\"vote\"");
      assertThat(colony.agentIds()).containsExactly("a0002");
    }
  }

  @Test
  void aFailingAgentIsIsolatedAndTheColonyGoesOn() {
    DataDir data = new DataDir(dir.resolve("f"));
    List<String> lines = new ArrayList<>();
    WatchedLearners learners = new WatchedLearners();
    try (Colony colony = new Colony(data, config(), lines::add, learners);
        Registry r = Registry.openReadOnly(data.registry())) {
      learners.beforeUpdate = id -> {
        if (id.equals("a0001")) {
          throw new IllegalStateException("injected fault\nsecond line");
        }
      };
      colony.runRounds(2);
      AgentRow failed = r.agents().get(0);
      assertThat(failed.state()).isEqualTo(AgentState.FAILED);
      assertThat(failed.error()).isEqualTo("IllegalStateException: injected fault second line");
      assertThat(events(r, "error", "a0001")).isEqualTo(1);
      assertThat(colony.agentIds()).containsExactly("a0002");
      assertThat(r.metrics().all("a0002")).anySatisfy(m -> assertThat(m.step()).isPositive());

      // Every agent failed or hibernating: the colony waits for requests rather than spinning or dying.
      colony.request("a0002", "hibernate", "", "test");
      colony.runRounds(2);
      assertThat(colony.agentIds()).isEmpty();
      assertThat(lines).contains("no alive agent; waiting for requests (e.g. vivarium wake AGENT)");
      learners.beforeUpdate = id -> { };
      long w = colony.request("a0001", "wake", "", "test");
      colony.runRounds(1);
      assertThat(r.request(w).result()).isEqualTo("ok");
      assertThat(state(r, "a0001")).isEqualTo("alive");
      assertThat(colony.stepsPerSecond()).isPositive();
    }
  }

  @Test
  void aColonyOfTheDeadStopsWithAReason() {
    DataDir data = new DataDir(dir.resolve("d"));
    List<String> lines = new ArrayList<>();
    try (Colony colony = new Colony(data, config("colony.agents=1"), lines::add)) {
      colony.request("a0001", "kill", "", "test");
      colony.runRounds(1_000_000);
      assertThat(lines).contains("every agent of this colony is dead; nothing to run");
    }
  }

  @Test
  void resumeLoadsOnlyAliveAgents() {
    DataDir data = new DataDir(dir.resolve("r"));
    try (Colony colony = new Colony(data, config("colony.agents=3"), l -> {})) {
      colony.request("a0002", "hibernate", "", "test");
      colony.request("a0003", "kill", "", "test");
      colony.runRounds(1);
    }
    try (Colony colony = new Colony(data, config("colony.agents=3"), l -> {})) {
      assertThat(colony.agentIds()).containsExactly("a0001");
    }
  }

  @Test
  void aSecondColonyOnTheSameDirectoryIsRefused() {
    DataDir data = new DataDir(dir.resolve("l"));
    try (Colony colony = new Colony(data, config("colony.agents=1"), l -> {})) {
      assertThatThrownBy(() -> new Colony(data, config("colony.agents=1"), l -> {}))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("a colony is already running in");
    }
    try (Colony again = new Colony(data, config("colony.agents=1"), l -> {})) {
      assertThat(again.agentIds()).containsExactly("a0001");
    }
  }
}
