package io.vivarium.cli;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.PairTrainer;
import io.vivarium.core.Seeds;
import io.vivarium.core.config.BrainConfig;
import io.vivarium.worlds.repair.Corpus;
import io.vivarium.worlds.repair.Corpus.Split;
import io.vivarium.worlds.repair.Episode;
import io.vivarium.worlds.repair.EpisodeMaker;
import io.vivarium.worlds.repair.HeuristicSolver;
import io.vivarium.worlds.repair.Lexicon;
import io.vivarium.worlds.repair.LineEdits;
import io.vivarium.worlds.repair.RepairEval;
import io.vivarium.worlds.repair.RepairPreset;
import io.vivarium.worlds.repair.RepairPresets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vivarium train repair}: supervised line-edit training of a brain on damaged passages of
 * the corpus's training split (corrupted line window → the edit that restores it), then a short
 * held-out evaluation.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
    description = {"Train a brain to repair damaged passages (supervised, corrupted -> clean, one line "
        + "edit at a time; see docs/worlds.md), then save it.",
        "Prints progress, then mean_reward and exact_rate on held-out episodes; evaluate further with "
            + "'vivarium eval --world repair --solver brain --brain FILE'."})
final class TrainRepairCommand extends VivariumCommand {
  /** Clean lines trained on per damaged line (real passages have ~8). */
  static final int CLEAN_PER_DAMAGED = 2;

  @Option(names = "--preset", paramLabel = "P", defaultValue = "repair-single",
      description = "Repair preset the training episodes come from (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--minutes", paramLabel = "M", defaultValue = "30",
      description = "Wall-clock training budget in minutes (default: ${DEFAULT-VALUE}).")
  double minutes;

  @Option(names = "--iters", paramLabel = "N", defaultValue = "1000000",
      description = "The most iterations (default: ${DEFAULT-VALUE}; the time budget usually ends first).")
  int iters;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "32",
      description = "Line windows per iteration (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--lr", paramLabel = "X", defaultValue = "2e-3",
      description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
  double lr;

  @Option(names = "--brain-preset", paramLabel = "B", defaultValue = "small",
      description = "Brain preset (default: ${DEFAULT-VALUE}).")
  String brainPreset;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--eval-episodes", paramLabel = "N", defaultValue = "140",
      description = "Held-out episodes evaluated after training, 0 for none (default: ${DEFAULT-VALUE}).")
  int evalEpisodes;

  @Option(names = "--after", paramLabel = "S", defaultValue = "heuristic",
      description = "heuristic: the brain learns to repair what the heuristic leaves (evaluate as "
          + "heuristic+brain); none: the brain learns every repair alone (evaluate as brain) "
          + "(default: ${DEFAULT-VALUE}).")
  String after;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to save the brain (default: DATA/brains/repair.brain).")
  Path out;

  @Mixin CorpusOptions corpus;

  @Parameters(paramLabel = "KEY=VALUE", arity = "0..*", description = "Configuration overrides, e.g. brain.threads=2.")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (!(minutes > 0)) {
      throw new IllegalArgumentException("--minutes must be positive; got " + minutes);
    }
    if (evalEpisodes < 0) {
      throw new IllegalArgumentException("--eval-episodes must be 0 or more; got " + evalEpisodes);
    }
    if (!after.equals("heuristic") && !after.equals("none")) {
      throw new IllegalArgumentException("--after must be heuristic or none; got '" + after + "'");
    }
    RepairPreset p = RepairPresets.get(preset);
    Corpus c = corpus.open(p);
    HeuristicSolver first = after.equals("heuristic") ? HeuristicSolver.calibrated(c, Lexicon.DEFAULT_PASSAGES) : null;
    BrainConfig bc = config(overrides).brain();
    BrainShape shape = BrainShape.of(new BrainConfig(brainPreset, bc.device(), bc.threads(), bc.layers(),
        bc.heads(), bc.dim(), bc.block(), bc.dropout()));
    PairTrainer.Options o = new PairTrainer.Options(iters, minutes * 60, batch, lr, 30, 0.1, 1.0, 25, seed);
    Path file = out != null ? out : dataDir().resolve("brains").resolve("repair.brain");
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Torch.start(bc.threads(), dataDir()).setRandomSeed((int) Seeds.derive(seed, "torch"));
    try (TorchBrain brain = TorchBrain.create(shape, Seeds.derive(seed, "weights"))) {
      out().printf(Locale.ROOT, "train repair · %s · %s · after %s · %.1f min · batch %d · seed %d · brain %s, %d parameters, "
          + "%d thread(s)%n", p.name(), c.name(), after, minutes, batch, seed, brainPreset, brain.parameterCount(),
          bc.threads());
      PairTrainer.Result r = new PairTrainer(brain, o).train(source(p, c, first), out());
      brain.save(file);
      out().printf(Locale.ROOT, "iters: %d%npairs: %d%nseconds: %.0f%nloss: %.4f%nbrain: %s%n",
          r.iters(), r.pairs(), r.seconds(), r.loss(), file);
      if (evalEpisodes > 0) {
        RepairEval.Report e = RepairEval.run(p, c, BrainRepairSolver.create(first == null ? "brain" : "heuristic+brain", brain, first), evalEpisodes,
            Seeds.derive(seed, "train-repair-eval"));
        out().printf(Locale.ROOT, "mean_reward: %.4f%nexact_rate: %.4f%n", e.overall().meanReward(),
            e.overall().exactRate());
      }
    }
    out().flush();
    return 0;
  }

  /**
   * Training pairs from episodes of the training split, repaired by {@code first} when it is not
   * null: each usable episode gives its damaged line and up to {@link #CLEAN_PER_DAMAGED} clean
   * lines of the same passage, or one clean line when nothing is left to repair.
   */
  static PairTrainer.Source source(RepairPreset preset, Corpus corpus, HeuristicSolver first) {
    EpisodeMaker maker = new EpisodeMaker(preset, corpus, Split.TRAIN);
    ArrayDeque<PairTrainer.Pair> queue = new ArrayDeque<>();
    return rng -> {
      for (int tries = 0; queue.isEmpty(); tries++) {
        if (tries > 1000) {
          throw new IllegalArgumentException("preset " + preset.name() + " gave no episode whose damage lies "
              + "inside one line in 1000 draws; train on repair-single or a corpus with longer lines");
        }
        fill(queue, maker, first, rng);
      }
      return queue.poll();
    };
  }

  private static void fill(ArrayDeque<PairTrainer.Pair> queue, EpisodeMaker maker, HeuristicSolver first,
      SplittableRandom rng) {
    Episode e = maker.make(rng.nextLong());
    String shown = first == null ? e.corrupted() : first.repair(e.corrupted());
    List<LineEdits.Example> examples = LineEdits.examples(shown, e.clean());
    List<LineEdits.Example> clean = new ArrayList<>();
    for (LineEdits.Example x : examples) {
      if (x.answer().length > 0) {
        queue.add(new PairTrainer.Pair(x.window(), x.answer()));
      } else {
        clean.add(x);
      }
    }
    int keep = clean.size() == examples.size() ? 1 : CLEAN_PER_DAMAGED;
    for (int k = 0; k < keep && !clean.isEmpty(); k++) {
      LineEdits.Example x = clean.remove(rng.nextInt(clean.size()));
      queue.add(new PairTrainer.Pair(x.window(), x.answer()));
    }
  }
}
