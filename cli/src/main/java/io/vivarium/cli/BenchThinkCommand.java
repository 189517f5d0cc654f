package io.vivarium.cli;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.colony.runtime.MemoryFacts;
import io.vivarium.colony.runtime.MemoryRecall;
import io.vivarium.core.AtomicFile;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.lab.think.ThinkRounds;
import io.vivarium.memory.LuceneMemory;
import io.vivarium.memory.TextEmbedding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vivarium bench think}: the curve of training on conclusions over rounds of trees of thought. */
@Command(name = "think", mixinStandardHelpOptions = true,
    description = {"Rounds of trees of thought on held-out built-in fact questions, scored by the chat grader;"
        + " each round's conclusions are kept in a temporary memory and trained on before the next round."
        + " Writes the curve (mean score, exact share, loss on the conclusions) as CSV."})
final class BenchThinkCommand extends VivariumCommand {
  @Option(names = "--rounds", paramLabel = "N", description = "Rounds (default: ${DEFAULT-VALUE}).")
  int rounds = 5;

  @Option(names = "--questions", paramLabel = "N", description = "Questions per round (default: ${DEFAULT-VALUE}).")
  int questions = 24;

  @Option(names = "--pretrain-iters", paramLabel = "N",
      description = "Pair-training iterations on the training facts first (default: ${DEFAULT-VALUE}).")
  int pretrainIters = 600;

  @Option(names = "--train-iters", paramLabel = "N",
      description = "Iterations on each round's conclusions; 0 = memory only (default: ${DEFAULT-VALUE}).")
  int trainIters = 40;

  @Option(names = "--seed", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed = 7;

  @Option(names = "--out", paramLabel = "CSV", description = "Where to write the curve (default: print only).")
  Path csv;

  @Option(names = "--save", paramLabel = "FILE", description = "Save the final brain (for 'vivarium think').")
  Path save;

  @Parameters(paramLabel = "KEY=VALUE", arity = "0..*",
      description = "Configuration overrides, e.g. think.depth=3 think.minScore=1.")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    VivariumConfig config = config(overrides);
    Torch.start(config.brain(), dataDir());
    BrainShape shape = BrainShape.preset("tiny").with(3, 4, 96, 256, 0);
    Path temp = Files.createTempDirectory("vivarium-bench-think");
    try (LuceneMemory memory = LuceneMemory.open(temp, TextEmbedding.DEFAULT_DIMENSION, config.memory())) {
      String curve = ThinkRounds.run(new ThinkRounds.Options(rounds, questions, pretrainIters, trainIters, shape, seed),
          config.think(), new MemoryFacts(memory), new MemoryRecall(memory), out(), save);
      out().print(curve);
      if (csv != null) {
        AtomicFile.write(csv, curve.getBytes(StandardCharsets.UTF_8));
        out().println("wrote " + csv);
      }
    } finally {
      Files.walk(temp).sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    return 0;
  }
}
