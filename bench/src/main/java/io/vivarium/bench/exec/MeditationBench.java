package io.vivarium.bench.exec;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.MetricPoint;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.runtime.Colony;
import io.vivarium.core.config.RunConfig;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.world.Worlds;
import io.vivarium.worlds.exec.ExecOutcome;
import io.vivarium.worlds.exec.ExecReward;
import io.vivarium.worlds.exec.ExecSettings;
import io.vivarium.worlds.exec.ExecutorPool;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code vivarium bench meditation}: seed 000's system measured. First the baseline — uniformly
 * random programs of the preset's length through the sandbox: their mean syscall evenness and
 * distinct calls; then the default exec colony (as {@code vivarium run --world exec} starts it)
 * for the given minutes in a temporary data directory, with a line per minute, and at the end
 * the colony's median agent (each agent's mean over its last quarter of turns) and the programs
 * generated, executed and learned from per second. Not thread-safe; one run at a time.
 */
public final class MeditationBench {
  private final PrintWriter out;

  public MeditationBench(PrintWriter out) {
    this.out = out;
  }

  /** Baseline and colony; {@code overrides} are {@code key=value} settings on top of the exec defaults. */
  public void run(double minutes, long seed, double baselineSeconds, List<String> overrides) {
    List<String> all = new ArrayList<>(List.of("world.name=exec", "colony.seed=" + seed, "bus.enabled=false",
        "zoo.enabled=false"));
    all.addAll(overrides);
    VivariumConfig config = RunConfig.resolve(null, null, all, w -> Worlds.get(w).defaultPreset(),
        w -> Worlds.get(w).suggestions()).config();
    baseline(config, seed, baselineSeconds);
    colony(config, minutes);
  }

  private void baseline(VivariumConfig config, long seed, double seconds) {
    ExecSettings settings = ExecSettings.preset(config.world().preset());
    int bytes = settings.actionBytes();
    SplittableRandom r = new SplittableRandom(seed);
    long n = 0;
    double evenness = 0;
    double distinct = 0;
    long any = 0;
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    try (ExecutorPool pool = new ExecutorPool(settings.limits(), config.world().exec().workers())) {
      while (System.nanoTime() < deadline) {
        byte[][] programs = new byte[64][bytes];
        for (byte[] p : programs) {
          r.nextBytes(p);
        }
        for (ExecOutcome o : pool.runAll(programs)) {
          n++;
          evenness += ExecReward.syscallEvenness(o);
          int d = ExecReward.distinct(o);
          distinct += d;
          any += d > 0 ? 1 : 0;
        }
      }
    }
    out.printf("random_programs: %d%n", n);
    out.printf("random_with_a_syscall: %d%n", any);
    out.printf("random_evenness: %.6f%n", evenness / n);
    out.printf("random_distinct_calls: %.6f%n", distinct / n);
  }

  private void colony(VivariumConfig config, double minutes) {
    Path dir;
    try {
      dir = Files.createTempDirectory("vivarium-meditation");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary data directory: " + e.getMessage(), e);
    }
    out.flush();
    out.printf("colony: exec %s, %d founders, batch %d in groups of %d, data %s%n", config.world().preset(),
        config.colony().agents(), config.world().batch(), config.learn().grpo().group(), dir);
    long start = System.nanoTime();
    try (Colony c = new Colony(new DataDir(dir), config, line -> {
      out.println("  " + line);
      out.flush();
    })) {
      long end = start + (long) (minutes * 60e9);
      while (System.nanoTime() < end) {
        long slice = Math.min(60, Math.max(1, (end - System.nanoTime()) / 1_000_000_000L));
        c.run(slice);
        double elapsed = (System.nanoTime() - start) / 1e9;
        try (Registry reg = Registry.openReadOnly(new DataDir(dir).registry())) {
          long programs = programs(reg);
          out.printf("minute %.1f · programs %d · %.1f programs/s · median evenness %.5f · median distinct calls %.4f"
              + " · a turn acts %.3f s, learns %.3f s%n", elapsed / 60, programs, programs / elapsed,
              median(reg, "world.evenness"), median(reg, "world.distinct_calls"), median(reg, "act_seconds"),
              median(reg, "learn_seconds"));
          out.flush();
        }
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    try (Registry reg = Registry.openReadOnly(new DataDir(dir).registry())) {
      out.printf("colony_median_evenness: %.6f%n", median(reg, "world.evenness"));
      out.printf("colony_median_distinct_calls: %.6f%n", median(reg, "world.distinct_calls"));
      out.printf("programs_per_second: %.1f%n", programs(reg) / elapsed);
    }
  }

  /**
   * Programs every agent (alive or not) ran: its turns times the programs of a turn, the most
   * common step difference between an agent's consecutive turns (a newborn's first turn starts
   * from its parent's count, so a single difference can mislead).
   */
  private static long programs(Registry reg) {
    long turns = 0;
    java.util.Map<Long, Integer> deltas = new java.util.HashMap<>();
    for (AgentRow a : reg.agents()) {
      List<MetricPoint> s = reg.metrics().series(a.id(), "world.evenness", -1, Integer.MAX_VALUE);
      turns += s.size();
      for (int i = 1; i < s.size(); i++) {
        deltas.merge(s.get(i).step() - s.get(i - 1).step(), 1, Integer::sum);
      }
    }
    long perTurn = deltas.entrySet().stream().max(java.util.Map.Entry.comparingByValue())
        .map(java.util.Map.Entry::getKey).orElse(0L);
    return turns * perTurn;
  }

  /** The median over alive agents of each one's mean {@code name} over its last quarter of turns. */
  private static double median(Registry reg, String name) {
    List<Double> means = new ArrayList<>();
    for (AgentRow a : reg.agents()) {
      if (!"alive".equals(a.state().key())) {
        continue;
      }
      List<MetricPoint> s = reg.metrics().series(a.id(), name, -1, Integer.MAX_VALUE);
      if (s.isEmpty()) {
        continue;
      }
      List<MetricPoint> tail = s.subList(s.size() - Math.max(1, s.size() / 4), s.size());
      means.add(tail.stream().mapToDouble(MetricPoint::value).average().orElse(0));
    }
    if (means.isEmpty()) {
      return Double.NaN;
    }
    double[] v = means.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
