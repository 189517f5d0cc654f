package io.vivarium.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.core.Event;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CodecsTest {
  @Test
  void textAndRewardRoundTripAndAcceptWhatPeopleType() {
    assertThat(Codecs.TEXT.decode(Codecs.TEXT.encode("héllo\n"))).isEqualTo("héllo\n");
    assertThat(Codecs.REWARD.decode(Codecs.REWARD.encode(-0.25))).isEqualTo(-0.25);
    assertThat(Codecs.REWARD.decode(" 1\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(1.0);
  }

  @Test
  void badTextAndRewardsAreRejectedByName() {
    assertThatThrownBy(() -> Codecs.TEXT.decode(new byte[] {(byte) 0xC3}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UTF-8");
    assertThatThrownBy(() -> Codecs.REWARD.decode("lots".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'lots'");
    assertThatThrownBy(() -> Codecs.REWARD.decode("NaN".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    assertThatThrownBy(() -> Codecs.TEXT.decode(new byte[Codecs.MAX_TEXT + 1]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most");
  }

  @Test
  void eventsRoundTripAsVersionedJson() {
    Event e = new Event(1234, "birth", "a2", "{\"parent\":\"a1\",\"generation\":3}");
    byte[] bytes = Codecs.EVENT.encode(e);
    String json = new String(bytes, StandardCharsets.UTF_8);
    assertThat(json).contains("\"format\":\"vivarium.event\"", "\"version\":1");
    assertThat(Codecs.EVENT.decode(bytes)).isEqualTo(e);
    assertThatThrownBy(() -> Codecs.EVENT.decode(json.replace("\"version\":1", "\"version\":2")
        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 2");
    assertThatThrownBy(() -> Codecs.EVENT.decode("{\"kind\":".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON");
    assertThatThrownBy(() -> Codecs.EVENT.decode("[]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void byteCountsRoundTripAndRejectForeignFrames() {
    long seed = 9;
    System.out.println("CodecsTest seed " + seed);
    byte[] data = new byte[5000];
    new SplittableRandom(seed).nextBytes(data);
    ByteCounts c = ByteCounts.of(17, data);
    assertThat(c.total()).isEqualTo(5000);
    byte[] wire = c.encode();
    assertThat(wire).hasSize(ByteCounts.SIZE);
    assertThat(new String(wire, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("VBCN");
    assertThat(ByteCounts.decode(wire)).isEqualTo(c);

    byte[] badMagic = wire.clone();
    badMagic[0] = 'X';
    assertThatThrownBy(() -> ByteCounts.decode(badMagic))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("magic");
    byte[] badVersion = wire.clone();
    badVersion[5] = 9;
    assertThatThrownBy(() -> ByteCounts.decode(badVersion))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 9");
    assertThatThrownBy(() -> ByteCounts.decode(new byte[10]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2064");
    byte[] negative = wire.clone();
    negative[16] = (byte) 0x80;
    assertThatThrownBy(() -> ByteCounts.decode(negative))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 0");
  }

  @Test
  void colonyEntropyMatchesANaiveComputation() {
    long[] uniform = new long[256];
    java.util.Arrays.fill(uniform, 10);
    long[] one = new long[256];
    one['"'] = 99;
    assertThat(ColonyEntropy.of(0, List.of(new ByteCounts(0, uniform))).bits())
        .isCloseTo(8.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(ColonyEntropy.of(0, List.of(new ByteCounts(0, one))).bits()).isZero();
    // two agents each emitting one different byte equally often: one bit
    long[] other = new long[256];
    other['\n'] = 99;
    ColonyEntropy two = ColonyEntropy.of(5, List.of(new ByteCounts(0, one),
        new ByteCounts(0, other)));
    assertThat(two.bits()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(two.agents()).isEqualTo(2);
    assertThat(two.bytes()).isEqualTo(198);
    assertThat(Codecs.ENTROPY.decode(Codecs.ENTROPY.encode(two))).isEqualTo(two);
  }

  @Test
  void framesMustBePng() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
    assertThat(Codecs.PNG_FRAME.decode(png)).isEqualTo(png);
    assertThatThrownBy(() -> Codecs.PNG_FRAME.decode("GIF89a".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PNG");
  }
}
