package io.vivarium.memory;

import static io.vivarium.memory.Fixtures.bytes;
import static io.vivarium.memory.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Facts by exact key and prefix. */
class FactsTest {
  @TempDir Path dir;
  private final TextEmbedding embed = new TextEmbedding(64);

  @Test
  void factsAreFoundByKeyAndPrefixAndReplacedByKey() {
    try (LuceneMemory m = Fixtures.open(dir, 64, Fixtures.plain(), Clock.systemUTC())) {
      m.store(fact("gold.colour", "yellow"));
      m.store(fact("gold.value", "1"));
      m.store(fact("wall.colour", "grey"));
      m.store(Entry.of("output", "a", 0, embed.embed("gold.colour"), bytes("not a fact")));
      m.refresh();
      assertThat(text(m.fact("gold.colour").orElseThrow().entry().payload())).isEqualTo("yellow");
      assertThat(m.fact("gold")).isEmpty();
      assertThat(m.facts("gold.", 10)).extracting(h -> h.entry().key())
          .containsExactly("gold.colour", "gold.value");
      assertThat(m.facts("", 10)).extracting(h -> h.entry().key())
          .containsExactly("gold.colour", "gold.value", "wall.colour");
      m.store(fact("gold.value", "2"));
      m.refresh();
      assertThat(text(m.fact("gold.value").orElseThrow().entry().payload())).isEqualTo("2");
      assertThat(m.facts("", 10)).hasSize(3);
      assertThat(m.stats().byKind()).containsEntry("fact", 3L).containsEntry("output", 1L);
      // Facts are recalled by vector too.
      assertThat(m.recall(embed.embed("wall.colour"), 1, Filter.kind("fact")).get(0).entry()
          .key()).isEqualTo("wall.colour");
    }
  }

  @Test
  void aFactNeedsAKeyAndOnlyAFactHasOne() {
    assertThatThrownBy(() -> new Entry(new float[] {1}, new byte[0], null, "a", 0, "fact", null,
        0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entry key must be given exactly when kind is 'fact'");
    assertThatThrownBy(() -> new Entry(new float[] {1}, new byte[0], null, "a", 0, "output",
        "k", 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  private Entry fact(String key, String value) {
    return Entry.fact(key, bytes(value), "user", 1, embed.embed(key));
  }
}
