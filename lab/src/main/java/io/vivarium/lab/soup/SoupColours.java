package io.vivarium.lab.soup;

import io.vivarium.core.world.Image;

/**
 * A soup drawn as cubff draws it: one row per tape, one pixel per byte (scaled up by an integer
 * factor), each byte value a fixed colour — the loop brackets {@code [ ]} green, the byte
 * operations {@code + - . ,} magenta, the head moves {@code < > { }} lilac, the byte 0 red, every
 * other byte (a comment) a grey that lightens with its value (192 + value / 4). Stateless.
 */
public final class SoupColours {
  /** Bytes per tape (one pixel each, before scaling). */
  public static final int TAPE = 64;
  private static final int[] RGB = table();

  private SoupColours() {}

  private static int[] table() {
    int[] t = new int[256];
    for (int b = 0; b < 256; b++) {
      int grey = 192 + b / 4;
      t[b] = switch (b) {
        case '[', ']' -> 0x00C000;
        case '+', '-', '.', ',' -> 0xC800C8;
        case '<', '>', '{', '}' -> 0xC880DC;
        case 0 -> 0xFF0000;
        default -> grey << 16 | grey << 8 | grey;
      };
    }
    return t;
  }

  /** The colour of byte value {@code b} as {@code 0xRRGGBB}. */
  public static int colour(int b) {
    return RGB[b & 0xFF];
  }

  /**
   * Draws {@code tapes} (indices into {@code soup}, 64 bytes each, one row each, top to bottom)
   * with every byte a {@code scale} × {@code scale} square.
   */
  public static Image draw(byte[] soup, int[] tapes, int scale) {
    if (tapes.length == 0 || scale < 1 || scale > 16) {
      throw new IllegalArgumentException("a soup picture needs at least one tape and a scale in [1, 16]; got "
          + tapes.length + " tapes, scale " + scale);
    }
    int w = TAPE * scale;
    int h = tapes.length * scale;
    byte[] rgb = new byte[w * h * 3];
    for (int r = 0; r < tapes.length; r++) {
      int base = tapes[r] * TAPE;
      for (int x = 0; x < w; x++) {
        int c = colour(soup[base + x / scale]);
        for (int dy = 0; dy < scale; dy++) {
          int p = ((r * scale + dy) * w + x) * 3;
          rgb[p] = (byte) (c >> 16);
          rgb[p + 1] = (byte) (c >> 8);
          rgb[p + 2] = (byte) c;
        }
      }
    }
    return new Image(w, h, rgb);
  }
}
