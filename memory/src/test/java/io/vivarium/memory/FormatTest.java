package io.vivarium.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.core.config.ConfigResolver;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format marker, dimensions, read-only opening and configuration rules. */
class FormatTest {
  @TempDir Path dir;

  @Test
  void aNewMemoryCarriesTheMarkerAndReopensWithItsDimension() throws Exception {
    try (LuceneMemory m = Fixtures.open(dir, 12, Fixtures.plain(), Clock.systemUTC())) {
      m.store(Entry.of("output", "a", 0, Fixtures.axis(12, 1, 0), Fixtures.bytes("x")));
    }
    try (FSDirectory d = FSDirectory.open(dir)) {
      assertThat(org.apache.lucene.index.SegmentInfos.readLatestCommit(d).getUserData())
          .containsEntry("vivarium.format", "vivarium-memory")
          .containsEntry("vivarium.formatVersion", "1")
          .containsEntry("vivarium.dimension", "12");
    }
    try (LuceneMemory m = Fixtures.open(dir, 0, Fixtures.plain(), Clock.systemUTC())) {
      assertThat(m.dimension()).isEqualTo(12);
      assertThat(m.stats().entries()).isEqualTo(1);
    }
    assertThatThrownBy(() -> Fixtures.open(dir, 16, Fixtures.plain(), Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds 12-d vectors; got dimension 16");
  }

  @Test
  void unknownVersionsAndForeignIndexesAreRefusedByName() throws Exception {
    Fixtures.open(dir.resolve("v2"), 4, Fixtures.plain(), Clock.systemUTC()).close();
    rewriteUserData(dir.resolve("v2"), Map.of("vivarium.format", "vivarium-memory",
        "vivarium.formatVersion", "2", "vivarium.dimension", "4"));
    assertThatThrownBy(() -> Fixtures.open(dir.resolve("v2"), 4, Fixtures.plain(),
        Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format vivarium-memory version 2, which this Vivarium does not"
            + " know (it reads version 1)");
    rewriteUserData(dir.resolve("foreign"), Map.of());
    assertThatThrownBy(() -> Fixtures.open(dir.resolve("foreign"), 4, Fixtures.plain(),
        Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a Vivarium memory (format marker missing");
    assertThatThrownBy(() -> Fixtures.open(dir.resolve("empty"), 0, Fixtures.plain(),
        Clock.systemUTC())).hasMessageContaining("holds no memory yet");
  }

  @Test
  void readOnlyMemoriesRecallButRefuseWritesAndAWriterIsExclusive() {
    try (LuceneMemory w = Fixtures.open(dir, 4, Fixtures.plain(), Clock.systemUTC())) {
      w.store(Entry.of("output", "a", 0, new float[] {1, 0, 0, 0}, Fixtures.bytes("x")));
      w.commit();
      assertThatThrownBy(() -> Fixtures.open(dir, 4, Fixtures.plain(), Clock.systemUTC()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is open for writing by another process");
      try (LuceneMemory r = MemoryIndex.openReadOnly(dir, Fixtures.plain(), Clock.systemUTC())) {
        assertThat(r.recall(new float[] {1, 0, 0, 0}, 1)).hasSize(1);
        assertThatThrownBy(() -> r.store(Entry.of("output", "a", 0, new float[] {0, 1, 0, 0},
            new byte[0]))).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("read-only");
      }
    }
  }

  @Test
  void badInputIsNamed() {
    try (LuceneMemory m = Fixtures.open(dir, 4, Fixtures.plain(), Clock.systemUTC())) {
      assertThatThrownBy(() -> m.recall(new float[3], 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("query vector must have 4 dimensions (the memory's); got 3");
      assertThatThrownBy(() -> m.recall(new float[4], 1))
          .hasMessageContaining("query vector must not be all zeros");
      assertThatThrownBy(() -> m.recall(new float[] {1, 0, 0, 0}, -1))
          .hasMessageContaining("recall k must be between 0 and 10000; got -1");
      assertThatThrownBy(() -> Entry.of("Output", "a", 0, new float[] {1}, new byte[0]))
          .hasMessageContaining("entry kind must be");
      m.close();
      m.close(); // idempotent
      assertThatThrownBy(() -> m.recall(new float[] {1, 0, 0, 0}, 1))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
    }
  }

  @Test
  void configurationRulesAreChecked() {
    assertThat(ConfigResolver.resolve(null, List.of("memory.ttl=fact=1d,output=12h"))
        .memory().ttl()).isEqualTo("fact=1d,output=12h");
    assertThatThrownBy(() -> ConfigResolver.resolve(null, List.of("memory.ttl=output=7 days")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memory.ttl must be");
    assertThatThrownBy(() -> Ttl.parse("output=1d,output=2d"))
        .hasMessageContaining("names kind 'output' twice");
    assertThat(Ttl.parse("").isEmpty()).isTrue();
  }

  private static void rewriteUserData(Path where, Map<String, String> data) throws Exception {
    try (FSDirectory d = FSDirectory.open(where);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
  }
}
