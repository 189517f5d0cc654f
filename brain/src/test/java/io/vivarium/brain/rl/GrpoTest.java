package io.vivarium.brain.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.core.Channel;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GRPO learns the corridor without a value function, with and without a KL anchor. */
class GrpoTest {
  private static final Encoding ENCODING = new Encoding(List.of(Channel.VIDEO), 16, 2, true);

  @BeforeAll
  static void engine() {
    Torch.start(1, null);
  }

  @Test
  void learnsTheCorridor() {
    BrainShape shape = BrainShape.preset("tiny").with(2, 4, 32, 32, 0);
    try (TorchBrain brain = TorchBrain.create(shape, 5);
        TorchBrain reference = brain.copy();
        Grpo grpo = new Grpo(brain, reference, CorridorWorld::new, ENCODING,
            new Grpo.Options(8, 4, 4, 64, 2e-3, 0.2, 0.01, 0.5), 5)) {
      Grpo.Stats first = grpo.iterate();
      Grpo.Stats s = first;
      for (int i = 0; i < 40 && !(s.successRate() > 0.95); i++) {
        s = grpo.iterate();
        System.out.printf("grpo iter %d · steps %d · return %.3f · success %.2f · kl %.4f%n", i, s.envSteps(),
            s.meanReturn(), s.successRate(), s.kl());
      }
      assertThat(first.successRate()).isLessThan(0.7);
      assertThat(s.successRate()).isGreaterThan(0.95);
    }
  }

  @Test
  void klWithoutAReferenceIsRefused() {
    try (TorchBrain brain = TorchBrain.create(BrainShape.preset("tiny").with(2, 4, 32, 32, 0), 5)) {
      assertThatThrownBy(() -> new Grpo(brain, null, CorridorWorld::new, ENCODING,
          new Grpo.Options(8, 4, 4, 64, 2e-3, 0.2, 0.01, 0.5), 5))
          .hasMessageContaining("grpo kl is 0.01 but no reference brain was given");
    }
  }
}
