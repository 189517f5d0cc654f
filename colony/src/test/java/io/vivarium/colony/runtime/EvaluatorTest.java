package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.BrainFile;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.TrainedFor;
import io.vivarium.brain.judge.JudgeText;
import io.vivarium.brain.model.Weights;
import io.vivarium.colony.DataDir;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.VivariumConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code world.evaluator}: checked before anything starts, then lent to the worlds as their judge. */
class EvaluatorTest {
  private static final BrainShape SHAPE = BrainShape.preset("tiny").with(1, 2, 32, 64, 0);
  @TempDir Path dir;

  private static VivariumConfig config(String... overrides) {
    return ConfigResolver.resolve(null, List.of(overrides));
  }

  /** A brain file of zero weights (P(yes) = 0.5 everywhere) trained for {@code trainedFor}. */
  private Path brain(String name, TrainedFor trainedFor) throws Exception {
    Map<String, float[]> zeros = new LinkedHashMap<>();
    for (Map.Entry<String, Shape> e : Weights.layout(SHAPE).entrySet()) {
      zeros.put(e.getKey(), new float[Math.toIntExact(e.getValue().size())]);
    }
    Path file = dir.resolve(name);
    BrainFile.write(file, SHAPE, zeros, trainedFor);
    return file;
  }

  @Test
  void aRewardOfTheEvaluatorNeedsOne() {
    assertThatThrownBy(() -> Preflight.check(config("world.reward=evaluator")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("world.reward=evaluator pays an evaluator's yes, but world.evaluator is empty")
        .hasMessageContaining("vivarium train evaluator --world gold");
    assertThatThrownBy(() -> Preflight.check(config("world.reward=0.5*evaluator+0.5*exact")))
        .hasMessageContaining("world.evaluator is empty");
  }

  @Test
  void theFileMustBeAnEvaluatorBrain() throws Exception {
    assertThatThrownBy(() -> Preflight.check(config("world.evaluator=" + dir.resolve("gone.brain"))))
        .hasMessageContaining("world.evaluator=" + dir.resolve("gone.brain") + " cannot be read as a brain file")
        .hasMessageContaining("does not exist");
    Path junk = Files.writeString(dir.resolve("junk.brain"), "not a brain");
    assertThatThrownBy(() -> Preflight.check(config("world.evaluator=" + junk)))
        .hasMessageContaining("cannot be read as a brain file").hasMessageContaining("VIVBRAIN");
    Path lm = brain("lm.brain", null);
    assertThatThrownBy(() -> Preflight.check(config("world.evaluator=" + lm)))
        .hasMessageContaining("world.evaluator=" + lm + " is not an evaluator brain (it was trained for nothing")
        .hasMessageContaining("vivarium train evaluator");
    Path gold = brain("gold.brain", new TrainedFor("gold", "gold-bare-6x6+ego7", "video:49"));
    assertThatThrownBy(() -> Preflight.check(config("world.evaluator=" + gold)))
        .hasMessageContaining("trained for gold gold-bare-6x6+ego7");
  }

  @Test
  void theColonyLendsItsWorldsTheEvaluator() throws Exception {
    Path file = brain("evaluator.brain", JudgeText.trainedFor("repair"));
    var config = config("world.evaluator=" + file, "colony.agents=1", "bus.enabled=false", "memory.enabled=false");
    try (Colony colony = new Colony(new DataDir(dir.resolve("colony")), config, l -> { })) {
      assertThat(colony.worldContext.judge().yes("Is the passage repaired?", "teh cat", "the cat"))
          .isCloseTo(0.5, within(1e-6));
    }
    try (Colony colony = new Colony(new DataDir(dir.resolve("plain")), config("colony.agents=1", "bus.enabled=false",
        "memory.enabled=false"), l -> { })) {
      assertThatThrownBy(() -> colony.worldContext.judge().yes("q", "p", "a")).hasMessageContaining("world.evaluator");
    }
  }
}
