package io.vivarium.lab.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repair preset and its corpus opened from command-line names. */
class RepairSourceTest {
  @TempDir Path dir;

  @Test
  void withoutCorpusOptionsThePresetsBuiltInCorpusIsUsed() {
    RepairSource s = RepairSource.open("repair-single", null, null);
    assertThat(s.preset().name()).isEqualTo("repair-single");
    assertThat(s.corpus().name()).isEqualTo(s.preset().builtInCorpus().name());
    assertThat(s.sample(3)).startsWith("preset: repair-single\n").contains("seed: 3", "== observation ==",
        "== diagnosis ==", "== ground-truth diff ==");
    assertThat(s.sample(3)).isEqualTo(RepairSource.open("repair-single", null, null).sample(3));
  }

  @Test
  void aCorpusFileIsOpenedAndAnUnknownPresetListsTheKnown() throws Exception {
    Path file = dir.resolve("text.txt");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      b.append("The quiet river carried the map slowly, and the owl waited number ").append(i).append(".\n\n");
    }
    Files.writeString(file, b);
    RepairSource s = RepairSource.open("repair-single", file, 300);
    assertThat(s.corpus().maxPassageChars()).isEqualTo(300);
    assertThatThrownBy(() -> RepairSource.open("repair-nope", null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown repair preset 'repair-nope'")
        .hasMessageContaining("repair-single");
  }
}
