package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.TorchBrain;
import io.vivarium.colony.DataDir;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.VivariumConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Founders may start from a pretrained brain file ({@code colony.founderBrain}), each a mutated copy. */
class FounderBrainTest {
  @TempDir Path dir;

  private static VivariumConfig config(String... extra) {
    List<String> all = new java.util.ArrayList<>(List.of("colony.agents=2", "bus.enabled=false",
        "memory.enabled=false", "colony.turnSteps=2"));
    all.addAll(List.of(extra));
    return ConfigResolver.resolve(null, all);
  }

  @Test
  void foundersAreCopiesOfTheFileWithTheChildrensNoise() throws Exception {
    VivariumConfig plain = config();
    BrainShape shape = BrainFit.of(plain, Preflight.plan(plain).spec()).shape();
    Path file = dir.resolve("pretrained.brain");
    io.vivarium.brain.Torch.start(1, dir);
    try (TorchBrain b = TorchBrain.create(shape, 99)) {
      b.save(file);
    }
    try (Colony colony = new Colony(new DataDir(dir.resolve("exact")), config("colony.founderBrain=" + file,
        "colony.mutationSigma=0"), l -> { });
        TorchBrain original = TorchBrain.load(file)) {
      LiveAgent a = colony.find("a0001");
      assertThat(a.brain.embed(a.input0())).containsExactly(original.embed(a.input0()));
    }
    try (Colony colony = new Colony(new DataDir(dir.resolve("noisy")), config("colony.founderBrain=" + file),
        l -> { })) {
      LiveAgent a = colony.find("a0001");
      assertThat(a.brain.embed(a.input0())).as("siblings, not clones")
          .isNotEqualTo(colony.find("a0002").brain.embed(a.input0()));
    }
  }

  @Test
  void aFileOfAnotherShapeOrNoneIsRefusedBeforeAnythingStarts() throws Exception {
    Path file = dir.resolve("small.brain");
    io.vivarium.brain.Torch.start(1, dir);
    try (TorchBrain b = TorchBrain.create(BrainShape.preset("small"), 1)) {
      b.save(file);
    }
    assertThatThrownBy(() -> Preflight.check(config("colony.founderBrain=" + file)))
        .hasMessageContaining("colony.founderBrain=" + file + " has the shape")
        .hasMessageContaining("brain.block=");
    assertThatThrownBy(() -> Preflight.check(config("colony.founderBrain=" + dir.resolve("nope.brain"))))
        .hasMessageContaining("cannot be read as a brain file");
    assertThat(Files.exists(dir.resolve("data"))).isFalse();
  }
}
