package io.vivarium.colony.runtime;

import static io.vivarium.colony.runtime.ColonyLifecycleTest.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.MetricRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.tb.EventReader;
import io.vivarium.core.tb.EventReader.Decoded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short real colony writes TensorBoard event files under {@code DATA/runs/}: per agent every
 * metric the registry records (same values, same steps) plus fitness, steps/s and a histogram of
 * action bytes; colony-wide population, highest generation and entropy; none with
 * {@code colony.tensorboard=false}.
 */
class ColonyBoardsTest {
  @TempDir Path dir;

  @Test
  void agentsAndTheColonyGetEventFilesHoldingTheRegistrysNumbers() throws Exception {
    DataDir data = new DataDir(dir.resolve("c"));
    try (Colony colony = new Colony(data, config(), l -> {})) {
      colony.runRounds(2);
    }
    Path runs = data.root().resolve("runs");
    List<Decoded> agent = EventReader.read(EventReader.onlyFile(runs.resolve("a0001")));
    assertThat(agent.get(0).version()).isEqualTo("brain.Event:2");
    Map<String, List<Decoded>> byTag = agent.stream().skip(1).collect(Collectors.groupingBy(Decoded::tag));
    assertThat(byTag).containsKeys("return", "success", "fitness", "steps_per_second", "action_bytes",
        "act_seconds", "learn_seconds", "policy_loss", "entropy");
    assertThat(byTag.get("return")).hasSize(2); // one a turn
    try (Registry r = Registry.openReadOnly(data.registry())) {
      List<MetricRow> recorded = r.metrics().all("a0001");
      for (MetricRow m : recorded) {
        assertThat(byTag.get(m.name())).as(m.name()).anySatisfy(d -> {
          assertThat(d.step()).isEqualTo(m.step());
          assertThat(d.simple()).isEqualTo((float) m.value());
        });
      }
    }
    Decoded histogram = byTag.get("action_bytes").get(0);
    assertThat(histogram.histoNumber(3)).as("action bytes counted").isPositive();
    assertThat(histogram.histoNumber(2)).as("gold's moves are small bytes").isLessThan(256);
    Map<String, List<Decoded>> colonyTags = EventReader.read(EventReader.onlyFile(runs.resolve("colony"))).stream()
        .skip(1).collect(Collectors.groupingBy(Decoded::tag));
    assertThat(colonyTags).containsKeys("population", "max_generation", "action_entropy", "steps_per_second",
        "median_success");
    assertThat(colonyTags.get("population")).extracting(Decoded::simple).containsOnly(2.0f);
    assertThat(colonyTags.get("action_entropy")).allSatisfy(d -> assertThat(d.simple()).isBetween(0f, 8f));
  }

  @Test
  void offWritesNothing() {
    DataDir data = new DataDir(dir.resolve("off"));
    try (Colony colony = new Colony(data, config("colony.agents=1", "colony.tensorboard=false"), l -> {})) {
      colony.runRounds(1);
    }
    assertThat(Files.exists(data.root().resolve("runs"))).isFalse();
  }
}
