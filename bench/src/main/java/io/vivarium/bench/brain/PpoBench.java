package io.vivarium.bench.brain;

import io.vivarium.bench.Peak;
import io.vivarium.bench.Proc;
import io.vivarium.brain.Autograd;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.Collector;
import io.vivarium.brain.learn.Ppo;
import io.vivarium.brain.learn.Rollout;
import io.vivarium.brain.learn.Schedule;
import io.vivarium.brain.learn.Stats;
import io.vivarium.brain.policy.ActionSpace;
import io.vivarium.brain.policy.Actor;
import io.vivarium.brain.policy.Encoding;
import io.vivarium.brain.policy.ObservationEncoder;
import io.vivarium.brain.policy.Senses;
import io.vivarium.core.config.LearnConfig;
import io.vivarium.core.config.PpoConfig;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldFactory;
import io.vivarium.core.world.Worlds;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * PPO training throughput on the gold world with the default settings (RL Zoo's MiniGrid
 * PPO: 8 worlds × 128 steps per rollout, minibatch 64, 10 epochs, so 160 gradient steps per
 * 1,024 environment steps) and the default observation encoding. For each world preset and
 * brain preset it runs a few iterations and prints {@code env_steps_per_second},
 * {@code ms_per_update} (one minibatch gradient step), the rollout's {@code collect_ms_per_step}
 * (one step of all 8 worlds), each also per second of the training thread's CPU time (with one
 * intra-op thread PyTorch computes on that thread, so CPU time estimates the uncontended speed
 * on a shared machine), the prefix length in tokens, resident memory and the load. It also
 * prints the machine's measured fp32 peak ({@link Peak}, before the engine starts) and what an
 * update achieved: {@code update_gflops} = {@code BrainShape.flopsPerToken(prefix)} × minibatch ×
 * prefix / seconds per update, and {@code update_peak_ratio} = that / (peak per core × threads).
 *
 * <p>Usage: {@code PpoBench [--presets gold-bare-5x5,gold-bare-6x6] [--brains tiny,small]
 * [--groups 1,8] [--precisions fp32,bf16] [--minibatch 64] [--iterations 2] [--threads 1]} (groups: tokens the brain reads per position); also {@code vivarium bench ppo}. Not thread-safe; a
 * command-line tool.
 */
public final class PpoBench {
  private PpoBench() {}

