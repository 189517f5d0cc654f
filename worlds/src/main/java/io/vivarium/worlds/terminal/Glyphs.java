package io.vivarium.worlds.terminal;

/**
 * The terminal world's bitmap font, drawn for Vivarium: printable ASCII (0x20 to 0x7E) in 5 × 7
 * glyphs placed in 6 × 8 cells, so that a blank column on the right and a blank row at the bottom
 * keep neighbouring characters and lines apart. Lowercase letters keep their ascenders and
 * descenders inside the 7 rows (g, j, p, q and y sit one row higher), as on classic 5 × 7
 * terminals. Every other character, such as a non-ASCII cell of the screen, draws as a hollow box.
 *
 * <p>Immutable; thread-safe.
 */
public final class Glyphs {
  /** Cell width in pixels: 5 of glyph and 1 of spacing. */
  public static final int WIDTH = 6;
  /** Cell height in pixels: 7 of glyph and 1 of spacing. */
  public static final int HEIGHT = 8;
  /** Every pixel of a cell set: the mask of a solid block, used to invert a cell. */
  static final long FULL = (1L << WIDTH * HEIGHT) - 1;

  private static final char FIRST = 0x20;
  private static final char LAST = 0x7e;
  private static final int PER_BLOCK = 16;
  private static final int GLYPH_WIDTH = 5;
  private static final int GLYPH_HEIGHT = 7;

  /**
   * The glyphs as pictures, '#' for ink: blocks of 16 characters in code order, seven text rows
   * per block, one 5-pixel glyph row per character separated by a space.
   */
  private static final String[] SHEET = {
    // sp    '!'   '"'   '#'   '$'   '%'   '&'   '''   '('   ')'   '*'   '+'   ','   '-'   '.'   '/'
    "..... ..#.. .#.#. .#.#. ..#.. ##... .##.. ..#.. ...#. .#... ..... ..... ..... ..... ..... .....",
    "..... ..#.. .#.#. .#.#. .#### ##..# #..#. ..#.. ..#.. ..#.. ..#.. ..#.. ..... ..... ..... ....#",
    "..... ..#.. ..... ##### #.#.. ...#. #.#.. .#... .#... ...#. #.#.# ..#.. ..... ..... ..... ...#.",
    "..... ..#.. ..... .#.#. .###. ..#.. .#... ..... .#... ...#. .###. ##### ..... ##### ..... ..#..",
    "..... ..#.. ..... ##### ..#.# .#... #.#.# ..... .#... ...#. #.#.# ..#.. .##.. ..... ..... .#...",
    "..... ..... ..... .#.#. ####. #..## #..#. ..... ..#.. ..#.. ..#.. ..#.. ..#.. ..... .##.. #....",
    "..... ..#.. ..... .#.#. ..#.. ...## .##.# ..... ...#. .#... ..... ..... .#... ..... .##.. .....",
    // '0'   '1'   '2'   '3'   '4'   '5'   '6'   '7'   '8'   '9'   ':'   ';'   '<'   '='   '>'   '?'
    ".###. ..#.. .###. ##### ...#. ##### ..##. ##### .###. .###. ..... ..... ...#. ..... .#... .###.",
    "#...# .##.. #...# ...#. ..##. #.... .#... ....# #...# #...# .##.. .##.. ..#.. ..... ..#.. #...#",
    "#..## ..#.. ....# ..#.. .#.#. ####. #.... ...#. #...# #...# .##.. .##.. .#... ##### ...#. ....#",
    "#.#.# ..#.. ...#. ...#. #..#. ....# ####. ..#.. .###. .#### ..... ..... #.... ..... ....# ...#.",
    "##..# ..#.. ..#.. ....# ##### ....# #...# .#... #...# ....# .##.. .##.. .#... ##### ...#. ..#..",
    "#...# ..#.. .#... #...# ...#. #...# #...# .#... #...# ...#. .##.. ..#.. ..#.. ..... ..#.. .....",
    ".###. .###. ##### .###. ...#. .###. .###. .#... .###. .##.. ..... .#... ...#. ..... .#... ..#..",
    // '@'   'A'   'B'   'C'   'D'   'E'   'F'   'G'   'H'   'I'   'J'   'K'   'L'   'M'   'N'   'O'
    ".###. .###. ####. .###. ###.. ##### ##### .###. #...# .###. ..### #...# #.... #...# #...# .###.",
    "#...# #...# #...# #...# #..#. #.... #.... #...# #...# ..#.. ...#. #..#. #.... ##.## #...# #...#",
    "#.### #...# #...# #.... #...# #.... #.... #.... #...# ..#.. ...#. #.#.. #.... #.#.# ##..# #...#",
    "#.#.# ##### ####. #.... #...# ####. ####. #.### ##### ..#.. ...#. ##... #.... #.#.# #.#.# #...#",
    "#.##. #...# #...# #.... #...# #.... #.... #...# #...# ..#.. ...#. #.#.. #.... #...# #..## #...#",
    "#.... #...# #...# #...# #..#. #.... #.... #...# #...# ..#.. #..#. #..#. #.... #...# #...# #...#",
    ".###. #...# ####. .###. ###.. ##### #.... .#### #...# .###. .##.. #...# ##### #...# #...# .###.",
    // 'P'   'Q'   'R'   'S'   'T'   'U'   'V'   'W'   'X'   'Y'   'Z'   '['   '\'   ']'   '^'   '_'
    "####. .###. ####. .#### ##### #...# #...# #...# #...# #...# ##### .###. ..... .###. ..#.. .....",
    "#...# #...# #...# #.... ..#.. #...# #...# #...# #...# #...# ....# .#... #.... ...#. .#.#. .....",
    "#...# #...# #...# #.... ..#.. #...# #...# #...# .#.#. .#.#. ...#. .#... .#... ...#. #...# .....",
    "####. #...# ####. .###. ..#.. #...# #...# #.#.# ..#.. ..#.. ..#.. .#... ..#.. ...#. ..... .....",
    "#.... #.#.# #.#.. ....# ..#.. #...# #...# #.#.# .#.#. ..#.. .#... .#... ...#. ...#. ..... .....",
    "#.... #..#. #..#. ....# ..#.. #...# .#.#. #.#.# #...# ..#.. #.... .#... ....# ...#. ..... .....",
    "#.... .##.# #...# ####. ..#.. .###. ..#.. .#.#. #...# ..#.. ##### .###. ..... .###. ..... #####",
    // '`'   'a'   'b'   'c'   'd'   'e'   'f'   'g'   'h'   'i'   'j'   'k'   'l'   'm'   'n'   'o'
    ".#... ..... #.... ..... ....# ..... ..##. ..... #.... ..#.. ...#. #.... .##.. ..... ..... .....",
    "..#.. ..... #.... ..... ....# ..... .#..# ..... #.... ..... ..... #.... ..#.. ..... ..... .....",
    "...#. .###. #.##. .###. .##.# .###. .#... .#### #.##. .##.. ..##. #..#. ..#.. ##.#. #.##. .###.",
    "..... ....# ##..# #.... #..## #...# ###.. #...# ##..# ..#.. ...#. #.#.. ..#.. #.#.# ##..# #...#",
    "..... .#### #...# #.... #...# ##### .#... .#### #...# ..#.. ...#. ##... ..#.. #.#.# #...# #...#",
    "..... #...# #...# #...# #...# #.... .#... ....# #...# ..#.. #..#. #.#.. ..#.. #...# #...# #...#",
    "..... .#### ####. .###. .#### .###. .#... .###. #...# .###. .##.. #..#. .###. #...# #...# .###.",
    // 'p'   'q'   'r'   's'   't'   'u'   'v'   'w'   'x'   'y'   'z'   '{'   '|'   '}'   '~'
    "..... ..... ..... ..... .#... ..... ..... ..... ..... ..... ..... ...## ..#.. ##... .....",
    "..... ..... ..... ..... .#... ..... ..... ..... ..... ..... ..... ..#.. ..#.. ..#.. .....",
    "####. .#### #.##. .#### ###.. #...# #...# #...# #...# #...# ##### ..#.. ..#.. ..#.. .#...",
    "#...# #...# ##..# #.... .#... #...# #...# #...# .#.#. #...# ...#. .#... ..#.. ...#. #.#.#",
    "####. .#### #.... .###. .#... #...# #...# #.#.# ..#.. .#### ..#.. ..#.. ..#.. ..#.. ...#.",
    "#.... ....# #.... ....# .#..# #..## .#.#. #.#.# .#.#. ....# .#... ..#.. ..#.. ..#.. .....",
    "#.... ....# #.... ####. ..##. .##.# ..#.. .#.#. #...# .###. ##### ...## ..#.. ##... .....",
  };

