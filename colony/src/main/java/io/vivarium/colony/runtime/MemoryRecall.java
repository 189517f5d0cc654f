package io.vivarium.colony.runtime;

import io.vivarium.core.world.Recall;
import io.vivarium.memory.Entry;
import io.vivarium.memory.Filter;
import io.vivarium.memory.Hit;
import io.vivarium.memory.Memory;
import io.vivarium.memory.TextEmbedding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A thinking agent's recall over the shared memory: the facts and earlier conclusions nearest to
 * a text by its {@link TextEmbedding} (the embedding {@link MemoryFacts} stores facts with), each
 * as its one-line preview ({@code key = value}, {@code question = conclusion}). A conclusion is an
 * entry of kind {@value #KIND} whose fitness is its tree's score. Thread-safe.
 */
public final class MemoryRecall implements Recall {
  /** The kind of conclusion entries. */
  public static final String KIND = "conclusion";
  private final Memory memory;
  private final TextEmbedding embedding;
  private final AtomicBoolean stored = new AtomicBoolean();

  public MemoryRecall(Memory memory) {
    this.memory = Objects.requireNonNull(memory, "memory");
    this.embedding = new TextEmbedding(memory.dimension());
  }

  @Override
  public List<String> recall(String text, int k) {
    if (k < 0) {
      throw new IllegalArgumentException("a recall asks for k >= 0 memories; got " + k);
    }
    if (k == 0) {
      return List.of();
    }
    if (stored.getAndSet(false)) {
      memory.refresh(); // a thinker recalls the conclusion it has just kept
    }
    float[] q = embedding.embed(text);
    List<Hit> hits = new ArrayList<>(memory.recall(q, k, Filter.kind(Entry.FACT)));
    hits.addAll(memory.recall(q, k, Filter.kind(KIND)));
    hits.sort(Comparator.comparingDouble(Hit::similarity).reversed().thenComparingLong(Hit::id));
    List<String> out = new ArrayList<>(k);
    for (Hit h : hits) {
      if (out.size() == k) {
        break;
      }
      Entry e = h.entry();
      out.add(e.text() != null ? e.text() : new String(e.payload(), StandardCharsets.UTF_8));
    }
    return out;
  }

  @Override
  public void remember(String agent, String query, String conclusion, double score) {
    String shown = query + " = " + conclusion;
    if (shown.length() > Entry.MAX_TEXT) {
      shown = shown.substring(0, Entry.MAX_TEXT);
    }
    memory.store(Entry.of(KIND, agent, score, embedding.embed(query),
        conclusion.getBytes(StandardCharsets.UTF_8)).withText(shown));
    stored.set(true);
  }
}
