package io.vivarium.bench.colony;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.config.RunConfig;
import io.vivarium.core.world.Worlds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The FLOP estimate of the default colony: the prefixes the colony fits and the counts per phase. */
class FlopModelTest {
  @Test
  void theDefaultColonysEstimateFollowsItsPrefixesAndPasses() {
    FlopModel m = FlopModel.of(RunConfig.resolve(null, null, List.of(), w -> Worlds.get(w).defaultPreset(),
        w -> Worlds.get(w).suggestions()).config());
    assertThat(m.tokens()).as("the memory channel lengthens the acting prefix").isGreaterThan(m.cloningTokens());
    assertThat(m.cloningTokens()).as("positions: 72 tokens read 8 at a time").isEqualTo(13);
    int epochs = io.vivarium.core.config.PpoConfig.defaults().epochs();
    assertThat(m.ppoEpochs()).isEqualTo(epochs);
    assertThat(m.updateFlops(256, 0)).isEqualTo(epochs * 256 * m.trainPerSample());
    assertThat(m.updateFlops(0, 2)).isEqualTo(2.0 * m.cloningSamplesPerTurn() * m.trainPerCloningSample());
    assertThat(m.actFlops(300, 0)).isEqualTo(m.trainPerSample() / 3 * 300);
    assertThat(m.actFlops(0, 300)).isLessThan(m.actFlops(300, 0)).isPositive();
  }
}
