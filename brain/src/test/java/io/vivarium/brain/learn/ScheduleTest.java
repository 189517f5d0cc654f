package io.vivarium.brain.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The one learning-rate schedule: warm-up, then constant, linear or cosine decay, by updates or by budget. */
class ScheduleTest {
  @Test
  void warmsUpThenDecays() {
    Schedule cos = new Schedule(1.0, "cosine", 9, 109, 0.1);
    assertThat(cos.at(0)).isCloseTo(0.1, within(1e-12));
    assertThat(cos.at(9)).isCloseTo(1.0, within(1e-12));
    assertThat(cos.at(59)).isCloseTo(0.55, within(1e-12));
    assertThat(cos.at(109)).isCloseTo(0.1, within(1e-12));
    assertThat(cos.at(500)).as("past the end").isCloseTo(0.1, within(1e-12));
    Schedule lin = new Schedule(0.5, "linear", 0, 100, 0);
    assertThat(lin.at(50)).isCloseTo(0.25, within(1e-12));
    assertThat(Schedule.constant(0.3).at(1_000_000)).isEqualTo(0.3);
    assertThat(new Schedule(0.3, "cosine", 0, 0, 0.1).at(7)).as("no budget: constant").isEqualTo(0.3);
  }

  @Test
  void decaysOverTheSpentShareOfABudget() {
    Schedule s = Schedule.cosine(1.0, 30, 0);
    assertThat(s.at(500, 0.5)).isCloseTo(0.55, within(1e-12));
    assertThat(s.at(500, 3.0)).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void badSchedulesAreNamed() {
    assertThatThrownBy(() -> new Schedule(0, "cosine", 0, 0, 0.1)).hasMessageContaining("positive finite");
    assertThatThrownBy(() -> new Schedule(0.1, "step", 0, 0, 0.1)).hasMessageContaining("constant, linear or cosine");
  }
}
