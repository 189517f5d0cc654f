package io.vivarium.colony.runtime;

import io.vivarium.brain.TorchBrain;
import io.vivarium.core.config.ThinkConfig;
import io.vivarium.core.world.Asks.Ask;
import io.vivarium.core.world.Judge;
import io.vivarium.core.world.Recall;
import io.vivarium.lab.think.ConclusionQueue;
import io.vivarium.lab.think.ConclusionTraining;
import io.vivarium.lab.think.Thinker;
import io.vivarium.lab.think.ThinkJudges;
import io.vivarium.lab.think.ThoughtTree;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The colony's trees of thought (seed 000's update), with {@code think.enabled}: an agent answers a
 * person's question by a tree ({@link Thinker}) over its own brain, the shared memory and the
 * colony's evaluator (or the chat grader for the built-in fact questions); the tree is recorded in
 * the registry ({@code thoughts}), its conclusion kept in the memory and queued
 * (DATA/conclusions.json), and a newborn's brain is trained on the queue before its first turn.
 * A tree that cannot be thought (no judge for the question, a failure) leaves the plain answer.
 * Thread-safe: agents answer on their own threads.
 */
final class Thinking implements AskDesk.Deliberation {
  private static final Logger log = LoggerFactory.getLogger(Thinking.class);
  private final Colony colony;

  Thinking(Colony colony) {
    this.colony = colony;
  }

  private ThinkConfig config() {
    return colony.config.think();
  }

  @Override
  public String answer(Ask ask, String agent, String plain) {
    if (!config().enabled()) {
      return plain;
    }
    LiveAgent a = colony.find(agent);
    Judge judge = judge(ask.text());
    if (a == null || judge == null) {
      return plain;
    }
    try {
      String judgeName = colony.hasEvaluator() ? "evaluator" : ThinkJudges.GRADER;
      ThoughtTree tree = new Thinker(a.brain, judge, judgeName, recall(), config())
          .think(ask.text(), io.vivarium.core.Seeds.derive(colony.config.colony().seed(), "think", ask.id()));
      keep(agent, tree);
      return tree.conclusion();
    } catch (RuntimeException e) {
      log.warn("{} could not think about ask {} ({}); it answers without a tree", agent, ask.id(), e.getMessage());
      return plain;
    }
  }

  /** Records {@code tree}; keeps its conclusion in the memory and queues it for training when it scores think.minScore. */
  void keep(String agent, ThoughtTree tree) {
    colony.registry.thoughts().add(agent, tree.query(), tree.toJson(), tree.conclusion(), tree.score());
    if (!config().keeps(tree.score())) {
      return;
    }
    recall().remember(agent, tree.query(), tree.conclusion(), tree.score());
    queue().add(ConclusionQueue.Example.of(tree, agent));
  }

  /**
   * Trains newborn {@code brain} on the queued conclusions ({@code think.trainIters} iterations); returns how many
   * examples it learned from (0 when thinking is off, nothing is queued or no iterations are set).
   */
  int raise(TorchBrain brain, long seed) {
    if (!config().enabled() || config().trainIters() == 0) {
      return 0;
    }
    try {
      List<ConclusionQueue.Example> examples = queue().examples();
      if (examples.isEmpty() || ConclusionTraining.pairs(examples, brain.shape().block()).isEmpty()) {
        return 0;
      }
      ConclusionTraining.train(brain, examples, config().trainIters(), config().lr(), seed,
          new PrintWriter(new StringWriter()));
      return examples.size();
    } catch (RuntimeException e) {
      log.warn("a newborn could not train on the queued conclusions ({}); it starts without them", e.getMessage());
      return 0;
    }
  }

  private ConclusionQueue queue() {
    return ConclusionQueue.in(colony.dir.root(), config().queue());
  }

  private Recall recall() {
    return colony.memory != null && colony.memory.enabled() ? new MemoryRecall(colony.memory.memory()) : Recall.none();
  }

  /** The colony's evaluator, else the chat grader when it knows {@code question}, else null. */
  private Judge judge(String question) {
    if (colony.hasEvaluator()) {
      return colony.worldContext.judge();
    }
    return ThinkJudges.graderKnows(question) ? ThinkJudges.grader(question) : null;
  }
}
