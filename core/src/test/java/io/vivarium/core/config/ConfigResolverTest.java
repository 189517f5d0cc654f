package io.vivarium.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolverTest {
  @TempDir Path dir;

  @Test
  void defaultsWhenNothingIsGiven() {
    assertThat(ConfigResolver.resolve(null, List.of())).isEqualTo(VivariumConfig.defaults());
  }

  @Test
  void fileThenOverridesWin() throws Exception {
    Path f = write("""
        [colony]
        agents = 8
        seed = 7
        [brain]
        device = "auto"
        """);
    VivariumConfig c = ConfigResolver.resolve(f, List.of("colony.agents=3", "learn.lr=0.001"));
    assertThat(c.colony().agents()).isEqualTo(3);
    assertThat(c.colony().seed()).isEqualTo(7);
    assertThat(c.brain().device()).isEqualTo("auto");
    assertThat(c.learn().lr()).isEqualTo(0.001);
    assertThat(c.world()).isEqualTo(WorldConfig.defaults());
  }

  @Test
  void dottedKeysInTheFileWork() throws Exception {
    Path f = write("colony.agents = 5\n");
    assertThat(ConfigResolver.resolve(f, List.of()).colony().agents()).isEqualTo(5);
  }

  @Test
  void tomlRoundTripGivesTheSameConfig() throws Exception {
    VivariumConfig c = ConfigResolver.resolve(null, List.of("colony.name=zoo-1", "zoo.token=a\"b"));
    Path f = write(ConfigResolver.toToml(c));
    assertThat(ConfigResolver.resolve(f, List.of())).isEqualTo(c);
    assertThat(ConfigResolver.hash(c)).isEqualTo(ConfigResolver.hash(ConfigResolver.resolve(f, List.of())));
    assertThat(ConfigResolver.hash(c)).isNotEqualTo(ConfigResolver.hash(VivariumConfig.defaults()));
  }

  @Test
  void secretsAreRedactedInWhatIsWrittenOrShown() {
    VivariumConfig c = ConfigResolver.resolve(null, List.of("bus.password=hunter2", "zoo.token=t0k"));
    assertThat(ConfigResolver.toToml(c, true)).doesNotContain("hunter2").doesNotContain("t0k")
        .contains("password = \"<redacted>\"").contains("trustStorePassword = \"\"");
    assertThat(ConfigResolver.toToml(c)).contains("hunter2");
    assertThat(ConfigResolver.flatten(c, true)).containsEntry("zoo.token", "<redacted>");
  }

  @Test
  void unknownKeyNamesTheClosest() {
    assertThatThrownBy(() -> ConfigResolver.resolve(null, List.of("colony.agent=3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown configuration key 'colony.agent' (command line); did you mean "
            + "'colony.agents'? (vivarium config lists every key)");
    assertThatThrownBy(() -> ConfigResolver.resolve(null, List.of("threads=3")))
        .hasMessageContaining("did you mean 'brain.threads'?");
  }

  @Test
  void unknownKeyInFileNamesTheFile() throws Exception {
    Path f = write("[colny]\nagents = 2\n");
    assertThatThrownBy(() -> ConfigResolver.resolve(f, List.of()))
        .hasMessageContaining("unknown configuration key 'colny'")
        .hasMessageContaining("--config " + f);
  }

  @Test
  void outOfRangeNamesKeyRuleAndValue() {
    assertThatThrownBy(() -> ConfigResolver.resolve(null, List.of("colony.agents=0")))
        .hasMessage("colony.agents must be between 1 and 4096 (command line); got 0");
  }

  @Test
  void wrongTypeNamesTheType() throws Exception {
    assertThatThrownBy(() -> ConfigResolver.resolve(null, List.of("colony.agents=many")))
        .hasMessage("colony.agents must be an integer (command line); got 'many'");
    assertThatThrownBy(() -> ConfigResolver.resolve(null, List.of("memory.enabled=yes")))
        .hasMessage("memory.enabled must be true or false (command line); got 'yes'");
    Path f = write("[colony]\nagents = \"4\"\n");
    assertThatThrownBy(() -> ConfigResolver.resolve(f, List.of()))
        .hasMessageContaining("colony.agents must be an integer, not text")
        .hasMessageContaining("write it without quotes");
    Path g = write("[colony]\nagents = [1, 2]\n");
    assertThatThrownBy(() -> ConfigResolver.resolve(g, List.of()))
        .hasMessageContaining("colony.agents must be an integer");
  }

  @Test
  void choicesAndPatternsAreChecked() {
    assertThatThrownBy(() -> ConfigResolver.resolve(null, List.of("brain.device=tpu")))
        .hasMessage("brain.device must be one of cpu, gpu, auto (command line); got 'tpu'");
    assertThatThrownBy(() -> ConfigResolver.resolve(null, List.of("colony.name=Big Colony")))
        .hasMessageContaining("colony.name must be 1-32 lower-case letters");
  }

  @Test
  void malformedOverrideAndFileAreExplained() throws Exception {
    assertThatThrownBy(() -> ConfigResolver.resolve(null, List.of("colony.agents")))
        .hasMessage("override 'colony.agents' must have the form key=value, e.g. brain.threads=2");
    Path f = write("[colony\nagents = 2\n");
    assertThatThrownBy(() -> ConfigResolver.resolve(f, List.of()))
        .hasMessageContaining("is not valid TOML")
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> ConfigResolver.resolve(dir.resolve("nope.toml"), List.of()))
        .hasMessageContaining("does not exist; check the --config path");
  }

  @Test
  void everyKeyIsDocumented() {
    assertThat(ConfigResolver.keys()).allSatisfy(k -> assertThat(k.doc()).isNotBlank());
    assertThat(ConfigDocs.markdown()).contains("| `colony.agents` | `8` | integer | between 1 and 4096 |");
  }

  private Path write(String toml) throws Exception {
    Path f = Files.createTempFile(dir, "cfg", ".toml");
    Files.writeString(f, toml);
    return f;
  }
}
