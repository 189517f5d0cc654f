package io.vivarium.worlds.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Preset names, modifiers and validation. */
class GoldPresetsTest {
  @Test
  void presetsHaveTheirShapes() {
    GoldPreset p = GoldPresets.get("gold-multi-8x8");
    assertThat(p.gold()).isEqualTo(3);
    assertThat(p.maxSteps()).isEqualTo(256);
    assertThat(GoldPresets.get("gold-rooms-11x11").layout()).isEqualTo(Layout.ROOMS);
    GoldPreset m = GoldPresets.get("gold-bare-6x6+rgb+ego");
    assertThat(m.rgb()).isTrue();
    assertThat(m.egocentric()).isTrue();
    assertThat(m.imageWidth()).isEqualTo(64);
    assertThat(new GoldWorld(m).spec().imageHeight()).isEqualTo(64);
    GoldPreset seven = GoldPresets.get("gold-bare-6x6+ego7");
    assertThat(seven.egocentric()).isTrue();
    assertThat(seven.view()).isEqualTo(7);
    assertThat(new GoldWorld(seven).reset(1).bytes(io.vivarium.core.Channel.VIDEO)).hasSize(49);
  }

  @Test
  void viewSizesAreChecked() {
    assertThatThrownBy(() -> GoldPresets.get("gold-bare-6x6+ego8"))
        .hasMessageContaining("view must be odd").hasMessageContaining("use 9");
    assertThatThrownBy(() -> GoldPresets.get("gold-bare-6x6+ego17")).hasMessageContaining("view");
    assertThatThrownBy(() -> GoldPresets.get("gold-bare-6x6+egox"))
        .hasMessageContaining("unknown modifier '+egox'").hasMessageContaining("+egoK");
  }

  @Test
  void unknownNamesListTheKnownOnes() {
    assertThatThrownBy(() -> GoldPresets.get("gold-bare-7x7"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown gold preset 'gold-bare-7x7'")
        .hasMessageContaining("gold-bare-6x6, gold-bare-5x5");
    assertThatThrownBy(() -> GoldPresets.get("gold-bare-6x6+big"))
        .hasMessageContaining("unknown modifier '+big'").hasMessageContaining("+rgb");
    assertThatThrownBy(() -> GoldPreset.of("x", 3, 3, Layout.ROOMS, 1))
        .hasMessage("gold preset x: width must be between 5 and 64; got 3"
            + " (rooms need at least 5 cells per side)");
    assertThatThrownBy(() -> new GoldBatch(GoldPresets.get("gold-bare-5x5"), 0, 1))
        .hasMessageContaining("batch size must be at least 1; got 0");
  }

  @Test
  void pixelsDrawsTheRoomAtFourPixelsPerCellAndTheSpecSaysItIsReadAsAPicture() {
    GoldPreset p = GoldPresets.get("gold-bare-5x5+pixels");
    assertThat(p.pixels()).isTrue();
    assertThat(p.rgb()).isTrue();
    assertThat(p.pixelsPerCell()).isEqualTo(GoldPreset.PIXELS_CELL);
    assertThat(p.imageWidth()).isEqualTo(28);
    GoldWorld w = new GoldWorld(p);
    assertThat(w.spec().pictureForVideo()).isTrue();
    assertThat(w.spec().imageHeight()).isEqualTo(28);
    assertThat(w.reset(1).image().width()).isEqualTo(28);
    assertThat(GoldPresets.get("gold-bare-5x5+rgb+pixels").pixelsPerCell()).isEqualTo(4);
    assertThat(GoldPresets.get("gold-walls-12x12+pixels").imageWidth()).isEqualTo(56);
    assertThat(new GoldWorld(GoldPresets.get("gold-bare-5x5+rgb")).spec().pictureForVideo()).isFalse();
  }

  @Test
  void pixelsRefusesTheEgocentricViewAndRoomsWiderThanTheBrainsPatchGrid() {
    assertThatThrownBy(() -> GoldPresets.get("gold-bare-5x5+pixels+ego"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gold preset gold-bare-5x5+pixels+ego: +pixels cannot be combined with +ego")
        .hasMessageContaining("drop +ego or +pixels");
    assertThatThrownBy(() -> GoldPresets.get("gold-bare-6x6+ego7+pixels")).hasMessageContaining("+ego");
    assertThatThrownBy(() -> GoldPresets.get("gold-bare-16x16+pixels"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("gold preset gold-bare-16x16+pixels: +pixels draws 72x72 pixels (18x18 cells with the walls,"
            + " 4 pixels each) but a brain sees at most 64 pixels per side (16 patches of 4); use a room of at"
            + " most 14x14 free cells (e.g. gold-walls-12x12+pixels) or drop +pixels");
    assertThatThrownBy(() -> GoldPresets.get("gold-bare-5x5+pixel"))
        .hasMessageContaining("unknown modifier '+pixel'").hasMessageContaining("+pixels");
    assertThatThrownBy(() -> GoldPreset.of("x", 5, 5, Layout.BARE, 1).withRgb(true).withPixels(true)
        .withPixelsPerCell(8)).hasMessageContaining("pixels needs the picture at 4 pixels per cell");
  }
}
