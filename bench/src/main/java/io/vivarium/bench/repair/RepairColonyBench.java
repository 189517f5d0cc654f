package io.vivarium.bench.repair;

import io.vivarium.brain.BrainFile;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.LmOptions;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.MetricPoint;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.runtime.Colony;
import io.vivarium.colony.runtime.Preflight;
import io.vivarium.colony.store.CheckpointStore;
import io.vivarium.core.Seeds;
import io.vivarium.core.config.RunConfig;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.world.Worlds;
import io.vivarium.lab.repair.AgentSolver;
import io.vivarium.lab.repair.BrainSolvers;
import io.vivarium.lab.repair.RepairEval;
import io.vivarium.lab.repair.RepairLmTraining;
import io.vivarium.worlds.repair.Corpus;
import io.vivarium.worlds.repair.RepairPreset;
import io.vivarium.worlds.repair.RepairPresets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code vivarium bench repair-colony}: seed 004's repair desk in the colony measured. (1) A
 * founder: a byte language model of the repair corpus's clean training passages, of the colony's
 * brain shape, trained for the given minutes (or a brain file given instead); (2) a repair
 * colony started from it ({@code colony.founderBrain}) for the given minutes in a temporary data
 * directory, without bus or zookeeper, with a progress line per minute; (3) on the same held-out
 * episodes, the colony's best agent (highest fitness; the greedy answer of its newest
 * checkpoint) and {@code heuristic+brain}, the repair search ranked by the same founder language
 * model. Not thread-safe; one run at a time.
 */
public final class RepairColonyBench {
  private final PrintWriter out;

