package io.vivarium.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunConfigTest {
  private static final Map<String, String> DEFAULTS =
      Map.of("gold", "gold-bare-6x6+ego7", "exec", "exec-machine-64");
  private static final UnaryOperator<String> PRESETS = name -> {
    if (!DEFAULTS.containsKey(name)) {
      throw new IllegalArgumentException("unknown world '" + name + "'");
    }
    return DEFAULTS.get(name);
  };

  @TempDir Path dir;

  @Test
  void startingIsTheDefaultsThenFileThenOverrides() throws Exception {
    Path f = write("file.toml", "colony.agents = 8\ncolony.seed = 7\n");
    RunConfig r = RunConfig.resolve(null, f, List.of("colony.agents=3"), PRESETS);
    assertThat(r.config().colony().agents()).isEqualTo(3);
    assertThat(r.config().colony().seed()).isEqualTo(7);
    assertThat(r.config().world()).isEqualTo(WorldConfig.defaults());
    assertThat(r.changes()).isEmpty();
  }

  @Test
  void aResumedColonyKeepsItsStoredSettings() throws Exception {
    Path stored = stored("learn.method=ppo", "colony.agents=4", "world.preset=gold-bare-5x5+ego9");
    RunConfig r = RunConfig.resolve(stored, null, List.of(), PRESETS);
    assertThat(r.config().learn().method()).isEqualTo("ppo");
    assertThat(r.config().colony().agents()).isEqualTo(4);
    assertThat(r.config().world().preset()).isEqualTo("gold-bare-5x5+ego9");
    assertThat(r.changes()).isEmpty();
  }

  @Test
  void aKeyChangedOnResumeIsAppliedAndSaidSo() throws Exception {
    Path stored = stored("learn.lr=0.001", "learn.method=ppo");
    RunConfig r = RunConfig.resolve(stored, null, List.of("learn.lr=0.002"), PRESETS);
    assertThat(r.config().learn().lr()).isEqualTo(0.002);
    assertThat(r.config().learn().method()).isEqualTo("ppo");
    assertThat(r.changes()).containsExactly("changed on resume: learn.lr 0.001 -> 0.002");
  }

  @Test
  void aWorldWithoutAPresetGetsItsDefaultPreset() {
    RunConfig r = RunConfig.resolve(null, null, List.of("world.name=exec"), PRESETS);
    assertThat(r.config().world().preset()).isEqualTo("exec-machine-64");
    RunConfig both = RunConfig.resolve(null, null, List.of("world.name=exec", "world.preset=exec-shell-256"), PRESETS);
    assertThat(both.config().world().preset()).isEqualTo("exec-shell-256");
  }

  @Test
  void theResumedPresetStaysForTheSameWorldAndGoesForAnother() throws Exception {
    Path stored = stored("world.preset=gold-bare-5x5+ego9");
    assertThat(RunConfig.resolve(stored, null, List.of("world.name=gold"), PRESETS).config().world().preset())
        .isEqualTo("gold-bare-5x5+ego9");
    RunConfig exec = RunConfig.resolve(stored, null, List.of("world.name=exec"), PRESETS);
    assertThat(exec.config().world().preset()).isEqualTo("exec-machine-64");
    assertThat(exec.changes()).contains("changed on resume: world.preset gold-bare-5x5+ego9 -> exec-machine-64");
  }

  @Test
  void aPresetInTheConfigFileCountsAsGiven() throws Exception {
    Path f = write("file.toml", "[world]\nname = \"exec\"\npreset = \"exec-shell-256\"\n");
    assertThat(RunConfig.resolve(null, f, List.of(), PRESETS).config().world().preset()).isEqualTo("exec-shell-256");
  }

  @Test
  void anUnknownWorldIsRefused() {
    assertThatThrownBy(() -> RunConfig.resolve(null, null, List.of("world.name=mars"), PRESETS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mars");
  }

  @Test
  void secretsAreNeitherReadBackRedactedNorShown() throws Exception {
    Path stored = stored("zoo.token=t0k");
    RunConfig r = RunConfig.resolve(stored, null, List.of(), PRESETS);
    assertThat(r.config().zoo().token()).isEmpty();
    RunConfig again = RunConfig.resolve(stored, null, List.of("zoo.token=t1k"), PRESETS);
    assertThat(again.config().zoo().token()).isEqualTo("t1k");
    assertThat(again.changes()).isEmpty();
  }

  /** A colony's config.toml as the colony writes it (secrets redacted) for these overrides. */
  private Path stored(String... overrides) throws Exception {
    return write("config.toml", ConfigResolver.toToml(ConfigResolver.resolve(null, List.of(overrides)), true));
  }

  @Test
  void aWorldsSuggestionsFillOnlyTheKeysNoLayerSet() throws Exception {
    java.util.function.Function<String, Map<String, Object>> suggest =
        w -> w.equals("exec") ? Map.of("world.batch", 32, "learn.grpo.group", 8) : Map.of();
    VivariumConfig exec = RunConfig.resolve(null, null, List.of("world.name=exec", "learn.grpo.group=4"), PRESETS,
        suggest).config();
    assertThat(exec.world().batch()).isEqualTo(32);
    assertThat(exec.learn().grpo().group()).as("set by the user").isEqualTo(4);
    assertThat(RunConfig.resolve(null, null, List.of(), PRESETS, suggest).config().world().batch())
        .as("gold suggests nothing").isEqualTo(8);
    Path stored = write("stored.toml", "[world]\nname = \"exec\"\nbatch = 16\n");
    assertThat(RunConfig.resolve(stored, null, List.of(), PRESETS, suggest).config().world().batch())
        .as("a resumed colony keeps its own").isEqualTo(16);
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }
}
