package io.vivarium.colony.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Trees of thought in the registry: the thoughts migration keeps older records, rows survive a reopen, bad rows are refused. */
class ThoughtBookTest extends OnBothDatabases {

  @Test
  void theMigrationAddsTheTableAndKeepsOlderRecords() {
    try (Registry r = Registry.open(RegistryLocation.parse(where), Schema.MIGRATIONS.subList(0, Schema.version() - 1))) {
      putOldAgent(r, "a0001");
    }
    try (Registry r = Registry.open(where)) {
      assertThat(r.schemaVersion()).isEqualTo(Schema.version());
      assertThat(r.agent("a0001")).isPresent();
      assertThat(r.thoughts().count()).isZero();
      assertThat(r.integrityCheck()).isEqualTo("ok");
    }
  }

  @Test
  void treesAreRecordedListedNewestFirstAndSurviveAReopen() {
    long first;
    long second;
    try (Registry r = Registry.open(where)) {
      first = r.thoughts().add("a0001", "How tall is Kai?", "{\"nodes\":[]}", "181 cm", 0.5);
      second = r.thoughts().add("user", "2+2?", "{\"nodes\":[1]}", "4", 1);
    }
    try (Registry r = Registry.open(where)) {
      List<ThoughtRow> recent = r.thoughts().recent(10);
      assertThat(recent).extracting(ThoughtRow::id).containsExactly(second, first);
      ThoughtRow row = r.thoughts().get(first).orElseThrow();
      assertThat(row.agent()).isEqualTo("a0001");
      assertThat(row.query()).isEqualTo("How tall is Kai?");
      assertThat(row.tree()).isEqualTo("{\"nodes\":[]}");
      assertThat(row.conclusion()).isEqualTo("181 cm");
      assertThat(row.score()).isEqualTo(0.5);
      assertThat(row.timeMs()).isPositive();
      assertThat(r.thoughts().get(second + 1)).isEmpty();
      assertThat(r.thoughts().recent(1)).hasSize(1);
      assertThatThrownBy(() -> r.thoughts().add("a0001", "q", "{}", "c", 1.5))
          .hasMessageContaining("score must be in [0, 1]; got 1.5");
      assertThatThrownBy(() -> r.thoughts().add(" ", "q", "{}", "c", 0.5)).hasMessageContaining("needs an agent");
    }
  }
}
