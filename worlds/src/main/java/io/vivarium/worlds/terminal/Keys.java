package io.vivarium.worlds.terminal;

import java.nio.charset.StandardCharsets;

/**
 * The terminal world's keyboard: one motor byte is one key. Bytes 0x20–0x7E type themselves;
 * Enter is 0x0D, Tab 0x09, Ctrl-C 0x03, Ctrl-U (erase the line) 0x15, Backspace 0x7F; the arrow
 * keys are 0x80 (up), 0x81 (down), 0x82 (right) and 0x83 (left), sent as the VT100 escape
 * sequences. Other bytes are not keys. Thread-safe (constants only).
 */
public final class Keys {
  public static final byte ENTER = 0x0d;
  public static final byte TAB = 0x09;
  public static final byte CTRL_C = 0x03;
  public static final byte CTRL_U = 0x15;
  public static final byte BACKSPACE = 0x7f;
  public static final byte UP = (byte) 0x80;
  public static final byte DOWN = (byte) 0x81;
  public static final byte RIGHT = (byte) 0x82;
  public static final byte LEFT = (byte) 0x83;
  private static final byte[][] BYTES = new byte[256][];
  private static final byte[] ALPHABET;

  static {
    byte[] all = new byte[0x7f - 0x20 + 9];
    int n = 0;
    for (byte b : new byte[] {CTRL_C, TAB, ENTER, CTRL_U}) {
      all[n++] = b;
    }
    for (int c = 0x20; c < 0x7f; c++) {
      all[n++] = (byte) c;
    }
    for (byte b : new byte[] {BACKSPACE, UP, DOWN, RIGHT, LEFT}) {
      all[n++] = b;
    }
    ALPHABET = all;
    for (byte b : all) {
      BYTES[b & 0xff] = new byte[] {b};
    }
    String[] arrows = {"\033[A", "\033[B", "\033[C", "\033[D"};
    for (int i = 0; i < 4; i++) {
      BYTES[0x80 + i] = arrows[i].getBytes(StandardCharsets.US_ASCII);
    }
  }

  private Keys() {}

  /** Every key, as motor bytes (a copy). */
  public static byte[] alphabet() {
    return ALPHABET.clone();
  }

  /** Whether {@code key} is a key of this keyboard. */
  public static boolean isKey(byte key) {
    return BYTES[key & 0xff] != null;
  }

  /** What typing {@code key} sends to the terminal; a byte that is no key sends nothing. */
  public static byte[] bytes(byte key) {
    byte[] b = BYTES[key & 0xff];
    return b == null ? new byte[0] : b;
  }

  /** A readable name of {@code key} for logs and the console, e.g. {@code a}, {@code Enter}, {@code Ctrl-C}. */
  public static String name(byte key) {
    int k = key & 0xff;
    return switch (k) {
      case 0x0d -> "Enter";
      case 0x09 -> "Tab";
      case 0x03 -> "Ctrl-C";
      case 0x15 -> "Ctrl-U";
      case 0x7f -> "Backspace";
      case 0x80 -> "Up";
      case 0x81 -> "Down";
      case 0x82 -> "Right";
      case 0x83 -> "Left";
      case 0x20 -> "Space";
      default -> k > 0x20 && k < 0x7f ? Character.toString(k) : String.format("0x%02x", k);
    };
  }
}
