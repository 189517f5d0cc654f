package io.vivarium.lab.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gold world shown by preset name: episodes, play, pictures, questions. */
class GoldViewsTest {
  @TempDir Path dir;

  @Test
  void theExpertsEpisodeEndsWithItsReturn() {
    StringWriter text = new StringWriter();
    GoldViews.of("gold-bare-5x5", 4).expertEpisode(new PrintWriter(text, true));
    assertThat(text.toString()).startsWith("#######").contains("return ").contains("(optimal ");
  }

  @Test
  void playReadsKeysUntilQ() throws Exception {
    StringWriter text = new StringWriter();
    double total = GoldViews.of("gold-bare-5x5", 1).play(
        new ByteArrayInputStream("lfq".getBytes(StandardCharsets.US_ASCII)), new PrintWriter(text, true));
    assertThat(text.toString()).contains("action L", "action F", String.format("total reward %.4f", total));
  }

  @Test
  void picturesAreWrittenAsPng() throws Exception {
    Path start = dir.resolve("start.png");
    GoldViews.of("gold-bare-5x5", 1).writeStartPng(start);
    assertThat(Files.readAllBytes(start)).startsWith(0x89, 'P', 'N', 'G');
  }

  @Test
  void questionsComeWithAnswersAndAnUnknownPresetListsTheKnown() {
    StringWriter text = new StringWriter();
    GoldViews.of("gold-bare-5x5", 1).qa(3, new PrintWriter(text, true));
    assertThat(text.toString().lines().filter(l -> l.startsWith("A: ")).count()).isEqualTo(3);
    assertThatThrownBy(() -> GoldViews.of("gold-huge", 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown gold preset 'gold-huge'").hasMessageContaining("gold-bare-6x6");
  }
}
