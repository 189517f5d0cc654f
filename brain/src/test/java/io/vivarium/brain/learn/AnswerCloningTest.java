package io.vivarium.brain.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.policy.ActionSpace;
import io.vivarium.brain.policy.Actor;
import io.vivarium.brain.policy.Encoding;
import io.vivarium.brain.policy.Senses;
import io.vivarium.core.Channel;
import io.vivarium.core.Seeds;
import io.vivarium.core.Vocabulary;
import io.vivarium.core.config.BcConfig;
import io.vivarium.core.config.LearnConfig;
import io.vivarium.core.world.WorldBatch;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cloning in a byte-sequence world: teacher forcing on the expert's answers learns to copy a word
 * from the context; empty answers are skipped and answered by the brain; a world without an
 * expert answer is refused.
 */
class AnswerCloningTest {
  static final Encoding TEXT = new Encoding(List.of(Channel.TEXT), 16, 0, false);

  @BeforeAll
  static void engine() {
    Torch.start(1, null);
  }

  static BrainShape shape() {
    return BrainShape.preset("tiny").with(2, 4, 64, 32, 0);
  }

  static Imitation cloner(TorchBrain brain, int instances, double drive, int updates) {
    return new Imitation(brain, new BcConfig(drive, 3e-3, 64, updates, 4096), LearnConfig.defaults().optimizer(),
        Schedule.constant(3e-3), instances, 5, 1.0);
  }

  @Test
  void teacherForcingLearnsToCopyTheWord() {
    try (TorchBrain brain = TorchBrain.create(shape(), 5);
        CopyWorld.Batch worlds = new CopyWorld.Batch(16);
        Imitation bc = cloner(brain, 16, 0, 8)) {
      Loop loop = new Loop(brain, worlds, bc, TEXT, 4, 5);
      Stats first = loop.iterate();
      long start = System.nanoTime();
      int updates = first.updates();
      Stats s = first;
      for (int i = 0; i < 30; i++) {
        s = loop.iterate();
        updates += s.updates();
        if (i % 10 == 9) {
          System.out.printf("copy task: after %d updates, loss %.3f, token accuracy %.3f, exact match %.3f%n", updates,
              s.policyLoss(), s.accuracy(), s.extra().get("exact_match"));
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("copy task: %d updates, %.1f updates/s, loss %.3f -> %.3f, token accuracy %.3f, "
          + "exact match %.3f%n", updates, updates / seconds, first.policyLoss(), s.policyLoss(), s.accuracy(),
          s.extra().get("exact_match"));
      double greedy = greedyExactMatch(brain, worlds, loop);
      System.out.printf("copy task: greedy answers to %d unseen words, exact match %.3f%n", worlds.size(), greedy);
      assertThat(first.metrics()).containsKeys("policy_loss", "accuracy", "exact_match", "grad_norm");
      assertThat(greedy).as("greedy answers to words never cloned").isGreaterThan(0.5);
      assertThat(s.policyLoss()).as("loss after cloning").isLessThan(first.policyLoss() / 2);
      assertThat(s.accuracy()).as("token accuracy").isGreaterThan(0.6);
    }
  }

  /** The share of the batch's current (never cloned) words the brain writes exactly, greedily. */
  private static double greedyExactMatch(TorchBrain brain, CopyWorld.Batch worlds, Loop loop) {
    List<io.vivarium.brain.BrainInput> now = new java.util.ArrayList<>();
    for (int i = 0; i < worlds.size(); i++) {
      now.add(loop.collector.input(i));
    }
    byte[][] said = new Actor(ActionSpace.of(worlds.spec()), 1).act(brain, now, Seeds.random(1, "greedy", 0), true)
        .bytes();
    int exact = 0;
    for (int i = 0; i < worlds.size(); i++) {
      exact += java.util.Arrays.equals(said[i], worlds.expertText(i)) ? 1 : 0;
    }
    return exact / (double) worlds.size();
  }

  @Test
  void anEmptyAnswerIsSkippedAndTheBrainAnswersInstead() {
    try (TorchBrain brain = TorchBrain.create(shape(), 5);
        CopyWorld.Batch worlds = new CopyWorld.Batch(4, 3);
        Imitation bc = cloner(brain, 4, 0, 1)) {
      Loop loop = new Loop(brain, worlds, bc, TEXT, 2, 5);
      loop.iterate();
      Rollout r = loop.rollout;
      for (int t = 0; t < 2; t++) {
        assertThat(r.logp(t * 4 + 3)).as("the brain wrote the silent instance's answer").isFinite();
        assertThat(r.logp(t * 4)).as("the expert wrote instance 0's").isNaN();
        assertThat(r.answer(t * 4 + 3)).isEmpty();
        assertThat(r.action(t * 4)).isEqualTo(r.answer(t * 4));
      }
    }
  }

  @Test
  void aSequenceWorldWithoutAnExpertAnswerIsRefused() {
    try (TorchBrain brain = TorchBrain.create(shape(), 5);
        WorldBatch worlds = WorldBatch.of(CopyWorld::new, 2);
        Imitation bc = cloner(brain, 2, 0, 1)) {
      Senses senses = new Senses(worlds.spec(), TEXT, 2);
      assertThatThrownBy(() -> new Collector(brain, worlds, senses, new Actor(ActionSpace.of(worlds.spec()), 1),
          bc.needs(), Seeds.random(1, "x", 0)))
          .hasMessageContaining("cloning needs a world with an expert; copy has none");
    }
  }

  @Test
  void anAnswerEndsWithEosUnlessItFillsTheAction() {
    ActionSpace space = ActionSpace.of(CopyWorld.SPEC);
    assertThat(space.answer("abc".getBytes())).containsExactly('a', 'b', 'c', Vocabulary.EOS);
    assertThat(space.answer("abcdefghij".getBytes())).containsExactly('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
  }

  @Test
  void hitsCountTokensAndWholeAnswers() {
    float[] mask = {1, 1, 1, 0, 0, 1, 1, 0}; // (B=2, S=4): row 1 was cut, one token lost
    long[] best = {5, 6, 7, 0, 0, 8, 9, 0};
    float[] h = Imitation.hits(mask, best, new int[][] {{5, 6, 7}, {1, 8, 9}});
    assertThat(h[0]).isEqualTo(1f);
    assertThat(h[1]).as("a cut row is no exact match").isEqualTo(0.5f);
  }
}
