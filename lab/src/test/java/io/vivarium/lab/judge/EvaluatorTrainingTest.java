package io.vivarium.lab.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.judge.BrainJudge;
import io.vivarium.brain.judge.JudgeText;
import io.vivarium.core.tb.EventReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny evaluator run beats the majority class, saves an evaluator brain and its curve as TensorBoard events. */
class EvaluatorTrainingTest {
  /** Fact answers that are right or empty: half yes, and learnable in a few steps. */
  private static final class RightOrEmpty implements Examples {
    private final ChatExamples chat = new ChatExamples(FactLines.generated(60, 5));

    @Override
    public String world() {
      return "chat";
    }

    @Override
    public String question() {
      return chat.question();
    }

    @Override
    public List<Graded> make(boolean heldOut, int count, long seed) {
      List<Graded> out = new ArrayList<>();
      for (Graded g : chat.make(heldOut, count * 3, seed)) {
        if (g.kind().equals("right") || g.kind().equals("empty")) {
          out.add(g);
        }
      }
      return out.subList(0, Math.min(count, out.size()));
    }
  }

  @Test
  void agreementBeatsTheMajorityClass(@TempDir Path dir) throws Exception {
    EvaluatorTraining.Plan plan = new EvaluatorTraining.Plan(new RightOrEmpty(), 60, 40, 8, 3e-3, 60, 60, 1);
    List<String> lines = new ArrayList<>();
    Path file = dir.resolve("evaluator.brain");
    EvaluatorTraining.Result r;
    try (TorchBrain brain = TorchBrain.create(BrainShape.preset("tiny").with(1, 2, 32, 128, 0), 2)) {
      r = EvaluatorTraining.run(plan, brain, file, lines::add);
    }
    assertThat(r.iters()).isEqualTo(60);
    assertThat(r.agreement().accuracy()).isGreaterThan(r.agreement().majority() + 0.1);
    assertThat(lines).anyMatch(l -> l.startsWith("agreement=")).anyMatch(l -> l.startsWith("eval "))
        .anyMatch(l -> l.matches("agreement by kind: empty=\\d\\.\\d{3} \\(0\\.00\\) right=\\d\\.\\d{3} \\(1\\.00\\)"));
    List<EventReader.Decoded> events = EventReader.read(EventReader.onlyFile(dir.resolve("runs/evaluator")));
    assertThat(events).filteredOn(e -> "accuracy".equals(e.tag())).singleElement().satisfies(e -> {
      assertThat(e.step()).isEqualTo(60);
      assertThat(e.simple()).isEqualTo((float) r.agreement().accuracy());
    });
    assertThat(events).filteredOn(e -> "loss".equals(e.tag())).isNotEmpty();
    try (BrainJudge judge = BrainJudge.open(file)) {
      assertThat(judge.block()).isEqualTo(128);
    }
    try (TorchBrain saved = TorchBrain.load(file)) {
      assertThat(saved.trainedFor()).contains(JudgeText.trainedFor("chat"));
    }
  }
}
