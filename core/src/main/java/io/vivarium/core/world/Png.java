package io.vivarium.core.world;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * PNG files for world pictures, through the JDK's ImageIO (PNG carries its own signature and
 * version, so no Vivarium header is added).
 *
 * <p>Stateless; thread-safe.
 */
public final class Png {
  private Png() {}

  /** The picture encoded as PNG. */
  public static byte[] encode(Image image) {
    BufferedImage b = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        b.setRGB(x, y, image.pixel(x, y));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(b, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory does not fail
    }
    return out.toByteArray();
  }

  /** Writes the picture to {@code file} as PNG. */
  public static void write(Image image, Path file) throws IOException {
    Files.write(file, encode(image));
  }

  /** Decodes a PNG into a picture; anything else is rejected by name. */
  public static Image decode(byte[] png, String name) throws IOException {
    BufferedImage b = ImageIO.read(new ByteArrayInputStream(png));
    if (b == null) {
      throw new IllegalArgumentException(name + " is not a PNG image; give a file written by --png");
    }
    byte[] rgb = new byte[b.getWidth() * b.getHeight() * 3];
    for (int y = 0; y < b.getHeight(); y++) {
      for (int x = 0; x < b.getWidth(); x++) {
        int p = b.getRGB(x, y);
        int i = (y * b.getWidth() + x) * 3;
        rgb[i] = (byte) (p >> 16);
        rgb[i + 1] = (byte) (p >> 8);
        rgb[i + 2] = (byte) p;
      }
    }
    return new Image(b.getWidth(), b.getHeight(), rgb);
  }
}