  public RepairColonyBench(PrintWriter out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * What to run.
   *
   * @param minutes the colony's wall-clock minutes
   * @param lmMinutes the founder language model's training minutes (unused with {@code founder})
   * @param founder a brain file of the colony's shape to start from, or null to train one
   * @param episodes held-out episodes both solvers answer
   * @param seed the colony's root seed, also the founder's and the evaluation's
   * @param overrides {@code key=value} settings on top of the repair colony's defaults
   */
  public record Options(double minutes, double lmMinutes, Path founder, int episodes, long seed,
      List<String> overrides) {
    public Options {
      if (!(minutes > 0 && minutes <= 24 * 60)) {
        throw new IllegalArgumentException("--minutes must be in (0, 1440]; got " + minutes);
      }
      if (!(lmMinutes > 0 && lmMinutes <= 24 * 60)) {
        throw new IllegalArgumentException("--lm-minutes must be in (0, 1440]; got " + lmMinutes);
      }
      if (episodes < 1) {
        throw new IllegalArgumentException("--episodes must be at least 1; got " + episodes);
      }
      if (founder != null && !Files.isRegularFile(founder)) {
        throw new IllegalArgumentException("--founder " + founder + " is not a file; give a brain file of the"
            + " colony's shape, or leave it out to train one");
      }
      overrides = List.copyOf(overrides);
    }
  }

  /** What the run measured. */
  public record Result(String bestAgent, double bestAgentMeanReward, double heuristicBrainMeanReward) {}

  /** Runs the benchmark; the lines it prints end with {@code best_agent_mean_reward=…} and {@code heuristic_brain_mean_reward=…}. */
  public Result run(Options o) throws IOException {
    List<String> all = new ArrayList<>(List.of("world.name=repair", "colony.seed=" + o.seed(), "bus.enabled=false",
        "zoo.enabled=false"));
    all.addAll(o.overrides());
    VivariumConfig config = resolve(all);
    RepairPreset preset = RepairPresets.get(config.world().preset());
    Corpus corpus = preset.builtInCorpus();
    Path dir = Files.createTempDirectory("vivarium-repair-colony");
    Torch.start(config.brain(), dir);
    BrainShape shape = Preflight.brainShape(config);
    Path founderFile = o.founder() != null ? o.founder() : dir.resolve("founder.brain");
    try (TorchBrain founder = founder(o, corpus, shape, founderFile)) {
      all.add("colony.founderBrain=" + founderFile.toAbsolutePath());
      VivariumConfig withFounder = resolve(all);
      colony(withFounder, new DataDir(dir.resolve("colony")), o.minutes());
      long evalSeed = Seeds.derive(o.seed(), "repair-colony-eval");
      String best = bestAgent(new DataDir(dir.resolve("colony")));
      RepairEval.Report agent;
      try (TorchBrain brain = agentBrain(new DataDir(dir.resolve("colony")), best)) {
        Preflight.AgentView view = Preflight.agentView(withFounder);
        agent = RepairEval.run(preset, corpus, new AgentSolver("agent " + best, brain, view.spec(), view.encoding()),
            o.episodes(), evalSeed, this::say);
      }
      say("agent " + best + ": " + line(agent));
      say("heuristic+brain: building the search, ranked by the founder language model …");
      RepairEval.Report hybrid = RepairEval.run(preset, corpus,
          BrainSolvers.solver("heuristic+brain", founder, corpus, true), o.episodes(), evalSeed, this::say);
      say("heuristic+brain: " + line(hybrid));
      out.printf(Locale.ROOT, "best_agent=%s%n", best);
      out.printf(Locale.ROOT, "best_agent_mean_reward=%.4f%n", agent.overall().meanReward());
      out.printf(Locale.ROOT, "heuristic_brain_mean_reward=%.4f%n", hybrid.overall().meanReward());
      out.flush();
      return new Result(best, agent.overall().meanReward(), hybrid.overall().meanReward());
    }
  }

  private static VivariumConfig resolve(List<String> settings) {
    return RunConfig.resolve(null, null, settings, w -> Worlds.get(w).defaultPreset(),
        w -> Worlds.get(w).suggestions()).config();
  }

  /** The founder brain: the given file, checked against the colony's shape, or a language model trained now. */
  private TorchBrain founder(Options o, Corpus corpus, BrainShape shape, Path file) throws IOException {
    if (o.founder() != null) {
      BrainShape found = BrainFile.read(file).shape();
      if (!found.equals(shape)) {
        throw new IllegalArgumentException("--founder " + file + " has the shape " + found + " but this colony's"
            + " brains are " + shape + "; leave --founder out to train one, or set brain.* to the file's");
      }
      say("founder: " + file);
      return TorchBrain.load(file);
    }
    LmOptions lm = LmOptions.defaults(shape).with(1_000_000, 8, Math.min(256, shape.block()), 2e-3)
        .with(Seeds.derive(o.seed(), "founder"), 1, null);
    return RepairLmTraining.founder(corpus, lm, o.lmMinutes(), 10_000, file, this::say);
  }

  /** Runs the colony in {@code data} for {@code minutes} with a progress line per minute. */
  private void colony(VivariumConfig config, DataDir data, double minutes) {
    say(String.format(Locale.ROOT, "colony: repair %s, %d founders, batch %d in groups of %d, learn.method=%s, data %s",
        config.world().preset(), config.colony().agents(), config.world().batch(), config.learn().grpo().group(),
        config.learn().method(), data.root()));
    long start = System.nanoTime();
    try (Colony c = new Colony(data, config, line -> say("  " + line))) {
      long end = start + (long) (minutes * 60e9);
      while (System.nanoTime() < end) {
        c.run(Math.min(60, Math.max(1, (end - System.nanoTime()) / 1_000_000_000L)));
        try (Registry reg = Registry.openReadOnly(data.registry())) {
          double[] m = rewards(reg);
          say(String.format(Locale.ROOT, "minute %.1f · agents %d · mean reward: median agent %.4f, best agent %.4f"
              + " · exact rate of the best %.3f", (System.nanoTime() - start) / 60e9, reg.agents().size(), m[0], m[1],
              m[2]));
        }
      }
    }
  }

  /** The median and the best agent's mean reward over its last quarter of turns, and the best's exact rate. */
  private static double[] rewards(Registry reg) {
    List<double[]> per = new ArrayList<>(); // (reward, exact)
    for (AgentRow a : reg.agents()) {
      double r = tail(reg, a.id(), "world.mean_reward");
      if (!Double.isNaN(r)) {
        per.add(new double[] {r, tail(reg, a.id(), "world.exact_rate")});
      }
    }
    if (per.isEmpty()) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
    per.sort(Comparator.comparingDouble(x -> x[0]));
    double[] best = per.get(per.size() - 1);
    return new double[] {per.get(per.size() / 2)[0], best[0], best[1]};
  }

  private static double tail(Registry reg, String agent, String name) {
    List<MetricPoint> s = reg.metrics().series(agent, name, -1, Integer.MAX_VALUE);
    if (s.isEmpty()) {
      return Double.NaN;
    }
    return s.subList(s.size() - Math.max(1, s.size() / 4), s.size()).stream().mapToDouble(MetricPoint::value)
        .average().orElse(Double.NaN);
  }

  /** The fittest agent with a checkpoint. */
  private static String bestAgent(DataDir data) {
    CheckpointStore store = data.checkpoints();
    try (Registry reg = Registry.openReadOnly(data.registry())) {
      return reg.agents().stream().filter(a -> store.latest(a.id(), d -> {}).isPresent())
          .max(Comparator.comparingDouble(AgentRow::fitness)).map(AgentRow::id)
          .orElseThrow(() -> new IllegalStateException("the repair colony in " + data.root() + " has no agent with a"
              + " checkpoint; run it longer (--minutes)"));
    }
  }

  private static TorchBrain agentBrain(DataDir data, String agent) {
    CheckpointStore.Loaded l = data.checkpoints().latest(agent, d -> {}).orElseThrow();
    return TorchBrain.fromBytes(l.payload(), agent + " " + l.checkpoint().file());
  }

  private static String line(RepairEval.Report r) {
    return String.format(Locale.ROOT, "mean_reward %.4f, exact_rate %.4f on %d held-out episodes",
        r.overall().meanReward(), r.overall().exactRate(), r.overall().episodes());
  }

  private void say(String line) {
    out.println(line);
    out.flush();
  }
}
