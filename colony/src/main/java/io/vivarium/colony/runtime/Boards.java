package io.vivarium.colony.runtime;

import io.vivarium.colony.registry.MetricRow;
import io.vivarium.core.Entropy;
import io.vivarium.core.config.ColonyConfig;
import io.vivarium.core.tb.Histogram;
import io.vivarium.core.tb.Runs;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The colony's TensorBoard event files under {@code DATA/runs/} ({@code colony.tensorboard}), one
 * run per agent and one named {@code colony}. Every metric value the registry records goes to
 * its agent's run under its name (return, success, every learner statistic, the world's
 * measures, the colony's steps/s and median success: {@link #metrics}, the registry's tap);
 * beside them each turn adds the agent's fitness, steps/s and histogram of action bytes
 * ({@link #turn}) and each round the colony's population, highest generation and the entropy of
 * the round's action bytes ({@code action_entropy}, bits; {@link #round}). A write that fails is
 * said once and turns the files off; the colony runs on. Used on the colony's thread; the files themselves are thread-safe.
 */
final class Boards implements AutoCloseable {
  /** The log directory inside a data directory. */
  static final String DIR = "runs";
  /** The colony-wide run's name (the registry's agent for colony-wide metrics). */
  static final String COLONY = "colony";

  private Runs runs;
  private final Consumer<String> log;
  private final long[] roundBytes = new long[256];

  private Boards(Runs runs, Consumer<String> log) {
    this.runs = runs;
    this.log = log;
  }

  /** The files under {@code dataRoot/runs}, or a board that writes nothing when {@code colony.tensorboard} is off. */
  static Boards open(Path dataRoot, ColonyConfig config, Consumer<String> log) {
    return new Boards(config.tensorboard() ? new Runs(dataRoot.resolve(DIR), config.tensorboardSeconds() * 1000L)
        : null, log);
  }

  /** Whether it writes. */
  boolean on() {
    return runs != null;
  }

  /** The registry's tap: every metric value under its agent's run. */
  void metrics(List<MetricRow> rows) {
    write(r -> {
      for (MetricRow m : rows) {
        r.scalar(m.agent(), m.name(), m.step(), m.value(), m.timeMillis());
      }
    });
  }

  /**
   * After {@code a}'s turn of {@code steps} environment steps in {@code seconds} (acting and
   * learning): its fitness, steps/s and the histogram of the action bytes it took.
   */
  void turn(LiveAgent a, List<byte[][]> taken, long steps, double seconds) {
    if (runs == null) {
      return;
    }
    long[] counts = new long[256];
    for (byte[][] step : taken) { // (T, envs, bytes)
      for (byte[] action : step) {
        for (byte b : action) {
          counts[b & 0xFF]++;
        }
      }
    }
    for (int v = 0; v < 256; v++) {
      roundBytes[v] += counts[v];
    }
    long now = System.currentTimeMillis();
    write(r -> {
      r.scalar(a.id, "fitness", a.envSteps, a.fitness, now);
      r.scalar(a.id, "steps_per_second", a.envSteps, steps / Math.max(seconds, 1e-9), now);
      if (Arrays.stream(counts).anyMatch(c -> c > 0)) {
        r.histogram(a.id, "action_bytes", a.envSteps, Histogram.ofBytes(counts), now);
      }
    });
  }

  /**
   * After a round ending at the colony's total {@code step}: population, highest generation and
   * the entropy (bits) of every action byte taken in the round; closes the files of agents gone.
   */
  void round(long step, int population, int maxGeneration, List<String> alive) {
    if (runs == null) {
      return;
    }
    double entropy = Entropy.bits(roundBytes);
    Arrays.fill(roundBytes, 0);
    long now = System.currentTimeMillis();
    write(r -> {
      r.scalar(COLONY, "population", step, population, now);
      r.scalar(COLONY, "max_generation", step, maxGeneration, now);
      r.scalar(COLONY, "action_entropy", step, entropy, now); // not a learner's policy entropy
      Set<String> keep = new HashSet<>(alive);
      keep.add(COLONY);
      r.retain(keep);
    });
  }

  private void write(Consumer<Runs> what) {
    Runs r = runs;
    if (r == null) {
      return;
    }
    try {
      what.accept(r);
    } catch (RuntimeException e) {
      runs = null;
      log.accept("tensorboard: cannot write event files under " + r.root() + " (" + e.getMessage()
          + "); they stay off until the next start (colony.tensorboard=false turns them off)");
      close(r, log);
    }
  }

  /** Flushes and closes every file. Idempotent. */
  @Override
  public void close() {
    Runs r = runs;
    runs = null;
    if (r != null) {
      close(r, log);
    }
  }

  private static void close(Runs r, Consumer<String> log) {
    try {
      r.close();
    } catch (RuntimeException e) {
      log.accept("tensorboard: " + e.getMessage() + "; the files keep what reached them");
    }
  }
}
