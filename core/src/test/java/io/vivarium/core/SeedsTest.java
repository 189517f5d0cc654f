package io.vivarium.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {
  @Test
  void derivationIsStableAndSeparatesStreams() {
    assertThat(Seeds.derive(42, "agent", 3)).isEqualTo(Seeds.derive(42, "agent", 3));
    Set<Long> seen = new HashSet<>();
    for (String label : new String[] {"agent", "world", "mutation"}) {
      for (int i = 0; i < 1000; i++) {
        seen.add(Seeds.derive(42, label, i));
      }
    }
    assertThat(seen).hasSize(3000);
    assertThat(Seeds.derive(42, "agent", 0)).isNotEqualTo(Seeds.derive(43, "agent", 0));
  }

  @Test
  void aStreamGivesTheSameSeedsAsDerive() {
    long stream = Seeds.stream(42, "episode");
    for (int i = 0; i < 100; i++) {
      assertThat(Seeds.at(stream, i)).isEqualTo(Seeds.derive(42, "episode", i));
    }
  }

  @Test
  void vocabularyNamesEveryToken() {
    assertThat(Vocabulary.name('A')).isEqualTo("'A'");
    assertThat(Vocabulary.name(Vocabulary.marker(Channel.MOTOR))).isEqualTo("<motor>");
    assertThat(Vocabulary.SIZE).isEqualTo(260 + Channel.values().length);
  }
}
