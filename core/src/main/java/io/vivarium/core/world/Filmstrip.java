package io.vivarium.core.world;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * A sequence of world pictures (a replay's frames) as one image: a PNG strip of the frames side
 * by side, wrapped into rows, or an animated GIF that loops forever (the JDK's GIF writer with
 * the {@code NETSCAPE2.0} loop extension). Frames are scaled up by a whole factor, pixel for
 * pixel, so small rooms stay sharp.
 *
 * <p>Stateless; thread-safe.
 */
public final class Filmstrip {
  /** The gap between frames of a strip, in pixels, drawn in {@link #GAP_RGB}. */
  public static final int GAP = 2;
  /** The colour of the gaps. */
  public static final int GAP_RGB = 0x202020;

  private Filmstrip() {}

  /**
   * The frames side by side, {@code columns} per row, each scaled by {@code scale}, as PNG bytes.
   * Frames of different sizes are each drawn at their top-left corner of a cell of the largest size.
   */
  public static byte[] strip(List<Image> frames, int columns, int scale) {
    check(frames, scale);
    if (columns < 1) {
      throw new IllegalArgumentException("a strip needs at least 1 column; got " + columns);
    }
    int cw = frames.stream().mapToInt(Image::width).max().orElseThrow() * scale;
    int ch = frames.stream().mapToInt(Image::height).max().orElseThrow() * scale;
    int cols = Math.min(columns, frames.size());
    int rows = (frames.size() + cols - 1) / cols;
    long w = (long) cols * cw + (cols - 1L) * GAP;
    long h = (long) rows * ch + (rows - 1L) * GAP;
    if (w * h > 200_000_000L) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "a strip of %d frames would be %d x %d pixels;"
          + " lower --scale or write --gif instead", frames.size(), w, h));
    }
    BufferedImage out = new BufferedImage((int) w, (int) h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, GAP_RGB);
      }
    }
    for (int k = 0; k < frames.size(); k++) {
      draw(frames.get(k), scale, out, (k % cols) * (cw + GAP), (k / cols) * (ch + GAP));
    }
    return encode(out, "png");
  }

  /**
   * The frames, each scaled by {@code scale}, as an animated GIF that loops forever, each shown for
   * {@code delayMillis} (GIF counts hundredths of a second, so it is rounded down to 10 ms).
   */
  public static byte[] gif(List<Image> frames, int delayMillis, int scale) {
    check(frames, scale);
    if (delayMillis < 10 || delayMillis > 655_350) {
      throw new IllegalArgumentException("a GIF frame lasts 10 ms to 655 s; got " + delayMillis + " ms");
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(ios);
      writer.prepareWriteSequence(null);
      for (int k = 0; k < frames.size(); k++) {
        Image f = frames.get(k);
        BufferedImage b = new BufferedImage(f.width() * scale, f.height() * scale, BufferedImage.TYPE_INT_RGB);
        draw(f, scale, b, 0, 0);
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(b), null);
        animate(meta, delayMillis / 10, k == 0);
        writer.writeToSequence(new IIOImage(b, null, meta), null);
      }
      writer.endWriteSequence();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory does not fail
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static void check(List<Image> frames, int scale) {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("no frames to draw");
    }
    if (scale < 1 || scale > 64) {
      throw new IllegalArgumentException("--scale must be between 1 and 64; got " + scale);
    }
  }

  /** Sets a frame's delay (hundredths of a second) and, on the first, the loop-forever extension. */
  private static void animate(IIOMetadata meta, int delay, boolean first) throws IOException {
    String format = meta.getNativeMetadataFormatName(); // javax_imageio_gif_image_1.0
    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
    IIOMetadataNode gce = child(root, "GraphicControlExtension");
    gce.setAttribute("disposalMethod", "none");
    gce.setAttribute("userInputFlag", "FALSE");
    gce.setAttribute("transparentColorFlag", "FALSE");
    gce.setAttribute("delayTime", Integer.toString(delay));
    gce.setAttribute("transparentColorIndex", "0");
    if (first) {
      IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
      app.setAttribute("applicationID", "NETSCAPE");
      app.setAttribute("authenticationCode", "2.0");
      app.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0 = forever
      child(root, "ApplicationExtensions").appendChild(app);
    }
    meta.setFromTree(format, root);
  }

  private static IIOMetadataNode child(IIOMetadataNode root, String name) {
    for (int i = 0; i < root.getLength(); i++) {
      if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
        return (IIOMetadataNode) root.item(i);
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    root.appendChild(node);
    return node;
  }

  private static void draw(Image f, int scale, BufferedImage out, int x0, int y0) {
    for (int y = 0; y < f.height() * scale; y++) {
      for (int x = 0; x < f.width() * scale; x++) {
        out.setRGB(x0 + x, y0 + y, f.pixel(x / scale, y / scale));
      }
    }
  }

  private static byte[] encode(BufferedImage b, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(b, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory does not fail
    }
    return out.toByteArray();
  }
}
