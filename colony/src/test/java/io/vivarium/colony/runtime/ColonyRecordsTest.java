package io.vivarium.colony.runtime;

import static io.vivarium.colony.runtime.ColonyLifecycleTest.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.replay.Episode;
import io.vivarium.colony.replay.Replay;
import io.vivarium.core.Event;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a colony records and shows: episodes that replay, perturbed children, frames and events. */
class ColonyRecordsTest {
  @TempDir Path dir;

  @Test
  void everyFinishedEpisodeIsRecordedAndReplaysExactly() {
    DataDir data = new DataDir(dir.resolve("e"));
    try (Colony colony = new Colony(data, config("colony.agents=1", "learn.method=bc+ppo", "colony.bcSteps=256"),
        l -> {}); Registry r = Registry.openReadOnly(data.registry())) {
      assertThat(Optional.ofNullable(colony.find("a0001")).map(x -> x.phase)).contains(io.vivarium.core.config.LearnMethod.BC);
      colony.runRounds(3);
      assertThat(Optional.ofNullable(colony.find("a0001")).map(x -> x.phase)).as("cloning ends after colony.bcSteps").contains(io.vivarium.core.config.LearnMethod.PPO);
      long episodes = r.episodes().count("a0001");
      assertThat(episodes).isPositive();
      assertThat(r.episodes().before(null, Long.MAX_VALUE, Integer.MAX_VALUE)).allSatisfy(e -> {
        assertThat(e.preset()).isEqualTo("gold-bare-5x5");
        assertThat(e.level()).isPositive();
        assertThat(r.episodes().actions(e.id())).hasValueSatisfying(a -> assertThat(a).hasSize(e.steps()));
      });
      for (long id : Episode.ids(r, "a0001", 50)) {
        Replay.Result replay = Replay.of(Episode.find(r, "a0001", id));
        assertThat(replay.matchesRecord()).as("episode %d", id).isTrue();
        assertThat(replay.success()).isEqualTo(replay.episode().success());
      }
    }
  }

  @Test
  void childrenCarryPerturbedHyperParametersAcrossARestart() {
    DataDir data = new DataDir(dir.resolve("p"));
    List<String> lines = new ArrayList<>();
    Hparams child;
    String childId;
    try (Colony colony = new Colony(data, config("colony.replicateEvery=1", "colony.maxAgents=4",
        "colony.replicateQuantile=0"), lines::add); Registry r = Registry.openReadOnly(data.registry())) {
      Hparams founder = Optional.ofNullable(colony.find("a0001")).map(x -> x.hparams).orElseThrow();
      colony.runRounds(2);
      childId = colony.agentIds().stream().filter(id -> !id.equals("a0001") && !id.equals("a0002")).findFirst()
          .orElseThrow();
      child = Optional.ofNullable(colony.find(childId)).map(x -> x.hparams).orElseThrow();
      assertThat(child.lr() / founder.lr()).isIn(0.8, 1.2).satisfiesAnyOf(
          x -> assertThat(x).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9)),
          x -> assertThat(x).isCloseTo(1.2, org.assertj.core.data.Offset.offset(1e-9)));
      assertThat(Math.abs(child.entropy() / founder.entropy() - 1)).isCloseTo(0.2,
          org.assertj.core.data.Offset.offset(1e-9));
      assertThat(r.events().json("birth", childId)).last().asString().contains("\"via\":\"replication\"", "\"sigma\":0.01", "\"lr\":" + child.lr(), "\"entropy\":" + child.entropy());
    }
    assertThat(lines).anySatisfy(l -> assertThat(l).matches(
        "gen \\d+ · agents \\d+ \\(0 hibernating\\) · success \\d+% · best a\\d{4} \\((founder|parent a\\d{4})\\) · "
            + "[0-9.]+k? steps/s"));
    try (Colony again = new Colony(data, config("colony.replicateEvery=1", "colony.maxAgents=4"), l -> {})) {
      assertThat(Optional.ofNullable(again.find(childId)).map(x -> x.hparams)).contains(child);
    }
  }

  @Test
  void framesFollowWatchedAgentsAndListenersHearEvents() throws Exception {
    DataDir data = new DataDir(dir.resolve("w"));
    try (Colony colony = new Colony(data, config("colony.agents=1"), l -> {})) {
      assertThat(colony.dataDir()).isEqualTo(data);
      List<Event> heard = new CopyOnWriteArrayList<>();
      AutoCloseable sub = colony.onEvent(heard::add);
      colony.onEvent(e -> {
        throw new IllegalStateException("a broken console");
      });
      colony.runRounds(1);
      AgentFrame first = colony.frame("a0001").orElseThrow(); // the first ask: watched from now on
      assertThat(first.hidden()).as("not watched at the end of that turn").isEmpty();
      assertThat(first.lastAction()).hasSize(1);
      // A console polls the frame while the colony runs, as the zookeeper does.
      java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
      Thread console = new Thread(() -> {
        while (!done.get()) {
          colony.frame("a0001");
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      console.start();
      try {
        colony.runRounds(1);
      } finally {
        done.set(true);
        console.join();
      }
      AgentFrame second = colony.frame("a0001").orElseThrow();
      assertThat(second.envSteps()).isGreaterThan(first.envSteps());
      assertThat(second.hidden()).isNotEmpty();
      assertThat(second.state()).isEqualTo(AgentState.ALIVE.key());
      assertThat(heard).extracting(Event::kind).contains("checkpoint");
      sub.close();
      int before = heard.size();
      colony.request("a0001", "talk", "hi", "test");
      colony.runRounds(1);
      assertThat(heard).hasSize(before);
      assertThat(colony.frame("a0001").orElseThrow().textIn()).isEqualTo("hi");
    }
  }
}
