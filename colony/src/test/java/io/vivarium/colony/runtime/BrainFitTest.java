package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.Worlds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How many tokens a colony's brains read per position ({@code brain.group}) for each kind of world. */
class BrainFitTest {
  private static VivariumConfig config(String... overrides) {
    return ConfigResolver.resolve(null, List.of(overrides));
  }

  private static Spec spec(VivariumConfig c) {
    return Worlds.get(c.world().name()).spec(c.world().preset());
  }

  @Test
  void oneByteWorldsReadGroupsOfEightAndSequenceWorldsOneTokenPerPosition() {
    VivariumConfig gold = VivariumConfig.defaults();
    BrainFit g = BrainFit.of(gold, spec(gold));
    assertThat(g.shape().group()).isEqualTo(io.vivarium.brain.policy.Encoding.ONE_BYTE_GROUP);
    assertThat(g.encoding().group()).isEqualTo(io.vivarium.brain.policy.Encoding.ONE_BYTE_GROUP);
    assertThat(g.plain().group()).isEqualTo(io.vivarium.brain.policy.Encoding.ONE_BYTE_GROUP);
    VivariumConfig exec = config("world.name=exec", "world.preset=" + Worlds.get("exec").defaultPreset());
    assertThat(BrainFit.of(exec, spec(exec)).shape().group()).isEqualTo(1);
    VivariumConfig single = config("brain.group=1");
    assertThat(BrainFit.of(single, spec(single)).shape().group()).isEqualTo(1);
  }

  @Test
  void groupsForASequenceWorldAreRefusedWithTheFix() {
    VivariumConfig exec = config("world.name=exec", "world.preset=" + Worlds.get("exec").defaultPreset(),
        "brain.group=4");
    assertThatThrownBy(() -> BrainFit.of(exec, spec(exec)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("brain.group is 4 but exec acts in byte sequences")
        .hasMessageContaining("set brain.group=1 or 0 (auto)");
  }

  @Test
  void aPictureReadWorldKeepsItsGroupsAndMustFitThePatchGrid() {
    VivariumConfig pixels = config("world.preset=gold-bare-5x5+pixels");
    BrainFit f = BrainFit.of(pixels, spec(pixels));
    assertThat(f.encoding().patch()).isEqualTo(io.vivarium.brain.BrainShape.PATCH);
    assertThat(f.plain().patch()).isEqualTo(io.vivarium.brain.BrainShape.PATCH);
    assertThat(f.shape().group()).isEqualTo(io.vivarium.brain.policy.Encoding.ONE_BYTE_GROUP);
    // 80×80 pixels are 20 patches per side, beyond the brain's 16
    Spec wide = new Spec("t", "t+wide", java.util.Map.of(io.vivarium.core.Channel.VIDEO, 1), 80, 80,
        io.vivarium.core.Channel.MOTOR, 1, new byte[] {'L', 'R', 'F'}, 10, true);
    assertThatThrownBy(() -> BrainFit.of(VivariumConfig.defaults(), wide))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("t t+wide is read as a picture of 20 patches per side but the brain's patch grid is"
            + " 16x16");
  }
}
