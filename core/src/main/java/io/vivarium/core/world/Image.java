package io.vivarium.core.world;

import java.util.Objects;

/**
 * An RGB picture: {@code rgb} holds {@code height} rows of {@code width} pixels of three bytes
 * (red, green, blue) — shape {@code (H, W, 3)}, row-major.
 *
 * <p>The array is shared, not copied; treat it as read-only.
 */
public record Image(int width, int height, byte[] rgb) {
  public Image {
    Objects.requireNonNull(rgb, "rgb");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "image size must be positive; got " + width + "x" + height);
    }
    if (rgb.length != width * height * 3) {
      throw new IllegalArgumentException(
          "image of " + width + "x" + height + " needs " + (width * height * 3)
              + " RGB bytes; got " + rgb.length);
    }
  }

  /** The colour at (x, y) as {@code 0xRRGGBB}. */
  public int pixel(int x, int y) {
    int i = (y * width + x) * 3;
    return (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | (rgb[i + 2] & 0xFF);
  }
}
