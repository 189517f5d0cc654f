package io.vivarium.worlds.terminal;

import java.util.Arrays;

/**
 * The byte-level state machine of a {@link Screen}: text (with UTF-8), ESC, CSI and OSC; it
 * calls the screen for what each sequence does. Not thread-safe (one per screen).
 */
final class ScreenParser {
  private static final int MAX_PARAMS = 16;
  private static final int TEXT = 0;
  private static final int ESC = 1;
  private static final int CSI = 2;
  private static final int OSC = 3;
  private static final int OSC_ESC = 4;
  private static final int SKIP_ONE = 5;

  private final Screen screen;
  private int state = TEXT;
  private final int[] params = new int[MAX_PARAMS];
  private int count;
  private boolean isPrivate;
  private int codePoint;
  private int continuation;
  private final StringBuilder osc = new StringBuilder();

  private void oscByte(int b) {
    if (b == 0x07) {
      state = TEXT;
      endOsc();
    } else if (b == 0x1b) {
      state = OSC_ESC;
    } else if (osc.length() < 256) {
      osc.append((char) b);
    }
  }

  private void endOsc() {
    if (osc.length() >= 2 && (osc.charAt(0) == '0' || osc.charAt(0) == '2') && osc.charAt(1) == ';') {
      screen.title(osc.substring(2));
    }
  }

  ScreenParser(Screen screen) {
    this.screen = screen;
  }

  void accept(int b) {
    switch (state) {
      case ESC -> escapeByte(b);
      case CSI -> csiByte(b);
      case OSC -> oscByte(b);
      case OSC_ESC -> {
        state = b == '\\' ? TEXT : OSC;
        if (state == TEXT) {
          endOsc();
        }
      }
      case SKIP_ONE -> state = TEXT;
      default -> textByte(b);
    }
  }

  private void textByte(int b) {
    if (continuation > 0) {
      if ((b & 0xc0) == 0x80) {
        codePoint = codePoint << 6 | (b & 0x3f);
        if (--continuation == 0) {
          screen.print(Character.isBmpCodePoint(codePoint) ? (char) codePoint : '\ufffd');
        }
        return;
      }
      continuation = 0;
      screen.print('\ufffd'); // a sequence cut short; this byte starts afresh
    }
    if (b == 0x1b) {
      state = ESC;
    } else if (b < 0x20 || b == 0x7f) {
      screen.control(b);
    } else if (b < 0x80) {
      screen.print((char) b);
    } else if ((b & 0xe0) == 0xc0) {
      codePoint = b & 0x1f;
      continuation = 1;
    } else if ((b & 0xf0) == 0xe0) {
      codePoint = b & 0x0f;
      continuation = 2;
    } else if ((b & 0xf8) == 0xf0) {
      codePoint = b & 0x07;
      continuation = 3;
    } else {
      screen.print('\ufffd');
    }
  }

  private void escapeByte(int b) {
    switch (b) {
      case '[' -> {
        state = CSI;
        count = 0;
        isPrivate = false;
        Arrays.fill(params, 0);
      }
      case ']' -> {
        state = OSC;
        osc.setLength(0);
      }
      case '(', ')', '*', '+', '#', '%' -> state = SKIP_ONE; // a character set or line size: one more byte
      default -> {
        state = TEXT;
        screen.escape(b);
      }
    }
  }

  private void csiByte(int b) {
    if (b >= '0' && b <= '9') {
      if (count == 0) {
        count = 1;
      }
      if (count <= MAX_PARAMS) {
        params[count - 1] = Math.min(9999, params[count - 1] * 10 + (b - '0'));
      }
    } else if (b == ';') {
      count = (count == 0 ? 1 : count) + 1;
    } else if (b == '?' || b == '>' || b == '=' || b == '<') {
      isPrivate = true;
    } else if (b >= 0x40 && b <= 0x7e) {
      state = TEXT;
      screen.csi(b, params, Math.min(count, MAX_PARAMS), isPrivate);
    } else if (b == 0x1b) {
      state = ESC; // a sequence abandoned
    } else if (b < 0x20) {
      screen.control(b); // C0 inside a sequence acts at once, as in xterm
    }
    // intermediate bytes (0x20-0x2f) are read and ignored
  }
}
