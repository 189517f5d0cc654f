package io.vivarium.worlds.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Levenshtein distances and the reward arithmetic. */
class ScoreTest {
  @Test
  void levenshteinKnownValues() {
    assertThat(Levenshtein.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Levenshtein.distance("", "abc")).isEqualTo(3);
    assertThat(Levenshtein.distance("abc", "")).isEqualTo(3);
    assertThat(Levenshtein.distance("flaw", "lawn")).isEqualTo(2);
    assertThat(Levenshtein.distance("same", "same")).isZero();
    assertThat(Levenshtein.distance("a😀b", "ab")).as("code points, not chars").isEqualTo(1);
    assertThat(Levenshtein.distance("the music was", "themusic was")).isEqualTo(1);
  }

  @Test
  void rewardIsTheNormalisedImprovement() {
    // clean "kitten"; corrupted "sitting" is 3 edits away
    Score partial = Score.of("kitten", "sitting", "sittin"); // 2 edits away
    assertThat(partial.before()).isEqualTo(3);
    assertThat(partial.after()).isEqualTo(2);
    assertThat(partial.reward()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(partial.exact()).isFalse();

    Score exact = Score.of("kitten", "sitting", "kitten");
    assertThat(exact.reward()).isEqualTo(1.0);
    assertThat(exact.exact()).isTrue();

    Score identity = Score.of("kitten", "sitting", "sitting");
    assertThat(identity.reward()).isZero();

    Score worse = Score.of("kitten", "sitting", "sittingly"); // 5 edits away
    assertThat(worse.reward()).isCloseTo(-2.0 / 3, within(1e-12));

    Score awful = Score.of("kitten", "sitting", "completely different and long");
    assertThat(awful.reward()).as("clipped at -1").isEqualTo(-1.0);
  }

  @Test
  void undamagedPassagesScoreByExactness() {
    assertThat(Score.of("a", "a", "a").reward()).isEqualTo(1.0);
    assertThat(Score.of("a", "a", "b").reward()).isEqualTo(-1.0);
  }

  @Test
  void invalidScoresAreRejected() {
    assertThatThrownBy(() -> new Score(-1, 0, 0, false)).hasMessageContaining("non-negative");
    assertThatThrownBy(() -> new Score(1, 0, 2, false)).hasMessageContaining("[-1, 1]");
  }
}
