package io.vivarium.bench.terminal;

import io.vivarium.bench.Proc;
import io.vivarium.bench.cluster.Latencies;
import io.vivarium.worlds.terminal.TerminalBatch;
import io.vivarium.worlds.terminal.TerminalLimits;
import io.vivarium.worlds.terminal.TerminalPreset;
import java.util.Locale;

/**
 * Steps a {@link TerminalBatch} of {@code terminals} sandboxed terminals with the scripted
 * expert's keys for {@code seconds} after {@code warmup} seconds, every step parsing each screen
 * and drawing its picture, and reports {@code key: value} lines ending with
 * {@code keystrokes_per_second} (steps × terminals / seconds). Single-use, not thread-safe.
 *
 * @param terminals terminals in the batch, each a sandbox process
 * @param seconds measured time
 * @param warmup time stepped before measuring
 * @param preset the terminal preset
 * @param seed the batch's reset seed
 */
public record TerminalBench(int terminals, double seconds, double warmup, String preset, long seed) {
  public TerminalBench {
    if (terminals < 1 || terminals > 256) {
      throw new IllegalArgumentException("terminal bench --terminals must be between 1 and 256; got " + terminals);
    }
    if (!(seconds > 0) || !(warmup >= 0)) {
      throw new IllegalArgumentException("terminal bench needs --seconds > 0 and --warmup >= 0; got " + seconds
          + " and " + warmup);
    }
    TerminalPreset.of(preset);
  }

  public static void main(String[] args) {
    int terminals = 8;
    double seconds = 10;
    double warmup = 2;
    String preset = "terminal-echo";
    for (int i = 0; i < args.length; i += 2) {
      String v = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--terminals" -> terminals = Integer.parseInt(v);
        case "--seconds" -> seconds = Double.parseDouble(v);
        case "--warmup" -> warmup = Double.parseDouble(v);
        case "--preset" -> preset = v;
        default -> throw new IllegalArgumentException("unknown option '" + args[i]
            + "'; known: --terminals N --seconds S --warmup S --preset P");
      }
    }
    System.out.println(new TerminalBench(terminals, seconds, warmup, preset, 1).report());
  }

  /** Runs the benchmark and returns its report lines. */
  public String report() {
    try (TerminalBatch batch = new TerminalBatch(TerminalPreset.of(preset), terminals, TerminalLimits.defaults())) {
      batch.reset(seed);
      byte[] keys = new byte[terminals];
      run(batch, keys, warmup, new Tally());
      Tally t = new Tally();
      double elapsed = run(batch, keys, seconds, t);
      StringBuilder out = new StringBuilder();
      line(out, "terminals", terminals);
      line(out, "preset", preset);
      line(out, "seconds", String.format(Locale.ROOT, "%.2f", elapsed));
      line(out, "steps", t.steps);
      line(out, "episodes", t.episodes);
      line(out, "success_rate", String.format(Locale.ROOT, "%.3f", t.successes / (double) Math.max(1, t.episodes)));
      line(out, "step_p50_ms", String.format(Locale.ROOT, "%.3f", t.latencies.millis(0.5)));
      line(out, "step_p99_ms", String.format(Locale.ROOT, "%.3f", t.latencies.millis(0.99)));
      line(out, "load", Proc.load());
      line(out, "keystrokes_per_second", Math.round(t.steps * (double) terminals / elapsed));
      return out.toString().stripTrailing();
    }
  }

  /** Steps {@code batch} with the expert's keys for {@code duration} seconds; returns the seconds it took. */
  private static double run(TerminalBatch batch, byte[] keys, double duration, Tally t) {
    long start = System.nanoTime();
    long deadline = start + (long) (duration * 1e9);
    while (System.nanoTime() < deadline) {
      for (int i = 0; i < keys.length; i++) {
        keys[i] = batch.expertAction(i);
      }
      long before = System.nanoTime();
      batch.step(keys);
      t.latencies.add(System.nanoTime() - before);
      t.steps++;
      for (int i = 0; i < keys.length; i++) {
        if (!batch.observation(i).hasImage()) {
          throw new IllegalStateException("terminal " + i + " of the batch drew no picture this step");
        }
        if (batch.terminated()[i] || batch.truncated()[i]) {
          t.episodes++;
          t.successes += batch.terminated()[i] && batch.rewards()[i] > 0 ? 1 : 0;
        }
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static void line(StringBuilder out, String key, Object value) {
    out.append(key).append(": ").append(value).append('\n');
  }

  /** What one timed run counted. */
  private static final class Tally {
    long steps;
    long episodes;
    long successes;
    final Latencies latencies = new Latencies();
  }
}
