package io.vivarium.cli;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.learn.Training;
import io.vivarium.brain.policy.Encoding;
import io.vivarium.core.config.BcConfig;
import io.vivarium.core.config.BrainConfig;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.world.Worlds;
import io.vivarium.lab.listen.ListenTraining;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vivarium train listen}: a brain learns to tell spoken words apart in the listen world and
 * is scored on held-out voices ({@link ListenTraining}).
 */
@Command(name = "listen", mixinStandardHelpOptions = true,
    description = {"Teach a brain which of a few spoken words (espeak-ng) it heard: it clones the listen world's "
        + "expert on the training voices, then is saved; the learning curve goes beside it as FILE.csv.",
        "Prints one progress line per iteration, then heldout_accuracy (held-out voice and speed combinations), "
            + "train_accuracy and chance (1 / words)."})
final class TrainListenCommand extends VivariumCommand {
  @Option(names = "--method", paramLabel = "M", defaultValue = "bc",
      description = "bc, dagger, ppo, grpo or bc+ppo (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--preset", paramLabel = "P", defaultValue = "listen-8",
      description = "Listen preset: listen-4 (yes no up down) or listen-8 (+ left right stop go) "
          + "(default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "60000",
      description = "Environment steps (episodes) to train for (default: ${DEFAULT-VALUE}).")
  long steps;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--brain-preset", paramLabel = "B", description = "Brain preset (default: brain.preset).")
  String brainPreset;

  @Option(names = "--bc-lr", paramLabel = "X", defaultValue = "3e-3",
      description = "Learning rate of cloning (default: ${DEFAULT-VALUE}; 1e-3 learned a third as fast in the measured run).")
  double bcLr;

  @Option(names = "--bc-updates", paramLabel = "N", defaultValue = "32",
      description = "Gradient steps of cloning per 32 steps of each of the 16 worlds (default: ${DEFAULT-VALUE}).")
  int bcUpdates;

  @Option(names = "--eval-episodes", paramLabel = "N", defaultValue = "512",
      description = "Held-out episodes of each final evaluation, a multiple of 32 (default: ${DEFAULT-VALUE}).")
  int evalEpisodes;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to save the brain (default: DATA/brains/listen.brain).")
  Path out;

  @Parameters(paramLabel = "KEY=VALUE", arity = "0..*", description = "Configuration overrides, e.g. brain.threads=2.")
  List<String> overrides = new ArrayList<>();

  /** The cloning settings: the configuration's, with this command's learning rate, updates and drive. */
  private BcConfig bc(VivariumConfig resolved) {
    BcConfig b = resolved.learn().bc();
    return new BcConfig(method.equals("dagger") ? 1 : 0, bcLr, b.minibatch(), bcUpdates, b.buffer());
  }

  @Override
  public Integer call() throws Exception {
    ListenTraining.checkPreset(preset); // an unknown preset lists the known ones before anything starts
    if (evalEpisodes < 32 || evalEpisodes % 32 != 0) {
      throw new IllegalArgumentException("--eval-episodes must be a positive multiple of 32; got " + evalEpisodes);
    }
    VivariumConfig resolved = config(overrides);
    io.vivarium.core.world.Spec spec = Worlds.get("listen").spec(preset);
    Training.Plan plan = new Training.Plan(method, steps, 0.5, Encoding.forSpec(spec), seed, 0,
        resolved.learn().withBc(bc(resolved)));
    BrainConfig c = resolved.brain();
    BrainShape shape = BrainShape.of(brainPreset == null ? c : c.withPreset(brainPreset))
        .withGroup(Encoding.group(c.group(), spec));
    Path file = out != null ? out : dataDir().resolve("brains").resolve("listen.brain");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Torch.start(c, dataDir());
    ListenTraining.run(plan, preset, shape, evalEpisodes, file, line -> {
      out().println(line);
      out().flush();
    }, progress());
    return 0;
  }
}
