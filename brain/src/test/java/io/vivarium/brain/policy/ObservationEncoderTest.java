package io.vivarium.brain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.Channel;
import io.vivarium.core.Vocabulary;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Spec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservationEncoderTest {
  private static final Spec SPEC = new Spec("t", "t", Map.of(Channel.VIDEO, 3, Channel.TEXT, 2), 0, 0,
      Channel.MOTOR, 1, new byte[] {'L', 'R', 'F'}, 10);

  @Test
  void laysOutChannelsRewardAndActionsAtAFixedLength() {
    ObservationEncoder enc = new ObservationEncoder(SPEC, new Encoding(List.of(Channel.VIDEO, Channel.TEXT, Channel.TOUCH), 8, 2, true));
    // bos + (1+3) + (1+2) + reward 2 + motor 1+2 + sep = 14; touch is skipped (never filled)
    assertThat(enc.length()).isEqualTo(14);
    assertThat(enc.channels()).containsExactly(Channel.VIDEO, Channel.TEXT);
    assertThat(enc.describe()).isEqualTo("video:3 text:2 reward actions:2 prefix:14");
    History h = new History(1, 2);
    h.record(0, 'F', 1f, false);
    int[] tokens = new int[14];
    byte[] ch = new byte[14];
    enc.encode(new Observation(Map.of(Channel.VIDEO, new byte[] {7, 8}, Channel.TEXT, "go!".getBytes()), null), h, 0, tokens, ch, 0);
    int pad = Vocabulary.PAD;
    assertThat(tokens).containsExactly(
        Vocabulary.BOS,
        Vocabulary.marker(Channel.VIDEO), 7, 8, pad,
        Vocabulary.marker(Channel.TEXT), 'g', 'o',
        Vocabulary.marker(Channel.REWARD), 255,
        Vocabulary.marker(Channel.MOTOR), pad, 'F',
        Vocabulary.SEP);
    assertThat(ch[2]).isEqualTo((byte) Channel.VIDEO.ordinal());
    assertThat(ch[13]).isEqualTo((byte) Channel.MOTOR.ordinal());
  }

  @Test
  void inGroupsEveryPartIsPaddedToWholeGroups() {
    Encoding grouped = new Encoding(List.of(Channel.VIDEO, Channel.TEXT), 8, 2, true).withGroup(4);
    ObservationEncoder enc = new ObservationEncoder(SPEC, grouped);
    // bos 1→4, video 1+3=4, text 1+2→4, reward 2→4, motor 1+2→4, sep 1→4: 24 tokens, 6 positions
    assertThat(enc.length()).isEqualTo(24);
    assertThat(enc.positions()).isEqualTo(6);
    assertThat(enc.describe()).isEqualTo("video:3 text:2 reward actions:2 group:4 positions:6 prefix:24");
    History h = new History(1, 2);
    h.record(0, 'F', 1f, false);
    int[] tokens = new int[24];
    byte[] ch = new byte[24];
    enc.encode(new Observation(Map.of(Channel.VIDEO, new byte[] {7, 8}, Channel.TEXT, "go!".getBytes()), null), h, 0, tokens, ch, 0);
    int pad = Vocabulary.PAD;
    assertThat(tokens).containsExactly(
        Vocabulary.BOS, pad, pad, pad,
        Vocabulary.marker(Channel.VIDEO), 7, 8, pad,
        Vocabulary.marker(Channel.TEXT), 'g', 'o', pad,
        Vocabulary.marker(Channel.REWARD), 255, pad, pad,
        Vocabulary.marker(Channel.MOTOR), pad, 'F', pad,
        Vocabulary.SEP, pad, pad, pad);
    for (int g = 0; g < 6; g++) { // one channel per group
      for (int k = 1; k < 4; k++) {
        assertThat(ch[g * 4 + k]).isEqualTo(ch[g * 4]);
      }
    }
    assertThat(ch[8]).isEqualTo((byte) Channel.TEXT.ordinal());
  }

  @Test
  void withoutAMemoryChannelTheEncodingIsUnchangedWhateverIsRecalled() {
    Encoding plain = new Encoding(List.of(Channel.VIDEO, Channel.TEXT), 8, 2, true);
    int[][] tokens = new int[3][];
    byte[][] channels = new byte[3][];
    for (int v = 0; v < 3; v++) {
      ObservationEncoder enc = new ObservationEncoder(SPEC, v == 0 ? plain : plain.withMemory(0));
      assertThat(enc.length()).isEqualTo(14);
      tokens[v] = new int[14];
      channels[v] = new byte[14];
      History h = history();
      if (v == 2) {
        enc.encode(observation(), "recalled".getBytes(), h, 0, tokens[v], channels[v], 0);
      } else {
        enc.encode(observation(), h, 0, tokens[v], channels[v], 0);
      }
    }
    assertThat(tokens[1]).isEqualTo(tokens[0]);
    assertThat(tokens[2]).isEqualTo(tokens[0]);
    assertThat(channels[1]).isEqualTo(channels[0]);
    assertThat(channels[2]).isEqualTo(channels[0]);
  }

  @Test
  void theMemoryChannelHoldsRecalledBytesTruncatedOrPadded() {
    ObservationEncoder enc = new ObservationEncoder(SPEC,
        new Encoding(List.of(Channel.VIDEO, Channel.TEXT), 8, 2, true, 4));
    assertThat(enc.length()).isEqualTo(14 + 5);
    int pad = Vocabulary.PAD;
    int[] tokens = new int[19];
    byte[] ch = new byte[19];
    enc.encode(observation(), "abcdef".getBytes(), history(), 0, tokens, ch, 0);
    assertThat(tokens).containsExactly(
        Vocabulary.BOS,
        Vocabulary.marker(Channel.VIDEO), 7, 8, pad,
        Vocabulary.marker(Channel.TEXT), 'g', 'o',
        Vocabulary.marker(Channel.MEMORY), 'a', 'b', 'c', 'd',
        Vocabulary.marker(Channel.REWARD), 255,
        Vocabulary.marker(Channel.MOTOR), pad, 'F',
        Vocabulary.SEP);
    assertThat(ch[9]).isEqualTo((byte) Channel.MEMORY.ordinal());
    enc.encode(observation(), new byte[] {'z'}, history(), 0, tokens, ch, 0);
    assertThat(java.util.Arrays.copyOfRange(tokens, 8, 13))
        .containsExactly(Vocabulary.marker(Channel.MEMORY), 'z', pad, pad, pad);
  }

  private static Observation observation() {
    return new Observation(Map.of(Channel.VIDEO, new byte[] {7, 8}, Channel.TEXT, "go!".getBytes()), null);
  }

  private static History history() {
    History h = new History(1, 2);
    h.record(0, 'F', 1f, false);
    return h;
  }

  @Test
  void historyForgetsAtEpisodeEnd() {
    History h = new History(2, 2);
    h.record(1, 'L', 0.5f, false);
    h.record(1, 'R', 0f, false);
    assertThat(h.action(1, 0)).isEqualTo('L');
    assertThat(h.action(1, 1)).isEqualTo('R');
    assertThat(h.action(0, 1)).isEqualTo(Vocabulary.PAD);
    h.record(1, 'F', 1f, true);
    assertThat(h.action(1, 1)).isEqualTo(Vocabulary.PAD);
    assertThat(h.reward(1)).isZero();
    assertThat(ObservationEncoder.rewardByte(0f)).isEqualTo(128);
    assertThat(ObservationEncoder.rewardByte(-3f)).isEqualTo(0);
  }
}
