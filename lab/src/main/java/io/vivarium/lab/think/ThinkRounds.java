package io.vivarium.lab.think;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.PairTrainer;
import io.vivarium.brain.learn.PairTrainer.Pair;
import io.vivarium.core.Seeds;
import io.vivarium.core.config.ThinkConfig;
import io.vivarium.core.world.FactBook;
import io.vivarium.core.world.Recall;
import io.vivarium.worlds.chat.ChatFact;
import io.vivarium.worlds.chat.FactSource;
import io.vivarium.worlds.chat.Grader;
import io.vivarium.worlds.chat.GraderJudge;
import io.vivarium.worlds.chat.InventedFacts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The curve of training on conclusions: a brain pretrained briefly on the built-in facts' training
 * side (with recalled facts in its context, so it learns to copy a recalled value and to answer
 * in the format), then, round after round, thinks about the same held-out fact questions (whose
 * facts are not in the memory), scored by the chat grader; each round's conclusions are kept in
 * the memory and the brain is trained on them before the next round. Not thread-safe.
 */
public final class ThinkRounds {
  /** Held-out share of the built-in facts: these are asked, the others pretrain and fill the memory. */
  static final double HELD_OUT = 0.2;

  /**
   * Settings of a run.
   *
   * @param rounds rounds of thinking
   * @param questions held-out questions asked every round
   * @param pretrainIters pair-training iterations before the first round
   * @param trainIters iterations of training on one round's conclusions (0 = memory only)
   * @param shape the brain's shape
   * @param seed the root seed
   */
  public record Options(int rounds, int questions, int pretrainIters, int trainIters, BrainShape shape, long seed) {
    public Options {
      if (rounds < 1 || questions < 1 || pretrainIters < 0 || trainIters < 0) {
        throw new IllegalArgumentException("bench think needs rounds and questions >= 1, iterations >= 0; got "
            + rounds + " rounds, " + questions + " questions, " + pretrainIters + " and " + trainIters + " iterations");
      }
    }
  }

  /** One round's line of the curve. */
  public record Round(int round, double meanScore, double exactShare, double rootScore, int kept, double lossBefore,
      double lossAfter, double seconds) {
    /** The CSV header. */
    public static final String HEADER = "round,questions,mean_score,exact_share,mean_first_level_score,kept,"
        + "conclusion_loss_before,conclusion_loss_after,seconds";

    String csv(int questions) {
      return String.format(Locale.ROOT, "%d,%d,%.4f,%.4f,%.4f,%d,%.4f,%.4f,%.1f", round, questions, meanScore,
          exactShare, rootScore, kept, lossBefore, lossAfter, seconds);
    }
  }

  private ThinkRounds() {}

  /** Runs the curve (saving the final brain to {@code saveTo} unless null); returns its CSV (header and one line per round), printing progress to {@code log}. */
  public static String run(Options o, ThinkConfig think, FactBook facts, Recall recall, PrintWriter log,
      Path saveTo) throws IOException {
    List<ChatFact> all = InventedFacts.all();
    List<ChatFact> train = new FactSource(all, HELD_OUT, false).asked();
    List<ChatFact> asked = pick(new FactSource(all, HELD_OUT, true).asked(), o.questions(), o.seed());
    for (ChatFact f : train) {
      facts.put(f.asFact());
    }
    GraderJudge judge = GraderJudge.ofFacts(all);
    StringBuilder csv = new StringBuilder(Round.HEADER).append('\n');
    try (TorchBrain brain = TorchBrain.create(o.shape(), Seeds.derive(o.seed(), "think-brain"))) {
      pretrain(brain, train, think.recall(), o, log);
      for (int r = 0; r < o.rounds(); r++) {
        Round round = round(r, brain, judge, recall, think, asked, o, log);
        csv.append(round.csv(asked.size())).append('\n');
        log.println(Round.HEADER + "\n" + round.csv(asked.size()));
        log.flush();
      }
      if (saveTo != null) {
        brain.save(saveTo);
      }
    }
    return csv.toString();
  }

  private static Round round(int r, TorchBrain brain, GraderJudge judge, Recall recall, ThinkConfig think,
      List<ChatFact> asked, Options o, PrintWriter log) {
    long start = System.nanoTime();
    Thinker thinker = new Thinker(brain, judge, "chat grader", recall, think);
    List<ConclusionQueue.Example> examples = new ArrayList<>();
    double score = 0;
    double first = 0;
    int exact = 0;
    for (int i = 0; i < asked.size(); i++) {
      ChatFact f = asked.get(i);
      ThoughtTree tree = thinker.think(FactSource.question(f), Seeds.derive(o.seed(), "think-round-" + r, i));
      score += tree.score();
      first += tree.children(0).stream().mapToDouble(Thought::score).average().orElse(0);
      exact += Grader.exact(f.value(), tree.conclusion()) ? 1 : 0;
      examples.add(ConclusionQueue.Example.of(tree, "bench"));
      if (i == 0) {
        log.print(tree.render());
      }
    }
    List<ConclusionQueue.Example> kept = examples.stream().filter(e -> think.keeps(e.score())).toList();
    for (ConclusionQueue.Example e : kept) {
      recall.remember("bench", e.query(), e.conclusion(), e.score());
    }
    double before = kept.isEmpty() ? Double.NaN : ConclusionTraining.loss(brain, kept);
    if (o.trainIters() > 0 && !kept.isEmpty()) {
      ConclusionTraining.train(brain, kept, o.trainIters(), think.lr(), Seeds.derive(o.seed(), "think-train", r), log);
    }
    double after = kept.isEmpty() ? Double.NaN : ConclusionTraining.loss(brain, kept);
    int n = asked.size();
    return new Round(r, score / n, (double) exact / n, first / n, kept.size(), before, after, (System.nanoTime() - start) / 1e9);
  }

  /** Pair-training on the training facts: the right fact among the recalled ones half of the time. */
  private static void pretrain(TorchBrain brain, List<ChatFact> train, int k, Options o, PrintWriter log) {
    if (o.pretrainIters() == 0) {
      return;
    }
    int block = brain.shape().block();
    PairTrainer.Source source = rng -> {
      ChatFact f = train.get(rng.nextInt(train.size()));
      List<String> memories = new ArrayList<>();
      int right = rng.nextInt(2) == 0 ? rng.nextInt(Math.max(1, k)) : -1;
      for (int m = 0; m < k; m++) {
        ChatFact shown = m == right ? f : train.get(rng.nextInt(train.size()));
        memories.add(shown.key() + " = " + shown.value());
      }
      byte[] answer = (f.value() + "\n").getBytes(StandardCharsets.UTF_8);
      return new Pair(ThoughtText.context(memories, FactSource.question(f), "", block - answer.length - 2), answer);
    };
    new PairTrainer(brain, new PairTrainer.Options(o.pretrainIters(), 0, 16, 3e-3, 50, 0.01, 1,
        Math.max(1, o.pretrainIters() / 10), Seeds.derive(o.seed(), "think-pretrain"))).train(source, log);
  }

  private static List<ChatFact> pick(List<ChatFact> facts, int n, long seed) {
    List<ChatFact> copy = new ArrayList<>(facts);
    SplittableRandom rng = Seeds.random(seed, "think-questions", 0);
    for (int i = copy.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      ChatFact t = copy.get(i);
      copy.set(i, copy.get(j));
      copy.set(j, t);
    }
    return List.copyOf(copy.subList(0, Math.min(n, copy.size())));
  }
}
