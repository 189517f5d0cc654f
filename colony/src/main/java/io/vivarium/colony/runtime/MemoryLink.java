package io.vivarium.colony.runtime;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.learn.Rollout;
import io.vivarium.colony.DataDir;
import io.vivarium.core.config.MemoryConfig;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.world.Outputs;
import io.vivarium.memory.Entry;
import io.vivarium.memory.Filter;
import io.vivarium.memory.Hit;
import io.vivarium.memory.KeyWidth;
import io.vivarium.memory.LuceneMemory;
import io.vivarium.memory.Memory;
import io.vivarium.memory.TextEmbedding;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The colony's link to its shared memory in {@code DATA/memory/} (seed 000's vector database
 * of outputs, common to all agents). Before an agent's turn it embeds what the agent's first
 * world instance shows (the agent's own brain's {@code embed}), recalls the {@code memory.k}
 * nearest memories of any agent and shows their payloads, concatenated and cut to the memory
 * channel's budget, in the agent's context for the whole turn. After the turn it stores the
 * agent's output, the action bytes of that instance during the turn, keyed by the same
 * embedding, with the agent's fitness (kind {@code output}). A kept output with a text key (a
 * chat answer, keyed by its question) is keyed by that text's {@link TextEmbedding} instead,
 * and stored even when the agent recalls nothing ({@code memory.k = 0}).
 *
 * <p>Agents take part once they learn by themselves: a {@code bc+ppo} or {@code bc+grpo} founder cloning the expert
 * has no memory channel yet. The channel's budget is part of the colony's {@link BrainFit}. With {@code memory.enabled=false} it opens nothing and changes nothing: encodings keep no
 * memory channel. Used by the colony's one thread; not thread-safe (the memory itself is).
 */
final class MemoryLink implements AutoCloseable {
  private final Memory memory; // null when off
  private final MemoryConfig config;
  /** Embeds the text keys of outputs that have one (seed 003: a question keys its answer); null when off. */
  private final TextEmbedding text;
  /** Each agent's key of its current turn, from {@link #beforeTurn} to {@link #afterTurn}. */
  private final Map<String, float[]> keys = new java.util.concurrent.ConcurrentHashMap<>();

  private MemoryLink(Memory memory, MemoryConfig config) {
    this.memory = memory;
    this.config = config;
    this.text = memory == null ? null : new TextEmbedding(memory.dimension());
  }

  /**
   * Opens the memory of the colony in {@code dir} when enabled: a new one as wide as the brains,
   * an existing one at its own width (keys are fitted to it, {@link KeyWidth}).
   */
  static MemoryLink open(DataDir dir, VivariumConfig config, Placement placement) {
    MemoryConfig m = config.memory();
    if (!m.enabled()) {
      return new MemoryLink(null, m);
    }
    Memory placed = placement.memory(config);
    if (placed != null) {
      return new MemoryLink(placed, m);
    }
    // a memory made first by 'memory add-fact' keeps its width; agents' keys are fitted to it
    int dim = BrainShape.of(config.brain()).dim();
    return new MemoryLink(LuceneMemory.openAnyWidth(dir.memory(), dim, m), m);
  }

  /** Whether the memory is on. */
  boolean enabled() {
    return memory != null;
  }

  /** The memory, when on; for status and tests. */
  Memory memory() {
    return memory;
  }

  /** Recalls memories near what agent {@code a} sees into its context for this turn. */
  void beforeTurn(LiveAgent a) {
    if (memory == null || config.k() == 0) {
      return;
    }
    float[] key = KeyWidth.fit(a.brain.embed(a.input0()), memory.dimension());
    if (!usable(key)) {
      keys.remove(a.id);
      return;
    }
    keys.put(a.id, key);
    List<Hit> hits = memory.recall(key, config.k(), Filter.ANY);
    ByteArrayOutputStream recalled = new ByteArrayOutputStream();
    for (Hit h : hits) {
      if (recalled.size() >= config.contextBytes()) {
        break;
      }
      recalled.write(h.entry().payload(), 0,
          Math.min(h.entry().payload().length, config.contextBytes() - recalled.size()));
    }
    a.senses.recall(recalled.toByteArray());
  }

  /**
   * Stores what agent {@code a} did in the turn just taken: each of the world's kept
   * {@code outputs} with its own reward as fitness and its details as text (exec: every program a
   * group chose, with its outcome), or without such outputs {@code r}'s instance 0's actions with
   * the agent's fitness; all keyed by the turn's embedding.
   */
  void afterTurn(LiveAgent a, Rollout r, List<Outputs.Output> outputs) {
    float[] key = memory == null ? null : keys.remove(a.id);
    if (memory == null || (key == null && outputs.stream().allMatch(o -> o.key().isEmpty()))) {
      return;
    }
    if (outputs.isEmpty()) {
      memory.store(new Entry(key, r.actionBytes(0), null, a.id, a.fitness, Entry.OUTPUT, null, a.envSteps, 0));
      return;
    }
    for (Outputs.Output o : outputs) {
      float[] vector = o.key().isEmpty() ? key : text.embed(o.key()); // chat: the question's text embedding
      if (o.bytes().length > 0 && vector != null) {
        String preview = o.details().length() <= Entry.MAX_TEXT ? o.details() : o.details().substring(0, Entry.MAX_TEXT);
        memory.store(new Entry(vector, o.bytes(), preview, a.id, o.reward(), Entry.OUTPUT, null, a.envSteps, 0));
      }
    }
  }

  /** A brain's embedding can be degenerate (all zero or not finite); such keys are skipped. */
  private static boolean usable(float[] v) {
    double norm = 0;
    for (float x : v) {
      if (!Float.isFinite(x)) {
        return false;
      }
      norm += (double) x * x;
    }
    return norm > 0;
  }

  /** Commits and closes the memory. Idempotent. */
  @Override
  public void close() {
    if (memory != null) {
      memory.close();
    }
  }
}
