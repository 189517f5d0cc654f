package io.vivarium.brain.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.TrainedFor;
import io.vivarium.brain.learn.AdamW;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluator brain: its input format, P(yes), one training step, loading and sharing. */
class BrainJudgeTest {
  private static final BrainShape SHAPE = BrainShape.preset("tiny").with(1, 2, 32, 64, 0);

  @Test
  void textKeepsQuestionAndAnswerAndCutsThePromptFromTheLeft() {
    assertThat(new String(JudgeText.encode("Q?", "prompt", "ans", 64), StandardCharsets.UTF_8))
        .isEqualTo("Q?\nprompt\nans\n");
    assertThat(new String(JudgeText.encode("Q?", "0123456789", "ans", 12), StandardCharsets.UTF_8))
        .isEqualTo("Q?\n6789\nans\n");
    assertThat(new String(JudgeText.encode("Q?", "0123456789", "abcdefghij", 8), StandardCharsets.UTF_8))
        .isEqualTo("Q?\nghij\n");
    assertThatThrownBy(() -> JudgeText.encode("a long question", "p", "a", 20))
        .hasMessageContaining("less than half the brain's block of 20 bytes; got 16 bytes");
  }

  @Test
  void probabilitiesAreProbabilitiesAndTrainingMovesThem() {
    try (TorchBrain brain = TorchBrain.create(SHAPE, 3)) {
      List<BrainJudge.Asked> asked = List.of(new BrainJudge.Asked("ok?", "p", "good"),
          new BrainJudge.Asked("ok?", "p", ""));
      BrainJudge judge = BrainJudge.of(brain);
      double[] before = judge.yes(asked);
      assertThat(before[0]).isBetween(0.0, 1.0);
      assertThat(before[1]).isBetween(0.0, 1.0);
      assertThat(judge.yes("ok?", "p", "good")).isCloseTo(before[0], within(1e-5));
      JudgeTrainer trainer = new JudgeTrainer(brain, 1.0);
      try (AdamW opt = brain.update(w -> new AdamW(w, 0.9, 0.99, 1e-8, 0.0))) {
        for (int i = 0; i < 30; i++) {
          trainer.step(opt, asked, new boolean[] {true, false}, 3e-3);
        }
      }
      double[] after = judge.yes(asked);
      assertThat(after[0]).isGreaterThan(0.5).isGreaterThan(before[0]);
      assertThat(after[1]).isLessThan(0.5).isLessThan(before[1]);
    }
  }

  @Test
  void opensOnlyEvaluatorBrainsAndAnswersFromManyThreads(@TempDir Path dir) throws Exception {
    Path plain = dir.resolve("plain.brain");
    Path evaluator = dir.resolve("evaluator.brain");
    try (TorchBrain brain = TorchBrain.create(SHAPE, 4)) {
      brain.save(plain);
      brain.setTrainedFor(new TrainedFor("repair", "repair-short", "text"));
      brain.save(dir.resolve("other.brain"));
      brain.setTrainedFor(JudgeText.trainedFor("repair"));
      brain.save(evaluator);
    }
    assertThatThrownBy(() -> BrainJudge.open(plain)).hasMessageContaining("is not an evaluator brain")
        .hasMessageContaining("vivarium train evaluator");
    assertThatThrownBy(() -> BrainJudge.open(dir.resolve("other.brain"))).hasMessageContaining("repair repair-short");
    assertThatThrownBy(() -> BrainJudge.open(dir.resolve("missing.brain"))).hasMessageContaining("does not exist");
    try (BrainJudge judge = BrainJudge.open(evaluator)) {
      double alone = judge.yes("Is it?", "prompt", "answer");
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Double>> all = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          all.add(pool.submit(() -> judge.yes("Is it?", "prompt", "answer")));
        }
        for (Future<Double> f : all) {
          assertThat(f.get()).isCloseTo(alone, within(1e-5));
        }
      } finally {
        pool.shutdown();
      }
    }
  }
}
