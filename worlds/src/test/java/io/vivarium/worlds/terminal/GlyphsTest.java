package io.vivarium.worlds.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlyphsTest {
  /** The cell of {@code c} as text, one line of '#' and '.' per pixel row. */
  private static String picture(char c) {
    StringBuilder out = new StringBuilder();
    for (int y = 0; y < Glyphs.HEIGHT; y++) {
      for (int x = 0; x < Glyphs.WIDTH; x++) {
        out.append(Glyphs.ink(c, x, y) ? '#' : '.');
      }
      out.append('\n');
    }
    return out.toString();
  }

  @Test
  void everyPrintableAsciiCharacterHasItsOwnGlyph() {
    Map<String, Character> seen = new HashMap<>();
    for (char c = 0x20; c <= 0x7e; c++) {
      Character before = seen.put(picture(c), c);
      assertThat(before).as("'%s' draws like '%s'", c, before).isNull();
    }
    assertThat(seen).hasSize(95);
    assertThat(seen).as("the box is none of them").doesNotContainKey(picture('\u00e9'));
  }

  @Test
  void spaceIsBlankAndEveryOtherGlyphHasInk() {
    assertThat(picture(' ')).doesNotContain("#");
    for (char c = 0x21; c <= 0x7e; c++) {
      assertThat(picture(c)).as("'%s'", c).contains("#");
    }
  }

  @Test
  void theRightColumnAndBottomRowStayBlank() {
    for (char c = 0; c < 0x100; c++) {
      for (int y = 0; y < Glyphs.HEIGHT; y++) {
        assertThat(Glyphs.ink(c, Glyphs.WIDTH - 1, y)).as("'%s' at x 5", c).isFalse();
      }
      for (int x = 0; x < Glyphs.WIDTH; x++) {
        assertThat(Glyphs.ink(c, x, Glyphs.HEIGHT - 1)).as("'%s' at y 7", c).isFalse();
      }
    }
  }

  @Test
  void anyOtherCharacterIsAHollowBox() {
    String box = "#####.\n#...#.\n#...#.\n#...#.\n#...#.\n#...#.\n#####.\n......\n";
    for (char c : new char[] {'\u00e9', '\ufffd', '\u2500', '\t', '\u007f', 0}) {
      assertThat(picture(c)).as("U+%04X", (int) c).isEqualTo(box);
    }
  }

  @Test
  void lettersLookLikeLetters() {
    assertThat(picture('H')).isEqualTo(
        "#...#.\n#...#.\n#...#.\n#####.\n#...#.\n#...#.\n#...#.\n......\n");
    assertThat(picture('T')).startsWith("#####.\n..#...\n");
  }

  @Test
  void aPixelOutsideTheCellIsRejected() {
    assertThatThrownBy(() -> Glyphs.ink('A', 6, 0)).hasMessageContaining("got (6, 0)");
    assertThatThrownBy(() -> Glyphs.ink('A', 0, -1)).hasMessageContaining("got (0, -1)");
  }
}
