package io.vivarium.brain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The size label (no engine needed). */
class BrainShapeTest {
  @Test
  void aPresetsSizeIsNamedByThePresetWhateverItsBlockAndPatches() {
    for (String name : BrainShape.PRESETS) {
      BrainShape p = BrainShape.preset(name);
      assertThat(p.label()).isEqualTo(name);
      assertThat(p.with(p.layers(), p.heads(), p.dim(), 32, 0.1).withPatches(2, 8).label()).isEqualTo(name);
    }
  }

  @Test
  void anyOtherSizeIsLayersWidthHeadsAndGroup() {
    BrainShape tiny = BrainShape.preset("tiny");
    assertThat(tiny.with(1, 2, 16, 64, 0).label()).isEqualTo("1L·16d·2h");
    assertThat(tiny.with(4, 4, 48, 64, 0).label()).isEqualTo("4L·48d·4h");
    assertThat(tiny.withGroup(8).label()).isEqualTo("3L·48d·4h·g8");
    assertThat(tiny.withHeads(5, 12).withMlp(288).label()).isEqualTo("3L·48d·5h·hd12·m288");
    assertThat(tiny.withMlp(192).label()).as("the default MLP width is not named").isEqualTo("tiny");
  }
}
