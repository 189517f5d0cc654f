package io.vivarium.colony.runtime;

import io.vivarium.core.world.FactBook;
import io.vivarium.memory.Entry;
import io.vivarium.memory.Filter;
import io.vivarium.memory.Hit;
import io.vivarium.memory.Memory;
import io.vivarium.memory.TextEmbedding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The colony's fact book over its shared memory (seed 004's fact memory): a fact is an entry of
 * kind {@code fact} under its key, its vector the {@link TextEmbedding} of {@code key = value} (the
 * embedding {@code vivarium memory add-fact} uses, so facts people add are found alike); a
 * lookup takes the fact under the exact key, then the facts whose vectors are nearest to the
 * query's text embedding. Re-storing a fact the memory already holds with the same value writes
 * nothing, so every agent's world may put its source's facts at birth; the first lookup after a
 * store refreshes the memory's searcher, so a world finds what it has just put. Thread-safe.
 */
public final class MemoryFacts implements FactBook {
  /** The writer recorded on facts worlds put. */
  static final String AGENT = "world";
  private final Memory memory;
  private final TextEmbedding embedding;
  /** Whether facts were stored since the last lookup: the next one refreshes the memory's searcher first. */
  private final AtomicBoolean stored = new AtomicBoolean();

  public MemoryFacts(Memory memory) {
    this.memory = Objects.requireNonNull(memory, "memory");
    this.embedding = new TextEmbedding(memory.dimension());
  }

  @Override
  public void put(Fact fact) {
    byte[] value = fact.value().getBytes(StandardCharsets.UTF_8);
    Optional<Hit> held = memory.fact(fact.key());
    if (held.isPresent() && Arrays.equals(held.get().entry().payload(), value)) {
      return;
    }
    String shown = fact.key() + " = " + fact.value();
    memory.store(Entry.fact(fact.key(), value, AGENT, 0, embedding.embed(shown)).withText(shown));
    stored.set(true);
  }

  @Override
  public List<Fact> lookup(String key, String query, int k) {
    if (k < 0) {
      throw new IllegalArgumentException("a lookup asks for k >= 0 facts; got " + k);
    }
    List<Fact> out = new ArrayList<>(k);
    if (k == 0) {
      return out;
    }
    if (stored.getAndSet(false)) {
      memory.refresh(); // a world looks up the facts it has just put
    }
    if (!key.isEmpty()) {
      memory.fact(key).ifPresent(h -> out.add(fact(h)));
    }
    if (out.size() < k) {
      for (Hit h : memory.recall(embedding.embed(query), k + 1, Filter.kind(Entry.FACT))) {
        if (out.size() < k && !h.entry().key().equals(key)) {
          out.add(fact(h));
        }
      }
    }
    return out;
  }

  private static Fact fact(Hit h) {
    return new Fact(h.entry().key(), new String(h.entry().payload(), StandardCharsets.UTF_8));
  }
}