  public static void main(String[] args) {
    List<String> presets = List.of("gold-bare-5x5", "gold-bare-6x6");
    List<String> brains = List.of("tiny", "small");
    int iterations = 2;
    int threads = 1;
    List<Integer> groups = List.of(1);
    List<String> precisions = List.of("fp32");
    PpoConfig ppo = PpoConfig.defaults();
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--presets" -> presets = List.of(args[i + 1].split(","));
        case "--brains" -> brains = List.of(args[i + 1].split(","));
        case "--iterations" -> iterations = Integer.parseInt(args[i + 1]);
        case "--threads" -> threads = Integer.parseInt(args[i + 1]);
        case "--groups" -> groups = java.util.Arrays.stream(args[i + 1].split(",")).map(Integer::valueOf).toList();
        case "--precisions" -> precisions = List.of(args[i + 1].split(","));
        case "--minibatch" -> ppo = ppo.withMinibatch(Integer.parseInt(args[i + 1]));
        default -> throw new IllegalArgumentException("unknown option '" + args[i]
            + "'; known: --presets, --brains, --iterations, --threads, --groups, --precisions, --minibatch");
      }
    }
    run(presets, brains, groups, precisions, ppo, iterations, threads, new PrintWriter(System.out, true));
  }

  /**
   * Measures every (world preset, brain preset, group, precision); prints {@code key: value} lines.
   * Precisions (fp32, bf16: {@code brain.precision} of the update) alternate innermost, so their
   * numbers compare side by side.
   */
  public static void run(List<String> presets, List<String> brains, List<Integer> groups,
      List<String> precisions, PpoConfig ppo, int iterations, int threads, PrintWriter out) {
    if (iterations < 1 || threads < 1) {
      throw new IllegalArgumentException("iterations and threads must be at least 1; got "
          + iterations + " and " + threads);
    }
    out.printf(Locale.ROOT, "load_before: %s%n", Proc.load());
    Peak.Result peak = Peak.measure();
    peak.print(out);
    Torch.start(threads, null);
    WorldFactory gold = Worlds.get("gold");
    for (String preset : presets) {
      for (String brain : brains) {
        for (int group : groups) {
          for (String precision : precisions) {
            Autograd.bf16(Torch.bf16(precision));
            one(gold, preset, brain, group, precision, ppo, iterations, peak.perCore() * threads, out);
          }
        }
      }
    }
    out.printf(Locale.ROOT, "threads: %d%n", threads);
    out.printf(Locale.ROOT, "peak_rss_mb: %d%n", Proc.peakRssMb());
    out.printf(Locale.ROOT, "load_after: %s%n", Proc.load());
    out.flush();
  }

  /** Measures one pair at one group; {@code peak} is the fp32 GFLOP/s of the cores the update may use. */
  private static void one(WorldFactory gold, String preset, String brainPreset, int group, String precision,
      PpoConfig options,
      int iterations, double peak,
      PrintWriter out) {
    int envs = 8;
    int t0 = 128;
    Encoding encoding = Encoding.defaults().withGroup(group);
    LearnConfig c = LearnConfig.defaults().withPpo(options);
    try (TorchBrain brain = TorchBrain.create(BrainShape.preset(brainPreset).withGroup(group), 1);
        WorldBatch batch = gold.batch(preset, envs);
        Ppo ppo = new Ppo(brain, c.ppo(), c.optimizer(), Schedule.constant(c.lr()), envs, 1)) {
      batch.reset(1);
      Senses senses = new Senses(batch.spec(), encoding, envs);
      Collector collector = new Collector(brain, batch, senses, new Actor(ActionSpace.of(batch.spec()), 1),
          ppo.needs(), new java.util.SplittableRandom(1));
      int tokens = new ObservationEncoder(batch.spec(), encoding).positions();
      Sums sums = new Sums(envs);
      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
      for (int i = 0; i < iterations; i++) {
        long w0 = System.nanoTime();
        long c0 = threads.getCurrentThreadCpuTime();
        Rollout r = collector.rollout(t0);
        for (int t = 0; t < t0; t++) {
          collector.step(r, t);
        }
        collector.finish(r);
        long w1 = System.nanoTime();
        long c1 = threads.getCurrentThreadCpuTime();
        Stats s = ppo.update(r);
        double cw = (w1 - w0) / 1e9;
        double cc = (c1 - c0) / 1e9;
        double uw = (System.nanoTime() - w1) / 1e9;
        double uc = (threads.getCurrentThreadCpuTime() - c1) / 1e9;
        out.printf(Locale.ROOT, "%s %s group %d %s iteration %d: collect %.2f s, update %.2f s (cpu %.2f s, %.2f s),"
            + " resident %d MB%n", preset, brainPreset, group, precision, i, cw, uw, cc, uc, Proc.rssMb());
        // the first iteration warms up (class loading, allocator); it is reported, not counted
        sums.add(i == 0 && iterations > 1, (long) envs * t0, s.updates(), cw, cc, uw, uc, brain);
      }
      String key = preset + " " + brainPreset + (group > 1 ? " group " + group : "")
          + (precision.equals("fp32") ? "" : " " + precision);
      // forward+backward FLOPs of one minibatch of prefix-long samples (nanoGPT's count)
      sums.print(out, key, tokens, brain, brain.shape().flopsPerToken(tokens) * c.ppo().minibatch() * tokens, peak);
    }
  }

  /** One pair's sums over the counted iterations, and what the memory looked like after the warm-up. */
  private static final class Sums {
    private final int envs;
    private double wall;
    private double cpu;
    private double updateWall;
    private double updateCpu;
    private double collectWall;
    private double collectCpu;
    private long updates;
    private long steps;
    private long total; // every update, the warm-up's too
    private long warmArrays = -1; // live arrays and resident MB after the first iteration
    private long warmRss;

    Sums(int envs) {
      this.envs = envs;
    }

    void add(boolean warmUp, long envSteps, int stepUpdates, double cw, double cc, double uw, double uc,
        TorchBrain brain) {
      total += stepUpdates;
      if (warmArrays < 0) {
        warmArrays = liveArrays(brain);
        warmRss = Proc.rssMb();
      }
      if (warmUp) {
        return;
      }
      steps += envSteps;
      wall += cw + uw;
      cpu += cc + uc;
      updateWall += uw;
      updateCpu += uc;
      collectWall += cw;
      collectCpu += cc;
      updates += stepUpdates;
    }

    void print(PrintWriter out, String key, int tokens, TorchBrain brain, double updateFlops, double peak) {
      out.printf(Locale.ROOT, "%s prefix_positions: %d%n", key, tokens);
      out.printf(Locale.ROOT, "%s parameters: %d%n", key, brain.parameterCount());
      out.printf(Locale.ROOT, "%s env_steps_per_second: %.1f%n", key, steps / wall);
      out.printf(Locale.ROOT, "%s env_steps_per_cpu_second: %.1f%n", key, steps / cpu);
      out.printf(Locale.ROOT, "%s ms_per_update: %.1f%n", key, 1000 * updateWall / updates);
      out.printf(Locale.ROOT, "%s cpu_ms_per_update: %.1f%n", key, 1000 * updateCpu / updates);
      out.printf(Locale.ROOT, "%s collect_ms_per_step: %.2f%n", key, 1000 * collectWall / (steps / envs));
      out.printf(Locale.ROOT, "%s cpu_collect_ms_per_step: %.2f%n", key, 1000 * collectCpu / (steps / envs));
      double updateGflops = updateFlops / (updateWall / updates) / 1e9; // over an update's wall time
      out.printf(Locale.ROOT, "%s update_gflops: %.2f%n", key, updateGflops);
      out.printf(Locale.ROOT, "%s update_peak_ratio: %.3f%n", key, updateGflops / peak);
      out.printf(Locale.ROOT, "%s rss_mb: %d%n", key, Proc.rssMb());
      out.printf(Locale.ROOT, "%s memory: %d updates; live arrays %d after warm-up, %d at the end; resident %d MB"
          + " after warm-up, %d MB at the end%n", key, total, warmArrays, liveArrays(brain), warmRss, Proc.rssMb());
      out.flush();
    }
  }

  /** The arrays alive under the brain's root arena (weights, gradients, optimizer state). */
  private static long liveArrays(TorchBrain brain) {
    return brain.update(w -> w.arena().parent().count());
  }
}
