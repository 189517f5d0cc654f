package io.vivarium.colony.runtime;

import io.vivarium.brain.learn.Rollout;
import io.vivarium.brain.learn.Stats;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.BlockRow;
import io.vivarium.colony.registry.MetricRow;
import io.vivarium.colony.registry.OutputRow;
import io.vivarium.core.world.Outputs;
import io.vivarium.core.world.Ticks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One turn of one agent, the colony's loop in CleanRL's two phases. {@link #act}: recall
 * memories into its context; act in every world instance for the turn's steps (the {@code
 * Collector} asks the {@code Actor} and steps the batch, each step written once into a {@link
 * Rollout}), following its episodes and a watched agent's frame. {@link #learn}: publish the
 * steps on the bus, hand the rollout to the agent's learner and record everything its update
 * says, its fitness, its episodes and its world's outputs; store what it said in the memory;
 * switch a young cloner to PPO or GRPO when its time is up; checkpoint when due. One agent's halves
 * run one after the other; the {@link Pipeline} may run one agent's act beside another's learn, or
 * several agents' act and update at once, each recorded on the colony's thread afterwards.
 */
final class Turn {
  /** Thrown between steps to end a turn at once when the colony is asked to stop. */
  static final class Stopped extends RuntimeException {
    Stopped() {
      super("stopping", null, false, false);
    }
  }

  private final Colony colony;

  Turn(Colony colony) {
    this.colony = colony;
  }

  /**
   * What the acting half of a turn collected: the rollout, the world's kept outputs and
   * measures, the actions of every step (for the bus) and when acting began and ended.
   */
  static final class Acted {
    final Rollout rollout;
    final Kept kept = new Kept();
    final List<byte[][]> taken = new ArrayList<>();
    final long started = System.nanoTime();
    long ended;
    /** What the update said and how long it took, once {@link #update} ran. */
    Stats stats;
    double learnSeconds;

    Acted(Rollout rollout) {
      this.rollout = rollout;
    }
  }

  /**
   * The acting half of {@code a}'s turn (phases 1 and 2). It touches only the agent's own state
   * and thread-safe parts (the brain's read lock, the sandbox pool, the memory), so it may run
   * on another thread while a different agent learns; the bus and the registry wait for
   * {@link #learn}. Throws {@link Stopped} when the colony stops between steps.
   */
  Acted act(LiveAgent a) {
    // 1. Context: memories near what the agent sees, shown for the whole turn.
    if (!a.phase.clones()) {
      colony.memory.beforeTurn(a);
    }
    // 2. Rollout: act, step, record, step after step.
    int steps = colony.turnSteps;
    Acted x = new Acted(a.collector.rollout(steps));
    for (int t = 0; t < steps; t++) {
      if (colony.stopping()) {
        throw new Stopped();
      }
      byte[][] taken = a.collector.step(x.rollout, t);
      a.envSteps += x.rollout.envs();
      a.episodes.afterStep(x.rollout, t);
      x.taken.add(taken);
      x.kept.afterStep(a);
      if (colony.frames.watched(a.id)) {
        colony.frames.put(colony.frame(a, false));
      }
    }
    if (a.learner.needs().bootstrap()) {
      a.collector.finish(x.rollout); // the values the learner bootstraps from
    }
    x.ended = System.nanoTime();
    return x;
  }

  /** The learning half of {@code a}'s turn (phases 3 and 4), on the colony's thread, after {@link #act}. */
  void learn(LiveAgent a, Acted x) {
    update(a, x);
    record(a, x);
  }

  /**
   * Phase 3: the learner's gradient steps on {@code x}'s rollout, stopped between whole steps when
   * the colony stops. Touches only the agent's brain and learner, so it may run on a learner
   * thread beside other agents' turns ({@link Pipeline}); {@link #record} follows on the colony's thread.
   */
  void update(LiveAgent a, Acted x) {
    long acted = System.nanoTime();
    x.stats = a.learner.update(x.rollout, colony::stopping);
    x.learnSeconds = (System.nanoTime() - acted) / 1e9;
  }

