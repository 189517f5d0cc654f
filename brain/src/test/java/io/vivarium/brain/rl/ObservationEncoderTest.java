package io.vivarium.brain.rl;

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
