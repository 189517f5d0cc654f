package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.brain.learn.Rollout;
import io.vivarium.colony.DataDir;
import io.vivarium.core.Channel;
import io.vivarium.core.Vocabulary;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.MemoryConfig;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.memory.Filter;
import io.vivarium.memory.Hit;
import io.vivarium.memory.LuceneMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The colony's shared memory: agents store their outputs and see recalled ones; off changes nothing. */
class MemoryLinkTest {
  private static final int STEPS = 8;
  @TempDir Path dir;

  private static VivariumConfig config(String... extra) {
    List<String> o = new ArrayList<>(List.of("colony.agents=2", "colony.maxAgents=3", "colony.replicateEvery=1",
        "colony.protectTurns=1", "world.preset=gold-bare-5x5", "world.batch=2", "bus.enabled=false",
        "learn.method=ppo", "colony.turnSteps=" + STEPS));
    o.addAll(List.of(extra));
    return ConfigResolver.resolve(null, o);
  }

  @Test
  void aColonyStoresItsAgentsOutputsInItsDataDirectory() {
    DataDir data = new DataDir(dir.resolve("on"));
    try (Colony colony = new Colony(data, config(), l -> {})) {
      colony.runRounds(2);
    }
    try (LuceneMemory m = LuceneMemory.openReadOnly(data.memory(), MemoryConfig.defaults())) {
      assertThat(m.stats().entries()).isGreaterThanOrEqualTo(4); // 2 founders x 2 rounds, children more
      List<Hit> all = m.recall(unit(m.dimension()), 100, Filter.ANY);
      assertThat(all).hasSize((int) m.stats().entries());
      assertThat(all).allSatisfy(h -> {
        assertThat(h.entry().kind()).isEqualTo("output");
        assertThat(h.entry().agent()).matches("a\\d{4}");
        assertThat(h.entry().payload()).hasSize(STEPS);
        for (byte b : h.entry().payload()) {
          assertThat(b).isIn((byte) 'L', (byte) 'R', (byte) 'F');
        }
      });
    }
  }

  @Test
  void anAgentSeesWhatWasRecalledOnItsMemoryChannel() {
    DataDir data = new DataDir(dir.resolve("link"));
    try (Colony colony = new Colony(data, config("colony.agents=1"), l -> {})) {
      MemoryLink link = colony.memory;
      LiveAgent a = colony.find("a0001");
      link.beforeTurn(a);
      assertThat(memoryChannel(a)).containsOnly(Vocabulary.PAD); // nothing stored yet
      Rollout r = rollout(a);
      a.fitness = 0.5;
      link.afterTurn(a, r, java.util.List.of());
      byte[] stored = r.actionBytes(0);
      link.memory().refresh();
      link.beforeTurn(a);
      int[] shown = memoryChannel(a);
      // the channel holds contextBytes bytes, padded to whole groups of the brain's positions
      int group = a.brain.shape().group();
      assertThat(shown).hasSize((colony.config.memory().contextBytes() + 1 + group - 1) / group * group - 1);
      for (int j = 0; j < shown.length; j++) {
        assertThat(shown[j]).as("memory byte " + j).isEqualTo(j < STEPS ? stored[j] & 0xFF : Vocabulary.PAD);
      }
    }
  }

  @Test
  void memoryOffOpensNothingAndKeepsTheEncoding() {
    VivariumConfig config = config("memory.enabled=false");
    DataDir data = new DataDir(dir.resolve("off"));
    try (Colony colony = new Colony(data, config, l -> {})) {
      assertThat(colony.memory.enabled()).isFalse();
      LiveAgent a = colony.find("a0001");
      assertThat(a.input0().channels()).doesNotContain((byte) Channel.MEMORY.ordinal());
      colony.runRounds(1);
    }
    assertThat(Files.exists(data.memory())).isFalse();
  }

  /** One rollout of the agent's turn length, acted by its collector. */
  private static Rollout rollout(LiveAgent a) {
    Rollout r = a.collector.rollout(STEPS);
    for (int t = 0; t < STEPS; t++) {
      a.collector.step(r, t);
    }
    return r;
  }

  /** The tokens after the memory marker in environment 0's current prefix. */
  private static int[] memoryChannel(LiveAgent a) {
    int[] tokens = a.input0().tokens();
    byte[] channels = a.input0().channels();
    int marker = Arrays.stream(tokens).boxed().toList().indexOf(Vocabulary.marker(Channel.MEMORY));
    assertThat(marker).as("memory marker").isGreaterThanOrEqualTo(0);
    int end = marker + 1;
    while (end < tokens.length && channels[end] == (byte) Channel.MEMORY.ordinal()) {
      end++;
    }
    return Arrays.copyOfRange(tokens, marker + 1, end);
  }

  private static float[] unit(int dim) {
    float[] v = new float[dim];
    v[0] = 1;
    return v;
  }
}
