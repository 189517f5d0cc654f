package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.config.MemoryConfig;
import io.vivarium.core.world.FactBook.Fact;
import io.vivarium.memory.Entry;
import io.vivarium.memory.Filter;
import io.vivarium.memory.LuceneMemory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vivarium.colony.DataDir;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.memory.Hit;
import io.vivarium.memory.TextEmbedding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The colony's fact book over its Lucene memory. */
class MemoryFactsTest {
  @Test
  void factsAreFoundByExactKeyFirstThenByNearnessToTheQuestion(@TempDir Path dir) {
    try (LuceneMemory memory = LuceneMemory.open(dir, 64, MemoryConfig.defaults())) {
      MemoryFacts book = new MemoryFacts(memory);
      book.put(new Fact("Freedonia | capital", "Fenwick"));
      book.put(new Fact("Freedonia | founded", "1433"));
      book.put(new Fact("Sylvania | capital", "Mora"));
      book.put(new Fact("Zorblat Quon | height", "171 cm")); // no refresh: the book sees what it put
      assertThat(book.lookup("Freedonia | capital", "What is the capital of Freedonia?", 2))
          .first().isEqualTo(new Fact("Freedonia | capital", "Fenwick"));
      assertThat(book.lookup("Freedonia | capital", "What is the capital of Freedonia?", 2)).hasSize(2)
          .doesNotHaveDuplicates();
      assertThat(book.lookup("", "How tall is Zorblat Quon?", 1)).extracting(Fact::value).containsExactly("171 cm");
      assertThat(book.lookup("no | such", "", 0)).isEmpty();
    }
  }

  @Test
  void aFactStoredAgainWithTheSameValueWritesNothingAndANewValueReplacesIt(@TempDir Path dir) {
    try (LuceneMemory memory = LuceneMemory.open(dir, 64, MemoryConfig.defaults())) {
      MemoryFacts book = new MemoryFacts(memory);
      book.put(new Fact("Freedonia | capital", "Fenwick"));
      memory.refresh();
      long id = memory.fact("Freedonia | capital").orElseThrow().id();
      book.put(new Fact("Freedonia | capital", "Fenwick"));
      memory.refresh();
      assertThat(memory.fact("Freedonia | capital").orElseThrow().id()).isEqualTo(id);
      book.put(new Fact("Freedonia | capital", "Dunmore"));
      memory.refresh();
      assertThat(book.lookup("Freedonia | capital", "", 1)).extracting(Fact::value).containsExactly("Dunmore");
      assertThat(memory.recall(new TextEmbedding(64).embed("Freedonia capital"), 5,
          Filter.kind(Entry.FACT))).hasSize(1);
    }
  }

  @Test
  void aChatColonyPutsItsFactsInTheMemoryAndKeysItsAnswersByTheQuestion(@TempDir Path dir) throws Exception {
    DataDir data = new DataDir(dir.resolve("chat"));
    VivariumConfig config = ConfigResolver.resolve(null, List.of("world.name=chat", "world.preset=chat-facts",
        "world.batch=8", "learn.grpo.group=4", "colony.agents=1", "bus.enabled=false", "memory.k=0"));
    try (Colony colony = new Colony(data, config, l -> {})) {
      colony.runRounds(1);
    }
    try (LuceneMemory m = LuceneMemory.openReadOnly(data.memory(), MemoryConfig.defaults())) {
      assertThat(m.facts("", 10_000)).hasSize(2000); // held-out facts too
      List<Hit> outputs = m.recall(new TextEmbedding(m.dimension()).embed("x"), 100, Filter.kind(Entry.OUTPUT));
      assertThat(outputs).isNotEmpty();
      for (Hit h : outputs) {
        String question = new ObjectMapper().readTree(h.entry().text()).get("query").asText();
        float[] key = new TextEmbedding(m.dimension()).embed(question);
        assertThat(m.recall(key, 1, Filter.kind(Entry.OUTPUT)).get(0).similarity()).isGreaterThan(0.999);
      }
    }
  }
}
