package io.vivarium.bench.colony;

import io.vivarium.bench.Peak;
import io.vivarium.bench.Proc;
import io.vivarium.core.config.VivariumConfig;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The {@code key: value} lines of {@link ColonyBench} after its run, with a {@code #} line above
 * each estimate saying what it assumes. Not thread-safe; one per report.
 */
final class Report {
  private final PrintWriter out;

  Report(PrintWriter out) {
    this.out = out;
  }

  /**
   * Prints the lines of a run whose turns after the warm-up (from {@code startMillis}) are
   * {@code t}, which used {@code cpuSeconds} of the process's CPU time from then to its stop.
   */
  ColonyBench.Result print(VivariumConfig config, FlopModel flops, Peak.Result peak, Tally t, long startMillis,
      double cpuSeconds, int agents, String loadBefore) {
    double wall = t.turns() == 0 ? Double.NaN : (t.lastMillis() - startMillis) / 1e3;
    double perSecond = t.envSteps() / wall;
    double perCpuSecond = t.envSteps() / cpuSeconds;
    double update = flops.updateFlops(t.ppoSteps(), t.cloningTurns()) / t.learnSeconds() / 1e9;
    double act = flops.actFlops(t.ppoSteps(), t.envSteps() - t.ppoSteps()) / t.actSeconds() / 1e9;
    int threads = config.brain().threads();
    int learners = config.colony().learners() > 0 ? config.colony().learners() : Runtime.getRuntime().availableProcessors();
    double machine = flops.updateFlops(t.ppoSteps(), t.cloningTurns()) / wall / 1e9;
    if (t.turns() == 0) {
      line("# no turn ended after the warm-up: raise --minutes or lower --warmup");
    }
    line("measured_seconds: %.1f", wall);
    line("turns: %d", t.turns());
    line("cloning_turns: %d", t.cloningTurns());
    line("env_steps: %d", t.envSteps());
    line("env_steps_per_second: %.1f", perSecond);
    line("env_steps_per_cpu_second: %.1f", perCpuSecond);
    line("cpu_seconds: %.1f", cpuSeconds);
    line("steps_per_second_median: %.1f", t.medianStepsPerSecond());
    line("agents: %d", agents);
    line("act_seconds: %.1f", t.actSeconds());
    line("act_share: %.3f", t.actSeconds() / wall);
    line("learn_seconds: %.1f", t.learnSeconds());
    line("learn_share: %.3f", t.learnSeconds() / wall);
    line("prefix_positions: %d", flops.tokens());
    line("parameters: %d", flops.parameters());
    line("%s", flops.describe());
    line("update_gflops: %.2f", update);
    line("act_gflops: %.2f", act);
    line("# update_gflops: per learner thread while it updates (update FLOPs / summed learn seconds);"
        + " update_peak_ratio = update_gflops / (fp32_peak_gflops_per_core x brain.threads)");
    line("learner_threads: %d", learners);
    line("update_peak_ratio: %.3f", update / (peak.perCore() * threads));
    line("# update_gflops_machine: update FLOPs / wall seconds (all learner threads together, acting and records"
        + " included); machine_peak_ratio = that / fp32_peak_gflops");
    line("update_gflops_machine: %.2f", machine);
    line("machine_peak_ratio: %.3f", machine / peak.allCores());
    line("rss_mb: %d", Proc.rssMb());
    line("peak_rss_mb: %d", Proc.peakRssMb());
    line("load_before: %s", loadBefore);
    line("load_after: %s", Proc.load());
    out.flush();
    return new ColonyBench.Result(perSecond, perCpuSecond, agents, update, act, peak);
  }

  private void line(String format, Object... args) {
    out.printf(Locale.ROOT, format + "%n", args);
  }
}
