package io.vivarium.cli;

import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.judge.BrainJudge;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.store.CheckpointStore;
import io.vivarium.colony.runtime.MemoryRecall;
import io.vivarium.core.AtomicFile;
import io.vivarium.core.audio.Speech;
import io.vivarium.core.config.ThinkConfig;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.world.Judge;
import io.vivarium.lab.think.ConclusionQueue;
import io.vivarium.lab.think.ConclusionTraining;
import io.vivarium.lab.think.Thinker;
import io.vivarium.lab.think.ThinkJudges;
import io.vivarium.lab.think.ThoughtTree;
import io.vivarium.memory.LuceneMemory;
import io.vivarium.memory.TextEmbedding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vivarium think}: one tree of thought over the data directory's memory (seed 000's
 * update), printed as an indented tree; or {@code --train}: a brain file trained on the queued
 * conclusions.
 */
@Command(name = "think", mixinStandardHelpOptions = true,
    description = {"Think about QUESTION by a tree of thought: continuations by the brain with recalled memories,"
        + " scored by the evaluator (or the chat world's grader for the built-in fact questions); prints the tree,"
        + " the chosen path (*) and the conclusion, which is kept in DATA/memory and queued in"
        + " DATA/conclusions.json.", "With --train: train the brain file on the queued conclusions."})
final class ThinkCommand extends VivariumCommand {
  @Parameters(paramLabel = "QUESTION", arity = "0..1", description = "The question, e.g. \"What is the capital of Zurland?\".")
  String question;

  @Option(names = "--passage", paramLabel = "FILE",
      description = "Think about the text of FILE instead of QUESTION (e.g. a damaged passage, judged by a repair"
          + " --evaluator: \"Is the passage repaired?\").")
  Path passage;

  @Option(names = "--brain", paramLabel = "FILE", description = "Brain file that continues the text.")
  Path brain;

  @Option(names = "--agent", paramLabel = "ID",
      description = "Think with agent ID's brain, from its newest checkpoint in the data directory (instead of --brain).")
  String agent;

  @Option(names = "--evaluator", paramLabel = "FILE",
      description = "Evaluator brain that scores the nodes (default: the chat world's grader).")
  Path evaluator;

  @Option(names = "--depth", paramLabel = "N", description = "Levels (default: think.depth).")
  Integer depth;

  @Option(names = "--width", paramLabel = "N", description = "Nodes kept per level (default: think.width).")
  Integer width;

  @Option(names = "--branches", paramLabel = "N", description = "Continuations per node (default: think.branches).")
  Integer branches;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print the tree as JSON.")
  boolean json;

  @Option(names = "--speak", paramLabel = "WAV",
      description = "Also speak the conclusion with espeak-ng into this WAV file (docs/audio.md).")
  Path speak;

  @Option(names = "--train", description = "Train --brain on the queued conclusions (think.trainIters) and save it.")
  boolean train;

