package io.vivarium.brain.learn;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.brain.BrainInput;
import io.vivarium.core.Channel;
import io.vivarium.brain.Patches;
import org.junit.jupiter.api.Test;

class LabelledStatesTest {
  private static BrainInput input(int seed, int length) {
    int[] t = new int[length];
    byte[] c = new byte[length];
    for (int i = 0; i < length; i++) {
      t[i] = (seed * 31 + i * 7) % 250;
      c[i] = (byte) ((seed + i) % 3);
    }
    return new BrainInput(t, c, length - 1, Patches.none(1));
  }

  @Test
  void packedStatesComeBackEqualAndTheOldestAreOverwritten() {
    LabelledStates s = new LabelledStates(4);
    for (int i = 0; i < 6; i++) {
      s.add(input(i, 9), i % 3);
    }
    assertThat(s.size()).isEqualTo(4);
    // slots 0 and 1 hold states 4 and 5; slots 2 and 3 states 2 and 3
    int[] expected = {4, 5, 2, 3};
    for (int k = 0; k < 4; k++) {
      BrainInput want = input(expected[k], 9);
      BrainInput got = s.state(k);
      assertThat(got.tokens()).containsExactly(want.tokens());
      assertThat(got.channels()).containsExactly(want.channels());
      assertThat(got.prefix()).isEqualTo(want.prefix());
      assertThat(s.label(k)).isEqualTo(expected[k] % 3);
    }
  }

  @Test
  void aStateOfAnotherShapeKeepsEverythingAsObjects() {
    LabelledStates s = new LabelledStates(8);
    s.add(input(1, 5), 0);
    s.add(input(2, 5), 1);
    BrainInput odd = BrainInput.of(new int[] {1, 2, 3}, Channel.TEXT, 2);
    s.add(odd, 2);
    assertThat(s.size()).isEqualTo(3);
    assertThat(s.state(0).tokens()).containsExactly(input(1, 5).tokens());
    assertThat(s.state(1).tokens()).containsExactly(input(2, 5).tokens());
    assertThat(s.state(2)).isSameAs(odd);
    assertThat(s.label(2)).isEqualTo(2);
  }
}
