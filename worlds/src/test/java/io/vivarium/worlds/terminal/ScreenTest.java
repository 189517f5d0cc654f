package io.vivarium.worlds.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScreenTest {
  private static Screen small() {
    return new Screen(10, 4);
  }

  @Test
  void aShellSessionLooksAsOnATerminal() {
    Screen s = Screen.standard();
    s.feed("$ echo hello\r\nhello\r\n$ ");
    assertThat(s.row(0)).isEqualTo("$ echo hello");
    assertThat(s.row(1)).isEqualTo("hello");
    assertThat(s.row(2)).isEqualTo("$");
    assertThat(s.cursorRow()).isEqualTo(2);
    assertThat(s.cursorCol()).isEqualTo(2);
  }

  @Test
  void textWrapsAtTheLastColumnOnlyWhenMoreComes() {
    Screen s = small();
    s.feed("0123456789");
    assertThat(s.cursorRow()).isZero();
    assertThat(s.cursorCol()).isEqualTo(9); // deferred wrap: still on the first line
    s.feed("ab");
    assertThat(s.row(0)).isEqualTo("0123456789");
    assertThat(s.row(1)).isEqualTo("ab");
    Screen t = small();
    t.feed("0123456789\r\nx");
    assertThat(t.row(1)).as("CR LF after a full line makes no blank line").isEqualTo("x");
  }

  @Test
  void aFullScreenScrollsUp() {
    Screen s = small();
    s.feed("a\r\nb\r\nc\r\nd\r\ne");
    assertThat(s.text()).isEqualTo("b\nc\nd\ne\n");
  }

  @Test
  void controlsMoveTheCursor() {
    Screen s = small();
    s.feed("abc\bX\tY\rZ");
    assertThat(s.row(0)).isEqualTo("ZbX     Y");
    s.feed("\u0007"); // BEL shows nothing
    assertThat(s.row(0)).isEqualTo("ZbX     Y");
  }

  @Test
  void clearAndCursorPositioning() {
    Screen s = small();
    s.feed("junk\r\nmore junk");
    s.feed("\u001b[H\u001b[2J"); // what clear(1) writes
    assertThat(s.text()).isEqualTo("\n\n\n\n");
    s.feed("\u001b[3;4Hx\u001b[1;1Hy\u001b[2Cz");
    assertThat(s.row(0)).isEqualTo("y  z");
    assertThat(s.row(2)).isEqualTo("   x");
    s.feed("\u001b[10;20Hq"); // clamped to the screen
    assertThat(s.row(3)).isEqualTo("         q");
  }

  @Test
  void erasingParts() {
    Screen s = small();
    s.feed("abcdefghij\r\nklmnopqrst\u001b[1;5H");
    s.feed("\u001b[K");
    assertThat(s.row(0)).isEqualTo("abcd");
    s.feed("\u001b[2;3H\u001b[1K");
    assertThat(s.row(1)).isEqualTo("   nopqrst");
    s.feed("\u001b[1J");
    assertThat(s.text()).isEqualTo("\n   nopqrst\n\n\n");
  }

  @Test
  void insertingAndDeleting() {
    Screen s = small();
    s.feed("abcdef\u001b[1;3H\u001b[2@");
    assertThat(s.row(0)).isEqualTo("ab  cdef");
    s.feed("\u001b[3P");
    assertThat(s.row(0)).isEqualTo("abdef");
    s.feed("\r\n1\r\n2\r\n3\u001b[2;1H\u001b[L");
    assertThat(s.text()).isEqualTo("abdef\n\n1\n2\n");
    s.feed("\u001b[2M");
    assertThat(s.text()).isEqualTo("abdef\n2\n\n\n");
  }

  @Test
  void aScrollRegionKeepsTheLinesOutsideIt() {
    Screen s = small();
    s.feed("top\u001b[2;3r\u001b[2;1Hx\r\ny\r\nz");
    assertThat(s.text()).isEqualTo("top\ny\nz\n\n");
    s.feed("\u001b[2;1H\u001bM"); // reverse index at the region's top scrolls it down
    assertThat(s.text()).isEqualTo("top\n\ny\n\n");
  }

  @Test
  void colorsModesAndTitlesShowNothing() {
    Screen s = small();
    s.feed("\u001b[1;31mred\u001b[0m\u001b[?25l\u001b[?2004h\u001b]0;title\u0007!\u001b]2;t\u001b\\?");
    assertThat(s.row(0)).isEqualTo("red!?");
    s.feed("\u001b(B\u001b=ok");
    assertThat(s.row(0)).isEqualTo("red!?ok");
  }

  @Test
  void utf8IsOneCellPerCharacterAndBrokenBytesAreReplaced() {
    Screen s = small();
    s.feed("héllo €");
    assertThat(s.row(0)).isEqualTo("héllo €");
    assertThat(s.cursorCol()).isEqualTo(7);
    Screen t = small();
    t.feed(new byte[] {'a', (byte) 0xc3, 'b', (byte) 0xff});
    assertThat(t.row(0)).isEqualTo("a\ufffdb\ufffd");
  }

  @Test
  void saveRestoreAndReset() {
    Screen s = small();
    s.feed("\u001b[2;3H\u001b7\u001b[4;1Hx\u001b8y");
    assertThat(s.row(1)).isEqualTo("  y");
    s.feed("\u001bc");
    assertThat(s.text()).isEqualTo("\n\n\n\n");
    assertThat(s.cursorRow()).isZero();
  }

  @Test
  void anImpossibleSizeIsRefused() {
    assertThatThrownBy(() -> new Screen(1, 24)).hasMessageContaining("2 to 1000 columns");
  }
}
