package io.vivarium.bench.colony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.core.config.RunConfig;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.world.Worlds;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The colony benchmark on a tiny colony for a few seconds: every line it promises, steps measured, nothing left behind. */
class ColonyBenchTest {
  private static final List<String> KEYS = List.of("fp32_peak_gflops_per_core", "fp32_peak_gflops",
      "env_steps_per_second", "env_steps_per_cpu_second", "agents", "act_seconds", "act_share", "learn_seconds",
      "learn_share", "update_gflops", "act_gflops", "update_peak_ratio", "machine_peak_ratio", "steps_per_second_median", "rss_mb",
      "peak_rss_mb", "load_before", "load_after");

  @Test
  void aShortRunPrintsEveryKeyAndMeasuresSteps() throws Exception {
    VivariumConfig config = RunConfig.resolve(null, null, List.of("colony.agents=2", "world.batch=2",
        "colony.turnSteps=8", "brain.layers=1", "brain.dim=32", "memory.enabled=false", "bus.enabled=false",
        "zoo.enabled=false"), w -> Worlds.get(w).defaultPreset(), w -> Worlds.get(w).suggestions()).config();
    Set<String> before = leftovers();
    StringWriter text = new StringWriter();
    ColonyBench.Result r = new ColonyBench(new PrintWriter(text)).run(config, new ColonyBench.Options(0.1, 0));
    String out = text.toString();
    for (String key : KEYS) {
      assertThat(out).as(out).containsPattern("(?m)^" + key + ": \\S");
    }
    assertThat(r.envStepsPerSecond()).as(out).isPositive().isFinite();
    assertThat(r.envStepsPerCpuSecond()).as(out).isPositive().isFinite();
    assertThat(r.agents()).isPositive();
    assertThat(leftovers()).as("the temporary data directory is deleted").isSubsetOf(before);
  }

  @Test
  void aWarmUpAsLongAsTheRunIsRejected() {
    assertThatThrownBy(() -> new ColonyBench.Options(0.5, 30)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--warmup");
    assertThatThrownBy(() -> new ColonyBench.Options(0, 0)).hasMessageContaining("--minutes");
  }

  private static Set<String> leftovers() {
    String[] names = new File(System.getProperty("java.io.tmpdir")).list((d, n) -> n.startsWith("vivarium-bench-colony"));
    return names == null ? Set.of() : Arrays.stream(names).collect(Collectors.toSet());
  }
}
