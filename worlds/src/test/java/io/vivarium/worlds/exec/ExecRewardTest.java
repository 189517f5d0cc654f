package io.vivarium.worlds.exec;

import io.vivarium.core.world.ColonyCounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Map;
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

  @Test
  void distinctCallsCountsEveryAbiOverSixteenCappedAtOne() {
    assertThat(ExecReward.distinctCalls(outcome())).isZero();
    assertThat(ExecReward.distinctCalls(outcome(39, 10))).isEqualTo(0.0625);
    int i386Getpid = ExecProtocol.HIST_SLOTS + 20;
    assertThat(ExecReward.distinctCalls(outcome(39, 1, i386Getpid, 1))).isEqualTo(2.0 / 16);
    int[] many = new int[2 * 20];
    for (int i = 0; i < 20; i++) {
      many[2 * i] = i;
      many[2 * i + 1] = 1;
    }
    assertThat(ExecReward.distinctCalls(outcome(many))).isEqualTo(1.0);
    assertThat(ExecReward.parse("distinct-calls", ColonyCounts.local()).score(new byte[0], outcome(39, 3, 60, 1)))
        .isEqualTo(0.125);
  }

  @Test
  void termsAreUnweightedInSpecOrderAndSumToTheScore() {
    ColonyCounts counts = ColonyCounts.local();
    ExecReward r = ExecReward.parse("2*distinct-calls + 0.5*syscall-evenness+global-entropy+byte-entropy", counts);
    ExecReward.Scored s = r.scored(new byte[] {1, 2}, outcome(39, 4, 57, 4));
    assertThat(s.terms()).containsExactly(Map.entry("distinct-calls", 0.125), Map.entry("syscall-evenness", 1.0),
        Map.entry("global-entropy", 1.0 / 8), Map.entry("byte-entropy", 1.0 / 8));
    assertThat(s.total()).isCloseTo(2 * 0.125 + 0.5 * 1.0 + 1.0 / 8 + 1.0 / 8, offset(1e-12));
    assertThat(counts.snapshot()[1]).as("scored adds the program's bytes once").isEqualTo(1);
    assertThat(s.text()).contains("distinct-calls 0.1250", "syscall-evenness 1.0000").endsWith("total 1.0000");
    assertThatThrownBy(() -> s.terms().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void parseErrorsNameTheBadTerm() {
    assertThatThrownBy(() -> ExecReward.parse("0.5*byte-entropy+distinct-cals", ColonyCounts.local()))
        .hasMessageContaining("unknown reward 'distinct-cals'").hasMessageContaining("distinct-calls]");
    assertThatThrownBy(() -> ExecReward.parse("byte-entropy+0.1*byte-entropy", ColonyCounts.local()))
        .hasMessageContaining("reward 'byte-entropy' appears twice");
    assertThatThrownBy(() -> ExecReward.parse("1*2*byte-entropy", ColonyCounts.local()))
        .hasMessageContaining("term '1*2*byte-entropy' is not name or weight*name");
    assertThatThrownBy(() -> ExecReward.parse("1e999*byte-entropy", ColonyCounts.local()))
        .hasMessageContaining("weight '1e999' is not finite");
    assertThatThrownBy(() -> ExecReward.parse("byte-entropy+", ColonyCounts.local()))
        .hasMessageContaining("unknown reward ''");
  }
}
