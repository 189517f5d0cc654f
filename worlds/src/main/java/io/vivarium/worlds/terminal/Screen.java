package io.vivarium.worlds.terminal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A terminal screen fed with what a program writes to its pty: a grid of {@code cols × rows}
 * characters and a cursor, interpreting the subset of VT100/xterm that a shell and the usual
 * command-line tools emit (docs: the terminal world).
 *
 * <ul>
 *   <li>UTF-8 text, one character per cell (an invalid sequence shows as U+FFFD); writing past
 *       the last column wraps to the next line (xterm's deferred wrap), past the last line
 *       scrolls the scroll region up.
 *   <li>C0: BEL ignored, BS, HT (stops every 8 columns), LF/VT/FF (down, scrolling), CR.
 *   <li>ESC: {@code 7}/{@code 8} save/restore the cursor, {@code D} index, {@code M} reverse
 *       index, {@code E} next line, {@code c} reset; character-set selections ignored.
 *   <li>CSI: cursor moves (A B C D E F G H f d), erase in display and line (J K), insert and
 *       delete lines and characters (L M @ P), erase characters (X), scroll region (r), scroll
 *       (S T), save/restore cursor (s u). SGR (m), modes (h l, private ones too) and anything
 *       else are read and ignored. OSC strings (ESC ] … BEL or ST) are read; the window title
 *       (OSC 0 and 2) is kept ({@link #title()}), the rest ignored.
 * </ul>
 *
 * <p>Not thread-safe.
 */
public final class Screen {
  private static final char BLANK = ' ';

  private final int cols;
  private final int rows;
  private final char[][] cells;
  private int row;
  private int col;
  /** Set after writing in the last column: the next character wraps first (deferred wrap). */
  private boolean wrapPending;
  private int top;
  private int bottom;
  private int savedRow;
  private int savedCol;
  private final ScreenParser parser = new ScreenParser(this);
  private String title = "";

  /** A blank screen of {@code cols × rows}, the cursor at the top left. */
  public Screen(int cols, int rows) {
    if (cols < 2 || cols > 1000 || rows < 2 || rows > 1000) {
      throw new IllegalArgumentException("a screen is 2 to 1000 columns by 2 to 1000 rows; got " + cols + "x" + rows);
    }
    this.cols = cols;
    this.rows = rows;
    this.cells = new char[rows][cols];
    reset();
  }

  /**
   * The window title last set by OSC 0 or 2 (the terminal world's shell prompt sets it to the
   * last command's exit status), empty before any.
   */
  public String title() {
    return title;
  }

  /** Sets the window title (OSC 0 or 2). */
  void title(String text) {
    title = text;
  }

  /** The classic 80 × 24. */
  public static Screen standard() {
    return new Screen(80, 24);
  }

  public int cols() {
    return cols;
  }

  public int rows() {
    return rows;
  }

  /** The cursor's row, 0 at the top. */
  public int cursorRow() {
    return row;
  }

  /** The cursor's column, 0 at the left. */
  public int cursorCol() {
    return col;
  }

  /** Row {@code r} as text, trailing blanks removed. */
  public String row(int r) {
    int end = cols;
    while (end > 0 && cells[r][end - 1] == BLANK) {
      end--;
    }
    return new String(cells[r], 0, end);
  }

  /** The character at row {@code r}, column {@code c}. */
  public char at(int r, int c) {
    return cells[r][c];
  }

  /** The whole screen: its rows, trailing blanks removed, one line each. */
  public String text() {
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows; r++) {
      out.append(row(r)).append('\n');
    }
    return out.toString();
  }

  /** Feeds what the program wrote. */
  public void feed(byte[] bytes) {
    feed(bytes, 0, bytes.length);
  }

  /** Feeds {@code len} bytes of {@code bytes} from {@code off}. */
  public void feed(byte[] bytes, int off, int len) {
    for (int i = off; i < off + len; i++) {
      parser.accept(bytes[i] & 0xff);
    }
  }

  /** Feeds text as UTF-8 (tests and scripts). */
  public void feed(String text) {
    feed(text.getBytes(StandardCharsets.UTF_8));
  }

  // -- what the parser does ----------------------------------------------------------------

  private void reset() {
    for (char[] line : cells) {
      Arrays.fill(line, BLANK);
    }
    row = 0;
    col = 0;
    wrapPending = false;
    top = 0;
    bottom = rows - 1;
    savedRow = 0;
    savedCol = 0;
  }

  void print(char c) {
    if (wrapPending) {
      col = 0;
      lineFeed();
      wrapPending = false;
    }
    cells[row][col] = c;
    if (col == cols - 1) {
      wrapPending = true;
    } else {
      col++;
    }
  }

  void control(int b) {
    switch (b) {
      case 0x08 -> moveTo(row, col - 1);
      case 0x09 -> moveTo(row, Math.min(cols - 1, (col / 8 + 1) * 8));
      case 0x0a, 0x0b, 0x0c -> {
        lineFeed();
        wrapPending = false;
      }
      case 0x0d -> moveTo(row, 0);
      default -> { } // BEL, NUL and the rest: nothing on the screen
    }
  }

  private void lineFeed() {
    if (row == bottom) {
      scrollUp(1);
    } else if (row < rows - 1) {
      row++;
    }
  }

  private void reverseIndex() {
    if (row == top) {
      scrollDown(1);
    } else if (row > 0) {
      row--;
    }
    wrapPending = false;
  }

  private void scrollUp(int n) {
    n = Math.min(n, bottom - top + 1);
    for (int r = top; r <= bottom; r++) {
      int from = r + n;
      if (from <= bottom) {
        System.arraycopy(cells[from], 0, cells[r], 0, cols);
      } else {
        Arrays.fill(cells[r], BLANK);
      }
    }
  }

  private void scrollDown(int n) {
    n = Math.min(n, bottom - top + 1);
    for (int r = bottom; r >= top; r--) {
      int from = r - n;
      if (from >= top) {
        System.arraycopy(cells[from], 0, cells[r], 0, cols);
      } else {
        Arrays.fill(cells[r], BLANK);
      }
    }
  }

  private void moveTo(int r, int c) {
    row = Math.max(0, Math.min(rows - 1, r));
    col = Math.max(0, Math.min(cols - 1, c));
    wrapPending = false;
  }

  void escape(int finalByte) {
    switch (finalByte) {
      case '7' -> {
        savedRow = row;
        savedCol = col;
      }
      case '8' -> moveTo(savedRow, savedCol);
      case 'D' -> {
        lineFeed();
        wrapPending = false;
      }
      case 'M' -> reverseIndex();
      case 'E' -> {
        lineFeed();
        moveTo(row, 0);
      }
      case 'c' -> reset();
      default -> { } // character sets, keypad modes: nothing on the screen
    }
  }

  void csi(int finalByte, int[] p, int n, boolean isPrivate) {
    if (isPrivate) {
      return; // DEC private modes (cursor visibility, bracketed paste, …)
    }
    int a = n > 0 && p[0] > 0 ? p[0] : 1; // the first parameter, default 1
    switch (finalByte) {
      case 'A' -> moveTo(row - a, col);
      case 'B' -> moveTo(row + a, col);
      case 'C' -> moveTo(row, col + a);
      case 'D' -> moveTo(row, col - a);
      case 'E' -> moveTo(row + a, 0);
      case 'F' -> moveTo(row - a, 0);
      case 'G' -> moveTo(row, a - 1);
      case 'd' -> moveTo(a - 1, col);
      case 'H', 'f' -> moveTo(a - 1, (n > 1 && p[1] > 0 ? p[1] : 1) - 1);
      case 'J' -> eraseDisplay(n > 0 ? p[0] : 0);
      case 'K' -> eraseLine(n > 0 ? p[0] : 0);
      case 'L' -> lines(a, true);
      case 'M' -> lines(a, false);
      case '@' -> chars(a, true);
      case 'P' -> chars(a, false);
      case 'X' -> Arrays.fill(cells[row], col, Math.min(cols, col + a), BLANK);
      case 'S' -> scrollUp(a);
      case 'T' -> scrollDown(a);
      case 'r' -> region(n > 0 && p[0] > 0 ? p[0] : 1, n > 1 && p[1] > 0 ? p[1] : rows);
      case 's' -> {
        savedRow = row;
        savedCol = col;
      }
      case 'u' -> moveTo(savedRow, savedCol);
      default -> { } // SGR, modes, reports: nothing on the screen
    }
  }

  private void eraseDisplay(int mode) {
    switch (mode) {
      case 0 -> {
        eraseLine(0);
        for (int r = row + 1; r < rows; r++) {
          Arrays.fill(cells[r], BLANK);
        }
      }
      case 1 -> {
        eraseLine(1);
        for (int r = 0; r < row; r++) {
          Arrays.fill(cells[r], BLANK);
        }
      }
      case 2, 3 -> {
        for (char[] line : cells) {
          Arrays.fill(line, BLANK);
        }
      }
      default -> { }
    }
  }

  private void eraseLine(int mode) {
    switch (mode) {
      case 0 -> Arrays.fill(cells[row], col, cols, BLANK);
      case 1 -> Arrays.fill(cells[row], 0, col + 1, BLANK);
      case 2 -> Arrays.fill(cells[row], BLANK);
      default -> { }
    }
  }

  /** Inserts ({@code insert}) or deletes {@code n} lines at the cursor, within the scroll region. */
  private void lines(int n, boolean insert) {
    if (row < top || row > bottom) {
      return;
    }
    int savedTop = top;
    top = row;
    if (insert) {
      scrollDown(n);
    } else {
      scrollUp(n);
    }
    top = savedTop;
    moveTo(row, 0);
  }

  /** Inserts ({@code insert}) or deletes {@code n} blank characters at the cursor, within the line. */
  private void chars(int n, boolean insert) {
    n = Math.min(n, cols - col);
    char[] line = cells[row];
    if (insert) {
      System.arraycopy(line, col, line, col + n, cols - col - n);
      Arrays.fill(line, col, col + n, BLANK);
    } else {
      System.arraycopy(line, col + n, line, col, cols - col - n);
      Arrays.fill(line, cols - n, cols, BLANK);
    }
    wrapPending = false;
  }

  private void region(int first, int last) {
    if (first < last && last <= rows) {
      top = first - 1;
      bottom = last - 1;
      moveTo(0, 0);
    }
  }
}
