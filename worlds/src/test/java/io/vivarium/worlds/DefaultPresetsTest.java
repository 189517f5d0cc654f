package io.vivarium.worlds;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.world.WorldFactory;
import io.vivarium.core.world.Worlds;
import org.junit.jupiter.api.Test;

/** Every world names a default preset it knows; gold's, exec's and repair's are the documented ones. */
class DefaultPresetsTest {
  @Test
  void eachWorldHasAKnownDefaultPreset() {
    for (WorldFactory f : Worlds.all()) {
      assertThat(f.presets()).as(f.name()).isNotEmpty();
      assertThat(f.defaultPreset()).as(f.name()).isNotBlank();
    }
    assertThat(Worlds.get("gold").defaultPreset()).isEqualTo("gold-bare-6x6+ego7");
    assertThat(Worlds.get("exec").defaultPreset()).isEqualTo("exec-machine-64");
    assertThat(Worlds.get("repair").defaultPreset()).isEqualTo("repair-short-single");
    assertThat(Worlds.get("repair").presets()).contains(Worlds.get("repair").defaultPreset());
    assertThat(Worlds.get("chat").defaultPreset()).isEqualTo("chat-facts");
  }
}
