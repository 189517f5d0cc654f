package io.vivarium.cli;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.Evaluation;
import io.vivarium.brain.learn.Training;
import io.vivarium.brain.policy.Encoding;
import io.vivarium.core.Seeds;
import io.vivarium.core.config.BcConfig;
import io.vivarium.core.config.BrainConfig;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.world.Curriculum;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldFactory;
import io.vivarium.core.world.Worlds;
import io.vivarium.worlds.gold.GoldPresets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vivarium train gold}: trains a brain in the gold world and saves it with its learning curve. */
@Command(name = "gold", mixinStandardHelpOptions = true,
    description = {"Train a brain in the gold world, then save it; the learning curve goes beside it as FILE.csv.",
        "Prints one progress line per iteration, then mean_return, success_rate and optimal_ratio of the greedy "
            + "policy on held-out episodes of the whole room, and the sampled policy's mean return and success."})
final class TrainGoldCommand extends VivariumCommand {
  @Option(names = "--method", paramLabel = "M", defaultValue = "bc+ppo",
      description = "bc, dagger, ppo, grpo or bc+ppo (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--preset", paramLabel = "P", defaultValue = "gold-bare-5x5",
      description = "Gold world preset (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "100000",
      description = "Environment steps to train for (default: ${DEFAULT-VALUE}).")
  long steps;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--brain-preset", paramLabel = "B", description = "Brain preset (default: brain.preset).")
  String brainPreset;

  @Option(names = "--no-curriculum", description = "Place the gold anywhere from the start.")
  boolean noCurriculum;

  @Option(names = "--bc-fraction", paramLabel = "F", defaultValue = "0.2",
      description = "Part of the budget bc+ppo spends cloning (default: ${DEFAULT-VALUE}).")
  double bcFraction;

  @Option(names = "--minutes", paramLabel = "M", defaultValue = "0",
      description = "Wall-clock budget: stop when it or --steps runs out; bc+ppo clones for --bc-fraction of it "
          + "(default: 0, no limit).")
  double minutes;

  @Option(names = "--bc-lr", paramLabel = "X", description = "Learning rate of cloning (default: 1e-3).")
  Double bcLr;

  @Option(names = "--bc-updates", paramLabel = "N",
      description = "Gradient steps of cloning per 32 steps of each of the 8 worlds (default: 16).")
  Integer bcUpdates;

  @Option(names = "--bc-drive", paramLabel = "F",
      description = "Share of the worlds the brain plays itself while cloning, every state labelled by the expert"
          + " (0: behaviour cloning, the expert plays all; 1: DAgger; default: 0, or 1 for --method dagger).")
  Double bcDrive;

  @Option(names = "--eval-episodes", paramLabel = "N", defaultValue = "256",
      description = "Held-out episodes of the final evaluation, a multiple of 32 (default: ${DEFAULT-VALUE}).")
  int evalEpisodes;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to save the brain (default: DATA/brains/gold-METHOD.brain).")
  Path out;

  @Parameters(paramLabel = "KEY=VALUE", arity = "0..*", description = "Configuration overrides, e.g. brain.threads=2.")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    GoldPresets.get(preset); // an unknown preset lists the known ones before anything starts
    if (evalEpisodes < 32 || evalEpisodes % 32 != 0) {
      throw new IllegalArgumentException("--eval-episodes must be a positive multiple of 32; got " + evalEpisodes);
    }
    if (bcDrive != null && !(bcDrive >= 0 && bcDrive <= 1)) {
      throw new IllegalArgumentException("--bc-drive is the share of worlds the brain plays while cloning and must be"
          + " between 0 and 1; got " + bcDrive + "; use e.g. 0.5, or 1 for DAgger");
    }
    VivariumConfig resolved = config(overrides);
    BcConfig b = resolved.learn().bc();
    BcConfig bc = new BcConfig(bcDrive != null ? bcDrive : method.equals("dagger") ? 1 : 0, bcLr != null ? bcLr : b.lr(),
        b.minibatch(), bcUpdates != null ? bcUpdates : b.updates(), b.buffer());
    Training.Plan plan = new Training.Plan(method, steps, bcFraction, Encoding.defaults(), seed, minutes * 60,
        resolved.learn().withBc(bc));
    BrainConfig c = resolved.brain();
    BrainShape shape = BrainShape.of(brainPreset == null ? c
        : new BrainConfig(brainPreset, c.device(), c.threads(), c.layers(), c.heads(), c.dim(), c.block(), c.dropout()));
    Path file = out != null ? out : dataDir().resolve("brains").resolve("gold-" + method.replace('+', '-') + ".brain");
    Path csv = file.resolveSibling(file.getFileName() + ".csv");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Torch.start(c.threads(), dataDir());
    WorldFactory gold = Worlds.get("gold");
    try (TorchBrain brain = TorchBrain.create(shape, Seeds.derive(seed, "weights"));
        PrintWriter curve = new PrintWriter(Files.newBufferedWriter(csv))) {
      out().printf(Locale.ROOT, "train gold · %s · %s · %d steps%s · seed %d · brain %d parameters%n", method, preset,
          steps, minutes > 0 ? String.format(Locale.ROOT, " or %.1f minutes", minutes) : "", seed,
          brain.parameterCount());
      curve.println(Training.Point.csvHeader());
      Training.run(brain, () -> batch(gold), plan, p -> {
        out().println(p.line());
        out().flush();
        curve.println(p.csv());
        curve.flush();
      });
      brain.save(file);
      try (WorldBatch eval = gold.batch(preset, 32); WorldBatch expert = gold.batch(preset, 32)) {
        long evalSeed = Seeds.derive(seed, "evaluation");
        Evaluation.Result r = Evaluation.brain(brain, eval, Encoding.defaults(), evalEpisodes / 32, evalSeed);
        Evaluation.Result e = Evaluation.expert(expert, evalEpisodes / 32, evalSeed);
        EvalCommand.report(out(), r, e);
        Evaluation.Result sampled = Evaluation.brain(brain, eval, Encoding.defaults(), evalEpisodes / 32, evalSeed, true);
        out().printf(Locale.ROOT, "sampled_mean_return: %.4f%nsampled_success_rate: %.4f%n", sampled.meanReturn(),
            sampled.successRate());
      }
      out().printf("brain: %s%ncurve: %s%n", file, csv);
      out().flush();
    } catch (UncheckedIOException e) {
      throw new IOException(e.getMessage(), e);
    }
    return 0;
  }

  private WorldBatch batch(WorldFactory gold) {
    WorldBatch b = gold.batch(preset, 8);
    if (!noCurriculum && b instanceof Curriculum c) {
      c.startCurriculum(1);
    }
    return b;
  }
}
