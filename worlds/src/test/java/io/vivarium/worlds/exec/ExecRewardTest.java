package io.vivarium.worlds.exec;

import io.vivarium.core.world.ColonyCounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** Reward formulas checked on hand-made outcomes. */
class ExecRewardTest {
  private static ExecOutcome outcome(int... countsByNumber) {
    int[] hist = new int[3 * ExecProtocol.HIST_SLOTS];
    int total = 0;
    for (int i = 0; i < countsByNumber.length; i += 2) {
      hist[countsByNumber[i]] = countsByNumber[i + 1];
      total += countsByNumber[i + 1];
    }
    return new ExecOutcome(true, 0, 0, false, false, false, 0, 0, 0, total, 0, 0, new byte[0], 0, hist);
  }

  @Test
  void evennessIsOneForEqualCountsAndZeroForOneCall() {
    assertThat(ExecReward.syscallEvenness(outcome(39, 4, 57, 4, 2, 4))).isCloseTo(1.0, offset(1e-12));
    assertThat(ExecReward.syscallEvenness(outcome(39, 10))).isZero();
    assertThat(ExecReward.syscallEvenness(outcome())).isZero();
    double skewed = ExecReward.syscallEvenness(outcome(39, 9, 57, 1));
    double h = -(0.9 * Math.log(0.9) + 0.1 * Math.log(0.1)) / Math.log(2);
    assertThat(skewed).isCloseTo(h, offset(1e-12));
  }

  @Test
  void byteEntropyIsBitsPerByteOverEight() {
    assertThat(ExecReward.byteEntropy(new byte[] {1, 1, 1, 1})).isZero();
    assertThat(ExecReward.byteEntropy(new byte[] {1, 2})).isCloseTo(1.0 / 8, offset(1e-12));
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    assertThat(ExecReward.byteEntropy(all)).isCloseTo(1.0, offset(1e-12));
  }

  @Test
  void weightedSumsAndGlobalCounts() {
    ColonyCounts counts = ColonyCounts.local();
    ExecReward r = ExecReward.parse("0.5*byte-entropy + 2*global-entropy", counts);
    double v = r.score(new byte[] {1, 2}, outcome());
    assertThat(v).isCloseTo(0.5 / 8 + 2.0 / 8, offset(1e-12));
    assertThat(counts.snapshot()[1]).isEqualTo(1);
    double w = r.score(new byte[] {3, 4}, outcome()); // global now has 4 distinct bytes: 2 bits
    assertThat(w).isCloseTo(0.5 / 8 + 2 * 2.0 / 8, offset(1e-12));
  }

  @Test
  void badRewardsAreNamed() {
    assertThatThrownBy(() -> ExecReward.parse("joy", ColonyCounts.local()))
        .hasMessageContaining("unknown reward 'joy'; known rewards: [syscall-evenness");
    assertThatThrownBy(() -> ExecReward.parse("x*byte-entropy", ColonyCounts.local()))
        .hasMessageContaining("weight 'x' is not a number");
  }
}
