package io.vivarium.colony.admin;

import io.vivarium.colony.registry.AskAnswer;
import io.vivarium.colony.registry.AskRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.config.MemoryConfig;
import io.vivarium.memory.Entry;
import io.vivarium.memory.Filter;
import io.vivarium.memory.Hit;
import io.vivarium.memory.LuceneMemory;
import io.vivarium.memory.TextEmbedding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * A person's question from outside the colony's process ({@code vivarium ask}): waiting for the
 * answers a running colony records in the registry, and the population's vote over those answers
 * and the memories recalled for the question (seed 003's consensus). Stateless; thread-safe.
 */
public final class Inquiry {
  /** How often the registry is looked at while waiting. */
  private static final long POLL_MILLIS = 200;

  private Inquiry() {}

  /**
   * Waits up to {@code wait} until ask {@code id} has {@code wanted} answers (re-read each time:
   * e.g. the live agents' count) or is dropped or refused; returns its row then.
   */
  public static AskRow await(Registry r, long id, Duration wait, IntSupplier wanted) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      AskRow row = r.asks().get(id).orElseThrow(() -> new IllegalArgumentException("no ask #" + id + " in this colony"));
      boolean closed = row.state().equals("dropped") || row.state().equals("refused");
      if (closed || !row.pending() && r.asks().answers(id).size() >= Math.max(1, wanted.getAsInt())
          || System.nanoTime() >= deadline) {
        return row;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return row;
      }
    }
  }

  /** Adds the live agents' {@code answers} to {@code vote}, each weighing {@code sigmoid(its agent's fitness)}. */
  public static void answers(Registry r, List<AskAnswer> answers, AnswerVote vote) {
    for (AskAnswer a : answers) {
      double fitness = r.agent(a.agent()).map(x -> x.fitness()).orElse(0.0);
      vote.add(a.answer(), "agent " + a.agent(), AnswerVote.weight(1, fitness));
    }
  }

  /**
   * How far below the best match a memory may be and still vote: answers stored under the same
   * question (similarity 1) outvote answers to questions that merely look alike ("What is the
   * capital of Desstan?" and "… of Testan?" are 0.88 apart with the text embedding, and three
   * answers to the one would outvote the right answer to the other).
   */
  static final double MARGIN = 0.02;

  /**
   * Adds the best-matching of the {@code k} memories nearest to {@code question} (the memory
   * opened read-only, the question embedded with the built-in {@link TextEmbedding} as the chat
   * world keys its answers) to {@code vote}: those within {@link #MARGIN} of the nearest one's
   * similarity, each weighing {@code max(similarity, 0) · sigmoid(fitness)}; episodes do not
   * vote. Returns how many voted; 0 when there is no memory in {@code dir}.
   */
  public static int memories(Path dir, MemoryConfig config, String question, int k, AnswerVote vote) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int n = 0;
    try (LuceneMemory m = LuceneMemory.openReadOnly(dir, config)) {
      float[] q = new TextEmbedding(m.dimension()).embed(question);
      List<Hit> hits = m.recall(q, k, Filter.ANY).stream().filter(h -> !h.entry().kind().equals(Entry.EPISODE))
          .toList();
      double best = hits.stream().mapToDouble(Hit::similarity).max().orElse(0);
      for (Hit h : hits) {
        Entry e = h.entry();
        if (h.similarity() < best - MARGIN) {
          continue;
        }
        vote.add(new String(e.payload(), StandardCharsets.UTF_8), "memory #" + h.id() + " (" + e.agent() + ")",
            AnswerVote.weight(h.similarity(), h.fitness()));
        n++;
      }
    }
    return n;
  }
}
