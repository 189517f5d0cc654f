package io.vivarium.lab.think;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.Sampling;
import io.vivarium.brain.TorchBrain;
import io.vivarium.core.Channel;
import io.vivarium.core.Seeds;
import io.vivarium.core.config.ThinkConfig;
import io.vivarium.core.world.Judge;
import io.vivarium.core.world.Recall;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Expands a question into a tree of thought (a beam search over continuations): for each node of
 * the frontier it recalls memories for the question and the node's path, builds the context
 * ({@link ThoughtText}), samples {@code branches} continuations of at most {@code tokens} bytes
 * with the brain, and has the judge score each path; the best {@code width} of a level go on,
 * until {@code depth} or until every kept path has ended its answer. The conclusion is the path of
 * the best-scored leaf (ties: the earlier node). Deterministic per seed. Thread-safe when the
 * brain, judge and recall are.
 */
public final class Thinker {
  /** What the judge is asked about each path. */
  public static final String QUESTION = "Does the answer state the fact asked for?";
  private final TorchBrain brain;
  private final Judge judge;
  private final String judgeName;
  private final Recall recall;
  private final ThinkConfig config;
  private final String ask;

  /**
   * A thinker with {@code brain}, scored by {@code judge} (named {@code judgeName} in the trees),
   * recalling from {@code recall}, shaped by {@code config} (its depth, width, branches, tokens,
   * recall and temperature).
   */
  public Thinker(TorchBrain brain, Judge judge, String judgeName, Recall recall, ThinkConfig config) {
    this(brain, judge, judgeName, recall, config, QUESTION);
  }

  private Thinker(TorchBrain brain, Judge judge, String judgeName, Recall recall, ThinkConfig config, String ask) {
    this.ask = Objects.requireNonNull(ask, "the judge's question");
    this.brain = Objects.requireNonNull(brain, "brain");
    this.judge = Objects.requireNonNull(judge, "judge");
    this.judgeName = Objects.requireNonNull(judgeName, "judge name");
    this.recall = Objects.requireNonNull(recall, "recall");
    this.config = Objects.requireNonNull(config, "think config");
  }

  /**
   * This thinker asking the judge {@code question} about each path instead of {@link #QUESTION}: the
   * question its evaluator was trained on ({@link ThinkJudges#question}), e.g. "Is the passage
   * repaired?" for a repair passage.
   */
  public Thinker asking(String question) {
    if (question.isBlank()) {
      throw new IllegalArgumentException("the judge's question is empty; give the yes/no question its evaluator was"
          + " trained on, e.g. \"" + QUESTION + "\"");
    }
    return new Thinker(brain, judge, judgeName, recall, config, question);
  }

  /** The tree for {@code query}, its continuations drawn from {@code seed}. */
  public ThoughtTree think(String query, long seed) {
    String q = ThoughtText.requireQuestion(query, brain.shape().block() - config.tokens() - 8);
    List<Thought> nodes = new ArrayList<>();
    nodes.add(new Thought(0, -1, 0, q, List.of(), 0, false, false));
    List<Integer> frontier = List.of(0);
    for (int d = 1; d <= config.depth() && !frontier.isEmpty(); d++) {
      List<Integer> level = new ArrayList<>();
      for (int id : frontier) {
        level.addAll(expand(nodes, q, id, seed));
      }
      frontier = level.stream()
          .sorted(Comparator.comparingDouble((Integer i) -> -nodes.get(i).score()).thenComparingInt(i -> i))
          .limit(config.width())
          .filter(i -> !nodes.get(i).done())
          .toList();
    }
    return finish(q, seed, nodes);
  }

  /** Expands node {@code id}: recalls, samples its children, scores them; returns their ids. */
  private List<Integer> expand(List<Thought> nodes, String query, int id, long seed) {
    String path = ThoughtText.path(nodes, id);
    List<String> memories = recall.recall(path.isEmpty() ? query : query + " " + path, config.recall());
    nodes.set(id, nodes.get(id).withMemories(memories));
    byte[] context = ThoughtText.context(memories, query, path, brain.shape().block() - config.tokens() - 1);
    Sampling sampling = new Sampling(config.temperature(), 0, config.tokens(), '\n', Channel.TEXT);
    List<Integer> ids = new ArrayList<>();
    for (int b = 0; b < config.branches(); b++) {
      byte[] gen = brain.generate(BrainInput.prompt(Channel.TEXT, context), sampling,
          Seeds.random(seed, "think", (long) id * config.branches() + b));
      boolean done = gen.length < config.tokens() || (gen.length > 0 && gen[gen.length - 1] == '\n');
      int n = gen.length > 0 && gen[gen.length - 1] == '\n' ? gen.length - 1 : gen.length;
      String text = new String(gen, 0, n, StandardCharsets.UTF_8);
      double score = clamp(judge.yes(ask, query, (path + text).strip()));
      int child = nodes.size();
      nodes.add(new Thought(child, id, nodes.get(id).depth() + 1, text, List.of(), score, done, false));
      ids.add(child);
    }
    return ids;
  }

  private ThoughtTree finish(String query, long seed, List<Thought> nodes) {
    int best = -1;
    for (Thought t : nodes) {
      boolean leaf = t.depth() > 0 && nodes.stream().noneMatch(c -> c.parent() == t.id());
      if (leaf && (best < 0 || t.score() > nodes.get(best).score())) {
        best = t.id();
      }
    }
    for (int i = best; i > 0; i = nodes.get(i).parent()) {
      nodes.set(i, nodes.get(i).asChosen());
    }
    nodes.set(0, nodes.get(0).asChosen());
    String conclusion = ThoughtText.path(nodes, best).strip();
    return new ThoughtTree(query, judgeName, seed, nodes, conclusion, nodes.get(best).score());
  }

  private static double clamp(double p) {
    if (Double.isNaN(p)) {
      throw new IllegalStateException("the judge gave NaN for a thought; check the evaluator brain");
    }
    return Math.max(0, Math.min(1, p));
  }
}