  /** Phase 4, on the colony's thread after {@link #update}: the bus, the records, the memory, checkpoints. */
  void record(LiveAgent a, Acted x) {
    Rollout r = x.rollout;
    Kept kept = x.kept;
    Stats s = x.stats;
    colony.roundSteps += (long) r.envs() * x.taken.size();
    if (colony.link != null) {
      for (byte[][] taken : x.taken) {
        colony.link.afterStep(a, taken);
      }
    }
    a.turns++;
    // 4. Records: episodes, fitness and every number the update computed, each turn.
    Records.addEpisodes(colony.registry, a.id, a.episodes.drain());
    colony.population.judge(a);
    long now = System.currentTimeMillis();
    List<MetricRow> rows = new ArrayList<>();
    rows.add(new MetricRow(a.id, a.envSteps, "return", a.fitness, now));
    if (!Double.isNaN(a.successRate)) {
      rows.add(new MetricRow(a.id, a.envSteps, "success", a.successRate, now));
    }
    for (Map.Entry<String, Double> m : s.metrics().entrySet()) {
      if (Double.isFinite(m.getValue())) {
        rows.add(new MetricRow(a.id, a.envSteps, m.getKey(), m.getValue(), now));
      }
    }
    kept.measures().forEach((name, value) -> rows.add(new MetricRow(a.id, a.envSteps, "world." + name, value, now)));
    rows.add(new MetricRow(a.id, a.envSteps, "act_seconds", (x.ended - x.started) / 1e9, now)); // where a turn's time goes
    rows.add(new MetricRow(a.id, a.envSteps, "learn_seconds", x.learnSeconds, now));
    colony.registry.addMetrics(rows); // one transaction for the turn's numbers (and the event files)
    colony.boards.turn(a, x.taken, (long) r.envs() * x.taken.size(), (x.ended - x.started) / 1e9 + x.learnSeconds);
    if (!kept.outputs.isEmpty()) {
      List<OutputRow> outs = new ArrayList<>(kept.outputs.size());
      for (Outputs.Output o : kept.outputs) {
        outs.add(new OutputRow(a.id, a.envSteps, o.bytes(), o.reward(), o.details(), now));
      }
      colony.registry.addOutputs(outs); // what the agent said, with what came of it
    }
    if (!kept.ticks.isEmpty()) {
      colony.registry.addBlocks(blockRows(a.id, kept.ticks)); // a weaving agent's ticks, block by block
    }
    colony.registry.putAgent(colony.lifecycle.row(a, AgentState.ALIVE, 0, null)); // fitness follows every turn
    colony.memory.afterTurn(a, r, kept.outputs);
    if (Methods.cloningDone(colony.method, a.phase, a.envSteps, colony.config.colony().bcSteps())) {
      colony.lifecycle.startLearner(a, colony.method.afterCloning());
    }
    colony.frames.put(colony.frame(a, colony.frames.watched(a.id)));
    if (colony.link != null) {
      colony.link.afterTurn(a);
    }
    if (System.nanoTime() - a.lastCheckpointNanos >= colony.config.colony().checkpointSeconds() * 1_000_000_000L) {
      colony.lifecycle.checkpoint(a);
    }
  }

  private static List<BlockRow> blockRows(String agent, List<Kept.AtStep> ticks) {
    List<BlockRow> rows = new ArrayList<>();
    for (Kept.AtStep at : ticks) {
      Ticks.Tick t = at.tick();
      for (int k = 0; k < t.blocks().size(); k++) {
        Ticks.Block b = t.blocks().get(k);
        rows.add(new BlockRow(agent, at.step(), t.episode(), t.tick(), t.firstBlock() + k, b.type(), b.millis(),
            b.text(), t.reward(), t.wellFormed()));
      }
    }
    return rows;
  }

  /**
   * What a world with {@link Outputs} produced during the turn: its outputs (the brain's own: those
   * of instances the expert played while cloning are left out) and the sums of its measures; and the ticks of a world with {@link Ticks}, with the agent's step of each.
   */
  private static final class Kept {
    record AtStep(long step, Ticks.Tick tick) {}

    final List<AtStep> ticks = new ArrayList<>();
    final List<Outputs.Output> outputs = new ArrayList<>();
    final Map<String, double[]> sums = new LinkedHashMap<>();

    void afterStep(LiveAgent a) {
      if (a.worlds instanceof Ticks t) {
        t.lastTicks().forEach(tick -> ticks.add(new AtStep(a.envSteps, tick)));
      }
      if (a.worlds instanceof Outputs o) {
        // while cloning the expert plays the instances past the brain-driven ones: its outputs are
        // not the agent's (the same rule that keeps their episodes out of the agent's records)
        int driven = a.learner.needs().brainDriven();
        for (Outputs.Output out : o.lastOutputs()) {
          if (out.instance() < driven) {
            outputs.add(out);
          }
        }
        o.lastMeasures().forEach((name, value) -> {
          double[] sum = sums.computeIfAbsent(name, k -> new double[2]);
          sum[0] += value;
          sum[1]++;
        });
      }
    }

    /** The turn's mean of every measure. */
    Map<String, Double> measures() {
      Map<String, Double> out = new LinkedHashMap<>();
      sums.forEach((name, sum) -> out.put(name, sum[0] / sum[1]));
      return out;
    }
  }
}
