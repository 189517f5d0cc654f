package io.vivarium.core.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

/** Strips and GIFs read back with the JDK's ImageIO readers. */
class FilmstripTest {
  /** Frame k: a 3 x 2 picture, all pixels 0x0000kk except a white top-left pixel. */
  private static List<Image> frames(int n) {
    List<Image> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      byte[] rgb = new byte[3 * 2 * 3];
      for (int p = 0; p < 6; p++) {
        rgb[p * 3 + 2] = (byte) (k * 20);
      }
      rgb[0] = rgb[1] = rgb[2] = (byte) 255;
      out.add(new Image(3, 2, rgb));
    }
    return out;
  }

  @Test
  void aStripWrapsFramesIntoRowsWithGaps() throws Exception {
    byte[] png = Filmstrip.strip(frames(7), 3, 4);
    BufferedImage b = ImageIO.read(new ByteArrayInputStream(png));
    int cw = 3 * 4;
    int ch = 2 * 4;
    assertThat(b.getWidth()).isEqualTo(3 * cw + 2 * Filmstrip.GAP);
    assertThat(b.getHeight()).isEqualTo(3 * ch + 2 * Filmstrip.GAP);
    for (int k = 0; k < 7; k++) {
      int x0 = (k % 3) * (cw + Filmstrip.GAP);
      int y0 = (k / 3) * (ch + Filmstrip.GAP);
      assertThat(b.getRGB(x0 + 3, y0 + 3) & 0xFFFFFF).isEqualTo(0xFFFFFF); // the scaled white pixel
      assertThat(b.getRGB(x0 + cw - 1, y0 + ch - 1) & 0xFFFFFF).isEqualTo(k * 20);
    }
    assertThat(b.getRGB(cw, 0) & 0xFFFFFF).isEqualTo(Filmstrip.GAP_RGB);
    assertThat(b.getRGB(b.getWidth() - 1, b.getHeight() - 1) & 0xFFFFFF).as("empty cell").isEqualTo(Filmstrip.GAP_RGB);
  }

  @Test
  void aGifHasEveryFrameItsDelayAndLoopsForever() throws Exception {
    byte[] gif = Filmstrip.gif(frames(5), 120, 2);
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
      reader.setInput(in);
      assertThat(reader.getNumImages(true)).isEqualTo(5);
      for (int k = 0; k < 5; k++) {
        BufferedImage b = reader.read(k);
        assertThat(b.getWidth()).isEqualTo(6);
        assertThat(b.getHeight()).isEqualTo(4);
        assertThat(b.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(b.getRGB(5, 3) & 0xFFFFFF).isEqualTo(k * 20);
        IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(k).getAsTree("javax_imageio_gif_image_1.0");
        IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
        assertThat(gce.getAttribute("delayTime")).isEqualTo("12");
      }
      IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
      IIOMetadataNode app = (IIOMetadataNode) first.getElementsByTagName("ApplicationExtension").item(0);
      assertThat(app.getAttribute("applicationID")).isEqualTo("NETSCAPE");
      assertThat((byte[]) app.getUserObject()).containsExactly(1, 0, 0);
    } finally {
      reader.dispose();
    }
  }

  @Test
  void badArgumentsGetOneLine() {
    assertThatThrownBy(() -> Filmstrip.strip(List.of(), 3, 1)).hasMessage("no frames to draw");
    assertThatThrownBy(() -> Filmstrip.gif(frames(2), 120, 0)).hasMessageContaining("--scale must be between 1 and 64");
    assertThatThrownBy(() -> Filmstrip.gif(frames(2), 5, 1)).hasMessageContaining("10 ms");
  }
}