  @Override
  public Integer call() throws Exception {
    VivariumConfig config = config(List.of());
    ThinkConfig think = shaped(config.think());
    if (train) {
      return train(config, think);
    }
    if (passage != null) {
      if (question != null) {
        throw new IllegalArgumentException("think takes a QUESTION or --passage FILE, not both; drop one");
      }
      question = passage(passage);
    }
    if (question == null || question.isBlank()) {
      throw new IllegalArgumentException("think needs a QUESTION, --passage FILE or --train; e.g. vivarium think"
          + " \"What is the capital of Badinland?\" --brain FILE");
    }
    Torch.start(config.brain(), dataDir());
    boolean kept = Files.isDirectory(dataDir());
    Path temp = kept ? null : Files.createTempDirectory("vivarium-think");
    try (TorchBrain b = thinkingBrain();
        LuceneMemory memory = LuceneMemory.openAnyWidth(kept ? dataDir().resolve("memory") : temp,
            TextEmbedding.DEFAULT_DIMENSION, config.memory());
        Judging judging = judge()) {
      MemoryRecall recall = new MemoryRecall(memory);
      ThoughtTree tree = new Thinker(b, judging.judge, judging.name, recall, think).asking(judging.question)
          .think(question, seed);
      out().print(json ? tree.toJson() + "\n" : tree.render());
      if (speak != null) {
        spoken(tree.conclusion());
      }
      if (kept) {
        keep(tree, recall, memory, think);
        record(tree);
      } else if (!json) {
        out().println("not kept: no data directory " + dataDir() + " (pass --data DIR)");
      }
      out().flush();
    } finally {
      if (temp != null) {
        Files.walk(temp).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return 0;
  }

  /** Writes {@code conclusion} spoken by espeak-ng to {@code --speak}, atomically. */
  private void spoken(String conclusion) throws IOException {
    if (conclusion.isBlank()) {
      throw new IllegalArgumentException("the conclusion is empty; there is nothing to speak into " + speak);
    }
    byte[] wav = Speech.render(conclusion, Speech.Voice.english());
    AtomicFile.write(speak, wav);
    if (!json) {
      out().println("spoken into " + speak + " (" + wav.length + " bytes)");
    }
  }

  /** Keeps {@code tree}'s conclusion in the memory and queues it, when it scores think.minScore. */
  private void keep(ThoughtTree tree, MemoryRecall recall, LuceneMemory memory, ThinkConfig think) {
    if (!think.keeps(tree.score())) {
      if (!json) {
        out().println("not kept: score below think.minScore=" + think.minScore());
      }
      return;
    }
    recall.remember(thinker(), tree.query(), tree.conclusion(), tree.score());
    memory.commit();
    ConclusionQueue.in(dataDir(), think.queue()).add(ConclusionQueue.Example.of(tree, thinker()));
    if (!json) {
      out().println("kept in " + dataDir().resolve("memory") + " and queued in "
          + dataDir().resolve(ConclusionQueue.FILE));
    }
  }

  /** Records {@code tree} in the colony's registry when a colony lives in the data directory (the zookeeper draws it). */
  private void record(ThoughtTree tree) {
    DataDir dir = DataDir.of(dataDir());
    if (dir.hasColony()) {
      try (Registry r = Registry.open(dir.registryLocation())) {
        long id = r.thoughts().add(thinker(), tree.query(), tree.toJson(), tree.conclusion(), tree.score());
        if (!json) {
          out().println("recorded as thought #" + id + " (zookeeper: #/thoughts/" + id + ")");
        }
      }
    }
  }

  /** Who thought: the agent of --agent, else {@code user}. */
  private String thinker() {
    return agent != null ? agent : "user";
  }

  /** The brain of --brain or of --agent's newest checkpoint; exactly one of them. */
  private TorchBrain thinkingBrain() throws IOException {
    if ((brain == null) == (agent == null)) {
      throw new IllegalArgumentException("think needs exactly one of --brain FILE and --agent ID");
    }
    if (brain != null) {
      requireFile(brain, "--brain");
      return TorchBrain.load(brain);
    }
    CheckpointStore.Loaded latest = Colonies.require(dataDir()).checkpoints().latest(agent, d -> { })
        .orElseThrow(() -> new IllegalArgumentException("no checkpoint of agent '" + agent + "' in " + dataDir()
            + "; 'vivarium agents' lists the colony's agents"));
    return TorchBrain.fromBytes(latest.payload(), latest.checkpoint().file().toString());
  }

  private int train(VivariumConfig config, ThinkConfig think) throws IOException {
    if (brain == null) {
      throw new IllegalArgumentException("think --train needs --brain FILE (the brain trained and saved)");
    }
    requireFile(brain, "--brain");
    List<ConclusionQueue.Example> examples = ConclusionQueue.in(dataDir(), think.queue()).examples();
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no conclusions queued in " + dataDir().resolve(ConclusionQueue.FILE)
          + "; think some questions first (vivarium think \"QUESTION\" --brain FILE)");
    }
    Torch.start(config.brain(), dataDir());
    try (TorchBrain b = TorchBrain.load(brain)) {
      double before = ConclusionTraining.loss(b, examples);
      ConclusionTraining.train(b, examples, Math.max(1, think.trainIters()), think.lr(), seed, out());
      double after = ConclusionTraining.loss(b, examples);
      b.save(brain);
      out().printf(Locale.ROOT, "trained %s on %d conclusions: loss %.4f -> %.4f%n", brain, examples.size(),
          before, after);
    }
    return 0;
  }

  private ThinkConfig shaped(ThinkConfig c) {
    ThinkConfig t = new ThinkConfig(c.enabled(), depth != null ? depth : c.depth(), width != null ? width : c.width(),
        branches != null ? branches : c.branches(), c.tokens(), c.recall(), c.temperature(), c.queue(),
        c.trainIters(), c.lr(), c.minScore());
    check("--depth", t.depth());
    check("--width", t.width());
    check("--branches", t.branches());
    return t;
  }

  private static void check(String option, int n) {
    if (n < 1 || n > 16) {
      throw new IllegalArgumentException(option + " must be between 1 and 16; got " + n);
    }
  }

  /** The text of {@code file}, UTF-8, a passage of at most 4 KiB; else a clear error. */
  private static String passage(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no passage file " + file + " (--passage); give a text file");
    }
    if (Files.size(file) > 4096) {
      throw new IllegalArgumentException("passage file " + file + " has " + Files.size(file)
          + " bytes; the limit is 4096; give a shorter passage");
    }
    try {
      return Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalArgumentException("passage file " + file + " is not UTF-8 text; save it as UTF-8");
    }
  }

  private static void requireFile(Path file, String option) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no brain file " + file + " (" + option + "); train one with"
          + " 'vivarium train lm' or 'vivarium bench think'");
    }
  }

  /** The judge of this run and what the tree calls it. */
  private record Judging(Judge judge, String name, String question, AutoCloseable owned) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      if (owned != null) {
        owned.close();
      }
    }
  }

  private Judging judge() throws IOException {
    if (evaluator != null) {
      requireFile(evaluator, "--evaluator");
      BrainJudge j = BrainJudge.open(evaluator);
      String asked = ThinkJudges.question(j.world());
      return new Judging(j, "evaluator " + evaluator.getFileName() + " asked '" + asked + "'", asked, j);
    }
    if (passage != null) {
      throw new IllegalArgumentException("--passage needs --evaluator FILE: the chat grader judges only the built-in"
          + " fact questions; train one with 'vivarium train evaluator --world repair'");
    }
    return new Judging(ThinkJudges.grader(question), ThinkJudges.GRADER, Thinker.QUESTION, null);
  }
}
