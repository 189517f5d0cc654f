package io.vivarium.lab.soup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.core.world.Image;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The soup's picture, frequency order and curves as the zookeeper reads them. */
class SoupViewTest {
  @TempDir Path dir;

  @Test
  void coloursFollowCubffsScheme() {
    assertThat(SoupColours.colour('[')).isEqualTo(0x00C000);
    assertThat(SoupColours.colour(']')).isEqualTo(0x00C000);
    for (char c : "+-.,".toCharArray()) {
      assertThat(SoupColours.colour(c)).as("%s", c).isEqualTo(0xC800C8);
    }
    for (char c : "<>{}".toCharArray()) {
      assertThat(SoupColours.colour(c)).as("%s", c).isEqualTo(0xC880DC);
    }
    assertThat(SoupColours.colour(0)).isEqualTo(0xFF0000);
    assertThat(SoupColours.colour('A')).isEqualTo(0xD0D0D0); // 192 + 65 / 4 = 208
    assertThat(SoupColours.colour(255)).isEqualTo(0xFFFFFF);
    assertThat(SoupColours.colour(1)).isEqualTo(0xC0C0C0);
  }

  @Test
  void aPictureHasOneRowPerTapeScaled() {
    byte[] soup = new byte[3 * 64];
    soup[64] = '[';
    soup[2 * 64 + 63] = '+';
    Image img = SoupColours.draw(soup, new int[] {2, 1}, 3);
    assertThat(img.width()).isEqualTo(192);
    assertThat(img.height()).isEqualTo(6);
    assertThat(img.pixel(63 * 3 + 2, 2)).isEqualTo(0xC800C8); // tape 2's last byte, first row
    assertThat(img.pixel(0, 3)).isEqualTo(0x00C000); // tape 1's first byte, second row
    assertThat(img.pixel(3, 5)).isEqualTo(0xFF0000);
    assertThatThrownBy(() -> SoupColours.draw(soup, new int[0], 1)).hasMessageContaining("at least one tape");
  }

  @Test
  void frequencyOrderGroupsEqualTapesMostFrequentFirst() {
    byte[] soup = new byte[6 * 64];
    int[] kinds = {1, 2, 2, 3, 2, 3}; // tape i is filled with kinds[i]
    for (int i = 0; i < kinds.length; i++) {
      java.util.Arrays.fill(soup, i * 64, (i + 1) * 64, (byte) kinds[i]);
    }
    assertThat(SoupView.frequencyOrder(soup)).containsExactly(1, 2, 4, 3, 5, 0);
  }

  @Test
  void curvesSkipALineBeingWritten() throws Exception {
    Files.writeString(dir.resolve("soup.csv"), "epoch,entropy,high_order_entropy\n64,7.9,0.01\n128,7.5,0.4\n19",
        StandardCharsets.UTF_8);
    SoupCurves.Table t = SoupCurves.read(dir, 100);
    assertThat(t.names()).containsExactly("epoch", "entropy", "high_order_entropy");
    assertThat(t.rows()).hasSize(2);
    assertThat(t.rows().get(1)).containsExactly(128, 7.5, 0.4);
    assertThat(SoupCurves.read(dir, 1).rows().get(0)[0]).isEqualTo(128);
    assertThat(SoupCurves.read(dir.resolve("none"), 5).rows()).isEmpty();
    assertThat(SoupView.open(dir)).isEmpty();
  }
}
