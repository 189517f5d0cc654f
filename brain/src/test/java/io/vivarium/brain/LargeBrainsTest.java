package io.vivarium.brain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.core.Channel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The large presets: their sizes, the memory check that refuses a brain the machine cannot train,
 * and a {@code 100m} brain that creates, reads a short input and streams through its file. Stays
 * under 2 GiB: the 100m brain is 0.4 GB of weights, saved and loaded one parameter at a time.
 */
class LargeBrainsTest {
  @TempDir Path dir;

  @Test
  void largePresetsHaveTheDocumentedShapesAndCounts() {
    assertThat(shape("30m")).containsExactly(10, 8, 512, 512);
    assertThat(shape("100m")).containsExactly(14, 12, 768, 1024);
    assertThat(shape("1b")).containsExactly(20, 16, 2048, 2048);
    assertThat(BrainShape.preset("30m").parameterCount()).isEqualTo(31_993_905L);
    assertThat(BrainShape.preset("100m").parameterCount()).isEqualTo(100_328_497L);
    assertThat(BrainShape.preset("1b").parameterCount()).isEqualTo(1_012_191_281L);
  }

  private static List<Integer> shape(String preset) {
    BrainShape s = BrainShape.preset(preset);
    return List.of(s.layers(), s.heads(), s.dim(), s.block());
  }

  @Test
  void aBrainTheMemoryCannotTrainIsRefusedSayingWhatItNeeds() {
    BrainShape big = BrainShape.preset("1b");
    assertThatThrownBy(() -> BrainMemory.require(big, 16, 8L << 30, "train"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a brain of 1,012,191,281 parameters needs about 15.1 GiB to train "
            + "(16 bytes per parameter: weights, gradients and AdamW's two moments")
        .hasMessageContaining("this machine has 8.0 GiB available; choose a smaller preset");
    BrainMemory.require(big, 16, 32L << 30, "train"); // fits: no refusal
    assertThat(BrainMemory.trainingBytes(BrainShape.preset("100m"))).isLessThan(BrainMemory.UNCHECKED);
  }

  @Test
  void toBytesRefusesAFileBeyondTwoGibibytesNamingSave() {
    assertThat(BrainFile.size(BrainShape.preset("1b"), null)).isEqualTo(4_048_771_678L);
    assertThatThrownBy(() -> BrainFile.toBytes(BrainShape.preset("1b"), name -> {
      throw new AssertionError("no parameter may be read before the size check");
    }, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than a byte array holds (2 GiB)")
        .hasMessageContaining("save(file)");
  }

  @Test
  void aHundredMillionBrainCreatesReadsAndStreamsThroughItsFile() throws Exception {
    BrainShape shape = BrainShape.preset("100m");
    Path file = dir.resolve("100m.brain");
    BrainInput in = BrainInput.prompt(Channel.TEXT, "To be".getBytes(StandardCharsets.US_ASCII));
    float[] embedding;
    try (TorchBrain brain = TorchBrain.create(shape, 3)) {
      assertThat(brain.parameterCount()).isEqualTo(100_328_497L);
      embedding = brain.embed(in);
      assertThat(embedding).hasSize(768);
      brain.save(file);
    }
    assertThat(Files.size(file)).isEqualTo(BrainFile.size(shape, null));
    try (TorchBrain back = TorchBrain.load(file)) {
      assertThat(back.embed(in)).containsExactly(embedding);
      assertThat(back.act(List.of(in), Sampling.text(2), new SplittableRandom(1)).get(0).bytes())
          .hasSizeLessThanOrEqualTo(2);
    }
  }
}
