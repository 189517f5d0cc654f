package io.vivarium.worlds.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.world.Image;
import io.vivarium.core.world.Png;
import org.junit.jupiter.api.Test;

class ScreenPictureTest {
  private static final int INK = 0xC8C8C8;

  /** The naive rendering, pixel by pixel through {@link Glyphs#ink}: the reference. */
  private static int expected(Screen s, boolean cursor, int x, int y) {
    int r = y / Glyphs.HEIGHT;
    int c = x / Glyphs.WIDTH;
    boolean ink = Glyphs.ink(s.at(r, c), x % Glyphs.WIDTH, y % Glyphs.HEIGHT);
    boolean inverted = cursor && r == s.cursorRow() && c == s.cursorCol();
    return ink != inverted ? INK : 0;
  }

  private static void assertMatchesReference(Screen s, boolean cursor) {
    Image image = ScreenPicture.of(s, cursor);
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        assertThat(image.pixel(x, y)).as("pixel (%d, %d)", x, y).isEqualTo(expected(s, cursor, x, y));
      }
    }
  }

  @Test
  void theStandardScreenIs480By192() {
    Image image = ScreenPicture.of(Screen.standard());
    assertThat(image.width()).isEqualTo(480);
    assertThat(image.height()).isEqualTo(192);
    Image small = ScreenPicture.of(new Screen(10, 4));
    assertThat(small.width()).isEqualTo(60);
    assertThat(small.height()).isEqualTo(32);
    assertThat(small.rgb()).hasSize(60 * 32 * 3);
  }

  @Test
  void aLetterIsDrawnInItsCell() {
    Screen s = Screen.standard();
    s.feed("\u001b[3;5HH"); // 'H' at row 2, column 4: pixels from (24, 16)
    Image image = ScreenPicture.of(s, false);
    assertThat(image.pixel(24, 16)).as("top of the left stem").isEqualTo(INK);
    assertThat(image.pixel(28, 22)).as("bottom of the right stem").isEqualTo(INK);
    assertThat(image.pixel(26, 19)).as("middle of the bar").isEqualTo(INK);
    assertThat(image.pixel(26, 16)).as("between the stems").isZero();
    assertThat(image.pixel(29, 19)).as("spacing column").isZero();
    assertThat(image.pixel(24, 23)).as("spacing row").isZero();
    assertThat(image.pixel(0, 0)).as("a blank cell").isZero();
  }

  @Test
  void theCursorCellIsInverted() {
    Screen s = new Screen(10, 4);
    s.feed("A\u001b[1;1H"); // the cursor on the 'A'
    Image with = ScreenPicture.of(s);
    Image without = ScreenPicture.of(s, false);
    for (int y = 0; y < Glyphs.HEIGHT; y++) {
      for (int x = 0; x < Glyphs.WIDTH; x++) {
        assertThat(with.pixel(x, y)).as("pixel (%d, %d)", x, y).isEqualTo(without.pixel(x, y) ^ INK);
      }
    }
    assertThat(with.pixel(5, 7)).as("the spacing is part of the block").isEqualTo(INK);
    assertThat(with.pixel(6, 0)).as("the next cell").isZero();
  }

  @Test
  void theFastPathMatchesTheReference() {
    Screen s = new Screen(20, 5);
    s.feed("$ ls -la ~/src\r\nMakefile  README.md\r\n{[(<all>)]} |\\/| caf\u00e9 `~^_\r\n!\"#%&'*+,-.:;=?@");
    assertMatchesReference(s, true);
    assertMatchesReference(s, false);
    s.feed("\u001b[5;20H"); // the cursor in the bottom right corner
    assertMatchesReference(s, true);
  }

  @Test
  void aPngRoundTripKeepsEveryPixel() throws Exception {
    Screen s = Screen.standard();
    s.feed("user@host:~$ echo Hello, world\r\nHello, world\r\nuser@host:~$ ");
    Image image = ScreenPicture.of(s);
    Image back = Png.decode(Png.encode(image), "screen.png");
    assertThat(back.width()).isEqualTo(image.width());
    assertThat(back.height()).isEqualTo(image.height());
    assertThat(back.rgb()).isEqualTo(image.rgb());
  }
}
