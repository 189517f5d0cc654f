package io.vivarium.brain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.core.Channel;
import io.vivarium.core.world.Image;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Spec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A world read through its picture: patches before the tokens, no video bytes in the prefix. */
class PictureEncodingTest {
  /** A 10×6 picture (3×2 patches of 4, the edges padded) standing in for 15 video bytes. */
  private static final Spec PICTURED = new Spec("t", "t+pixels", Map.of(Channel.VIDEO, 15, Channel.TEXT, 2), 10, 6,
      Channel.MOTOR, 1, new byte[] {'L', 'R', 'F'}, 10, true);
  private static final Spec BYTES = new Spec("t", "t", Map.of(Channel.VIDEO, 15, Channel.TEXT, 2), 10, 6,
      Channel.MOTOR, 1, new byte[] {'L', 'R', 'F'}, 10);

  @Test
  void forSpecReadsThePictureOnlyWhenTheSpecSaysSo() {
    assertThat(Encoding.forSpec(PICTURED).patch()).isEqualTo(BrainShape.PATCH);
    assertThat(Encoding.forSpec(BYTES)).isEqualTo(Encoding.defaults());
    assertThat(Encoding.forSpec(PICTURED).withGroup(8).withMemory(16).patch()).isEqualTo(BrainShape.PATCH);
  }

  @Test
  void theVideoBytesLeaveThePrefixAndThePatchesComeInstead() {
    Encoding e = Encoding.forSpec(PICTURED);
    ObservationEncoder enc = new ObservationEncoder(PICTURED, e);
    assertThat(enc.channels()).containsExactly(Channel.TEXT);
    assertThat(enc.patches()).isEqualTo(6);
    assertThat(enc.patchSide()).isEqualTo(3);
    assertThat(enc.describe()).isEqualTo("picture:3x2/4 text:2 reward actions:4 prefix:12");
    byte[] rgb = new byte[10 * 6 * 3];
    rgb[0] = (byte) 255; // the top-left pixel is red
    Observation o = new Observation(Map.of(Channel.VIDEO, new byte[15], Channel.TEXT, "go".getBytes()),
        new Image(10, 6, rgb));
    BrainInput in = new Senses(PICTURED, e, 1).input(o, 0);
    assertThat(in.patches().count()).isEqualTo(6);
    assertThat(in.patches().patch()).isEqualTo(4);
    assertThat(in.patches().values()[0]).isEqualTo(1f);
    assertThat(in.patches().rows()).containsExactly(0, 0, 0, 1, 1, 1);
    assertThat(in.patches().cols()).containsExactly(0, 1, 2, 0, 1, 2);
    assertThat(in.tokens()).hasSize(enc.length());
    for (byte c : in.channels()) {
      assertThat(c).as("no token travels on video").isNotEqualTo((byte) Channel.VIDEO.ordinal());
    }
  }

  @Test
  void groupedPositionsKeepWorkingForTheOtherChannels() {
    ObservationEncoder enc = new ObservationEncoder(PICTURED, Encoding.forSpec(PICTURED).withGroup(8));
    // bos, text, reward, actions, sep: one group of 8 each
    assertThat(enc.length()).isEqualTo(40);
    assertThat(enc.positions()).isEqualTo(5);
    assertThat(enc.patches()).isEqualTo(6);
  }

  @Test
  void aMismatchedEncodingIsRefusedWithTheFix() {
    assertThatThrownBy(() -> new ObservationEncoder(PICTURED, Encoding.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("t t+pixels is read through its picture").hasMessageContaining("Encoding.forSpec");
    assertThatThrownBy(() -> new ObservationEncoder(BYTES, Encoding.defaults().withPicture(4)))
        .hasMessageContaining("reads the picture (patch 4)").hasMessageContaining("use patch 0");
    assertThatThrownBy(() -> Encoding.defaults().withPicture(-1)).hasMessageContaining("got -1");
    assertThatThrownBy(() -> new Spec("t", "t", Map.of(Channel.VIDEO, 1), 0, 0, Channel.MOTOR, 1, new byte[0], 1,
        true)).hasMessageContaining("pictureForVideo needs a picture");
  }
}
