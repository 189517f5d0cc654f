package io.vivarium.brain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.BrainFile;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.core.Channel;
import io.vivarium.core.Vocabulary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A brain reading G tokens per position ({@link BrainShape#group}): with a group projection that
 * passes the first token of each group through unchanged, it computes exactly what the same brain
 * reading one token per position computes on those first tokens; it keeps its group through its
 * file; and it refuses inputs that are not whole groups of a prefix.
 */
class GroupedPositionsTest {
  private static final BrainShape ONE = BrainShape.preset("tiny").with(2, 2, 8, 8, 0);
  private static final int G = 3;
  private static final BrainShape GROUPED = ONE.withGroup(G);

  @Test
  void aGroupThatPassesItsFirstTokenReadsAsOneTokenPerPosition() {
    Torch.engine();
    Map<String, float[]> values = ReferenceForwardTest.randomWeights(ONE, 41);
    Map<String, float[]> grouped = new java.util.LinkedHashMap<>(values);
    int c = ONE.dim();
    float[] pass = new float[c * G * c]; // (C, G·C): [I 0 0]
    for (int r = 0; r < c; r++) {
      pass[r * G * c + r] = 1f;
    }
    grouped.put("group.w", pass);
    int[] tokens = {257, 72, 105, 260};
    int[] spread = new int[tokens.length * G];
    java.util.Arrays.fill(spread, Vocabulary.PAD);
    for (int i = 0; i < tokens.length; i++) {
      spread[i * G] = tokens[i];
    }
    float[] plain = last(ONE, values, BrainInput.of(tokens, Channel.VIDEO, tokens.length));
    float[] read = last(GROUPED, grouped, BrainInput.of(spread, Channel.VIDEO, spread.length));
    assertThat(read).hasSameSizeAs(plain);
    for (int k = 0; k < plain.length; k++) {
      assertThat(read[k]).isCloseTo(plain[k], within(1e-5f));
    }
  }

  @Test
  void theGroupSurvivesTheBrainFileAndOldFilesReadOneTokenPerPosition(@TempDir Path dir) throws Exception {
    Torch.engine();
    Path file = dir.resolve("b.brain");
    try (TorchBrain brain = TorchBrain.create(GROUPED, 5)) {
      assertThat(brain.parameterCount()).isEqualTo(GROUPED.parameterCount())
          .isEqualTo(ONE.parameterCount() + (long) G * ONE.dim() * ONE.dim());
      int[] spread = new int[4 * G];
      float[] key = brain.embed(BrainInput.of(spread, Channel.VIDEO, spread.length));
      assertThat(key).hasSize(ONE.dim());
      assertThat(brain.lastHidden()).hasNumberOfRows(4); // one state per position, not per token
      brain.save(file);
    }
    assertThat(BrainFile.read(file).shape()).isEqualTo(GROUPED);
    assertThat(BrainShape.parse(ONE.describe(), "old").group()).isEqualTo(1);
    assertThat(ONE.describe()).doesNotContain("group");
    assertThat(Files.size(file)).isPositive();
  }

  @Test
  void inputsThatAreNotWholeGroupsOfAPrefixAreRefused() {
    Torch.engine();
    try (Arena m = Arena.newRoot()) {
      assertThatThrownBy(() -> Batch.of(m, GROUPED, List.of(BrainInput.of(new int[] {1, 2, 3, 4}, Channel.TEXT, 4))))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("brain.group");
      assertThatThrownBy(() -> Batch.of(m, GROUPED, List.of(BrainInput.of(new int[] {1, 2, 3}, Channel.TEXT, 0))))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("byte sequences need brain.group=1");
    }
    assertThatThrownBy(() -> Transformer.oneTokenPerPosition(GROUPED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use brain.group=1");
  }

  private static float[] last(BrainShape shape, Map<String, float[]> values, BrainInput in) {
    try (Arena root = Arena.newRoot();
        Weights w = Weights.of(shape, root, values);
        Arena m = root.newChild()) {
      return Transformer.last(w, Batch.of(m, shape, List.of(in)), false).toFloatArray();
    }
  }
}
