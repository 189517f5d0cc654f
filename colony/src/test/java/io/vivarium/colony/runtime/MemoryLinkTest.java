package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.rl.Encoding;
import io.vivarium.brain.rl.Ppo;
import io.vivarium.brain.rl.PpoOptions;
import io.vivarium.colony.DataDir;
import io.vivarium.core.Channel;
import io.vivarium.core.Vocabulary;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.MemoryConfig;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.Worlds;
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
        "learn.method=ppo"));
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
        assertThat(h.entry().payload()).hasSize(Colony.TURN_STEPS);
        for (byte b : h.entry().payload()) {
          assertThat(b).isIn((byte) 'L', (byte) 'R', (byte) 'F');
        }
      });
    }
  }

  @Test
  void anAgentSeesWhatWasRecalledOnItsMemoryChannel() {
    VivariumConfig config = config();
    DataDir data = new DataDir(dir.resolve("link"));
    Torch.start(config.brain().threads(), data.root());
    try (MemoryLink link = MemoryLink.open(data, config); LiveAgent a = agent(link, config)) {
      link.beforeTurn(a);
      assertThat(memoryChannel(a)).containsOnly(Vocabulary.PAD); // nothing stored yet
      a.ppo.iterate();
      a.fitness = 0.5;
      link.afterTurn(a);
      byte[] stored = a.ppo.lastActions(0);
      link.memory().refresh();
      link.beforeTurn(a);
      int[] shown = memoryChannel(a);
      assertThat(shown).hasSize(config.memory().contextBytes());
      for (int j = 0; j < shown.length; j++) {
        assertThat(shown[j]).as("memory byte " + j).isEqualTo(j < STEPS ? stored[j] & 0xFF : Vocabulary.PAD);
      }
    }
  }

  @Test
  void memoryOffOpensNothingAndKeepsTheEncoding() {
    VivariumConfig config = config("memory.enabled=false");
    DataDir data = new DataDir(dir.resolve("off"));
    Torch.start(config.brain().threads(), data.root());
    try (MemoryLink link = MemoryLink.open(data, config); LiveAgent a = agent(link, config)) {
      assertThat(link.enabled()).isFalse();
      link.beforeTurn(a);
      a.ppo.iterate();
      link.afterTurn(a);
      assertThat(link.encoding(Encoding.defaults(), a.worlds.spec(), 4096)).isEqualTo(Encoding.defaults());
      assertThat(a.ppo.input(0).channels()).doesNotContain((byte) Channel.MEMORY.ordinal());
    }
    try (Colony colony = new Colony(data, config, l -> {})) {
      colony.runRounds(1);
    }
    assertThat(Files.exists(data.memory())).isFalse();
  }

  private static LiveAgent agent(MemoryLink link, VivariumConfig config) {
    TorchBrain brain = TorchBrain.create(config.brain(), 11);
    WorldBatch worlds = Worlds.get("gold").batch(config.world().preset(), config.world().batch());
    PpoOptions d = PpoOptions.defaults(0);
    PpoOptions o = new PpoOptions(worlds.size(), STEPS, worlds.size() * STEPS, 1, d.lr(), d.clip(), d.gamma(),
        d.lambda(), d.entropy(), d.valueCoef(), d.maxGradNorm(), false, 0);
    Encoding e = link.encoding(Encoding.defaults(), worlds.spec(), brain.shape().block());
    LiveAgent a = new LiveAgent("a0001", null, 0, brain, worlds, new Hparams(d.lr(), d.entropy()), 0);
    a.ppo = new Ppo(brain, worlds, e, o, 5);
    return a;
  }

  /** The tokens after the memory marker in environment 0's current prefix. */
  private static int[] memoryChannel(LiveAgent a) {
    int[] tokens = a.ppo.input(0).tokens();
    byte[] channels = a.ppo.input(0).channels();
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