  /** What any other character draws as: a hollow box (no ASCII glyph looks like it). */
  private static final String[] BOX = {"#####", "#...#", "#...#", "#...#", "#...#", "#...#", "#####"};

  /** One mask per character from 0x20, then the box: bit {@code y * WIDTH + x} is ink at (x, y). */
  private static final long[] MASKS = masks();

  private Glyphs() {}

  /** Whether pixel (x, y) of the cell drawing {@code c} is ink; (0, 0) is the top left. */
  public static boolean ink(char c, int x, int y) {
    if (x < 0 || x >= WIDTH || y < 0 || y >= HEIGHT) {
      throw new IllegalArgumentException("a glyph pixel is at x 0 to " + (WIDTH - 1) + " and y 0 to "
          + (HEIGHT - 1) + "; got (" + x + ", " + y + "); give a pixel inside the cell");
    }
    return (mask(c) >>> (y * WIDTH + x) & 1) != 0;
  }

  /** The cell drawing {@code c} as 48 bits: bit {@code y * WIDTH + x} is ink at (x, y). */
  static long mask(char c) {
    return c >= FIRST && c <= LAST ? MASKS[c - FIRST] : MASKS[LAST - FIRST + 1];
  }

  private static long[] masks() {
    int count = LAST - FIRST + 1;
    long[] masks = new long[count + 1];
    for (int i = 0; i < count; i++) {
      String[] rows = new String[GLYPH_HEIGHT];
      for (int y = 0; y < GLYPH_HEIGHT; y++) {
        int start = (i % PER_BLOCK) * (GLYPH_WIDTH + 1);
        rows[y] = SHEET[(i / PER_BLOCK) * GLYPH_HEIGHT + y].substring(start, start + GLYPH_WIDTH);
      }
      masks[i] = mask(rows);
    }
    masks[count] = mask(BOX);
    return masks;
  }

  private static long mask(String[] rows) { // (GLYPH_HEIGHT, GLYPH_WIDTH) of '#' and '.'
    long m = 0;
    for (int y = 0; y < GLYPH_HEIGHT; y++) {
      for (int x = 0; x < GLYPH_WIDTH; x++) {
        if (rows[y].charAt(x) == '#') {
          m |= 1L << (y * WIDTH + x);
        }
      }
    }
    return m;
  }
}
