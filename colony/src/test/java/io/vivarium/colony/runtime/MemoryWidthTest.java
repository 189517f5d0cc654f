package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.colony.DataDir;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.MemoryConfig;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.memory.Entry;
import io.vivarium.memory.LuceneMemory;
import io.vivarium.memory.TextEmbedding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facts added by hand ({@code vivarium memory add-fact}) and agents' memories share one memory
 * whichever comes first; a start that fails leaves no colony behind.
 */
class MemoryWidthTest {
  @TempDir Path dir;

  private static VivariumConfig config() {
    return ConfigResolver.resolve(null, List.of("colony.agents=1", "colony.maxAgents=2", "world.preset=gold-bare-5x5",
        "world.batch=2", "bus.enabled=false", "learn.method=ppo", "colony.turnSteps=4"));
  }

  /** What {@code memory add-fact} does: opens the memory at its width (128 when new) and stores a fact. */
  private static void addFact(DataDir data, String key, String value) {
    try (LuceneMemory m = LuceneMemory.openAnyWidth(data.memory(), TextEmbedding.DEFAULT_DIMENSION,
        MemoryConfig.defaults())) {
      String shown = key + " = " + value;
      m.store(Entry.fact(key, value.getBytes(StandardCharsets.UTF_8), "user", 1,
          new TextEmbedding(m.dimension()).embed(shown)).withText(shown));
    }
  }

  private static void runOnce(DataDir data) {
    try (Colony c = new Colony(data, config(), l -> {})) {
      c.runRounds(2);
    }
  }

  private static void expectFactAndOutputs(DataDir data) {
    try (LuceneMemory m = LuceneMemory.openReadOnly(data.memory(), MemoryConfig.defaults())) {
      assertThat(m.facts("gold.", 10)).hasSize(1);
      assertThat(m.stats().byKind()).containsKey("output");
    }
  }

  @Test
  void aFactBeforeTheFirstRun() {
    DataDir data = new DataDir(dir.resolve("facts-first"));
    addFact(data, "gold.colour", "yellow");
    runOnce(data);
    assertThat(LuceneMemory.dimensionOf(data.memory())).isEqualTo(TextEmbedding.DEFAULT_DIMENSION);
    runOnce(data); // and again, resumed
    expectFactAndOutputs(data);
  }

  @Test
  void aFactAfterTheFirstRun() {
    DataDir data = new DataDir(dir.resolve("colony-first"));
    runOnce(data);
    int width = LuceneMemory.dimensionOf(data.memory());
    addFact(data, "gold.colour", "yellow");
    runOnce(data);
    assertThat(LuceneMemory.dimensionOf(data.memory())).isEqualTo(width);
    expectFactAndOutputs(data);
  }

  @Test
  void aFailedFirstStartLeavesNothingBehind() throws Exception {
    Path root = dir.resolve("failed");
    Files.createDirectories(root);
    Files.writeString(root.resolve("memory"), "not a directory"); // the memory cannot open
    DataDir data = new DataDir(root);
    assertThatThrownBy(() -> new Colony(data, config(), l -> {})).isInstanceOf(RuntimeException.class);
    assertThat(Files.exists(data.registry())).isFalse();
    assertThat(Files.exists(root.resolve(DataDir.CONFIG))).isFalse();
    assertThat(Files.exists(root.resolve("checkpoints"))).isFalse();
    assertThat(Files.readString(root.resolve("memory"))).isEqualTo("not a directory"); // not ours to delete
    assertThat(data.hasColony()).isFalse();
  }
}
