package io.vivarium.worlds.gold;

import io.vivarium.core.world.Png;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The terminal helpers behind {@code vivarium world gold}. */
class GoldConsoleTest {
  @Test
  void theExpertEpisodeEndsWithTheOptimalReturn() {
    String out = run(o -> GoldConsole.expertEpisode(GoldPresets.get("gold-bare-5x5"), 3, o));
    assertThat(out).startsWith("#######\n").contains("action F");
    String last = out.strip().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(last).matches("return (\\S+) \\(optimal \\1\\) in \\d+ steps");
  }

  @Test
  void playingReadsLettersAndArrowsAndQuitsOnQ() throws IOException {
    GoldPreset p = GoldPresets.get("gold-bare-5x5");
    byte[] plan;
    try (GoldWorld w = new GoldWorld(p)) {
      w.reset(9);
      plan = GoldExpert.plan(w.scene());
    }
    StringBuilder keys = new StringBuilder();
    for (byte a : plan) {
      keys.append(switch (a) {
        case 'F' -> "\u001b[A";
        case 'L' -> "l";
        default -> "\u001b[C";
      });
    }
    keys.append("zq F");
    StringWriter text = new StringWriter();
    double total = GoldConsole.play(p, 9, new ByteArrayInputStream(keys.toString().getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(text, true));
    assertThat(total).isGreaterThan(0.5);
    assertThat(text.toString()).contains("all gold eaten! new room");
  }

  @Test
  void pngAndQuestionsAreWritten(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("start.png");
    GoldConsole.writePng(GoldPresets.get("gold-bare-6x6"), 1, file);
    assertThat(Png.decode(Files.readAllBytes(file), "start.png").width()).isEqualTo(64);
    String qa = run(o -> GoldConsole.qa(GoldPresets.get("gold-bare-6x6"), 1, 4, o));
    assertThat(qa.lines().filter(l -> l.startsWith("Q: ")).count()).isEqualTo(4);
    assertThat(qa.lines().filter(l -> l.startsWith("A: ")).count()).isEqualTo(4);
  }

  private static String run(java.util.function.Consumer<PrintWriter> body) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text, true);
    body.accept(out);
    out.flush();
    return text.toString();
  }
}
