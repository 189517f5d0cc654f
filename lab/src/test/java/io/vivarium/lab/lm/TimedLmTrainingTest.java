package io.vivarium.lab.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The learning-rate schedule of the budgeted language-model training (the loop runs end to end in cli's TrainRepairCommandTest). */
class TimedLmTrainingTest {
  @Test
  void warmsUpLinearlyThenDecaysToATenthOverTheSpentBudget() {
    assertThat(TimedLmTraining.lrAt(1.0, 0, 0)).isCloseTo(1.0 / 31, within(1e-12));
    assertThat(TimedLmTraining.lrAt(1.0, 29, 0)).isCloseTo(30.0 / 31, within(1e-12));
    assertThat(TimedLmTraining.lrAt(1.0, 30, 0)).isCloseTo(1.0, within(1e-12));
    assertThat(TimedLmTraining.lrAt(1.0, 500, 0.5)).isCloseTo(0.55, within(1e-12));
    assertThat(TimedLmTraining.lrAt(1.0, 500, 1.0)).isCloseTo(0.1, within(1e-12));
    assertThat(TimedLmTraining.lrAt(1.0, 500, 3.0)).as("past the budget").isCloseTo(0.1, within(1e-12));
  }
}
