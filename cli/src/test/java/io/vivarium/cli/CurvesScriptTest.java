package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/curves.py} on Debian's matplotlib, over the CSVs in docs/curves: a real PNG (read
 * back by ImageIO, not blank, the curves' colours in it), an SVG that parses, negative values on
 * a fitted axis, and a curve of one point that shows. Skips only locally when python3-matplotlib
 * is missing; with CI=true it runs and fails instead.
 */
class CurvesScriptTest {
  private static final Path SCRIPT = Path.of("..", "scripts", "curves.py");
  private static final Path CURVES = Path.of("..", "docs", "curves");
  /** matplotlib's first two colours (C0, C1): the first and second curve. */
  private static final int BLUE = 0x1f77b4;
  private static final int ORANGE = 0xff7f0e;
  private static String python;

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void findPython() throws Exception {
    for (String p : List.of("/usr/bin/python3", "python3")) {
      try {
        Process probe = new ProcessBuilder(p, "-c", "import matplotlib").redirectErrorStream(true).start();
        if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
          python = p;
          return;
        }
      } catch (java.io.IOException absent) {
        // try the next one
      }
    }
    assumeTrue("true".equals(System.getenv("CI")),
        "python3-matplotlib is not installed (apt-get install python3-matplotlib; test.sh does); skipped locally only");
    throw new AssertionError("CI: python3 with matplotlib not found; test.sh installs python3-matplotlib");
  }

  private Run curves(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(python, SCRIPT.toString()));
    command.addAll(List.of(args));
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  /** Pixels within a small distance of {@code rgb} (anti-aliased edges aside). */
  private static int pixelsNear(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int c = image.getRGB(x, y);
        int d = Math.abs(((c >> 16) & 255) - ((rgb >> 16) & 255)) + Math.abs(((c >> 8) & 255) - ((rgb >> 8) & 255))
            + Math.abs((c & 255) - (rgb & 255));
        n += d < 30 ? 1 : 0;
      }
    }
    return n;
  }

  private static BufferedImage png(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image).as("ImageIO reads " + file).isNotNull();
    return image;
  }

  @Test
  void severalPanelsOfRealCurvesMakeAValidPngThatIsNotBlank() throws Exception {
    Path out = dir.resolve("gold.png");
    Run r = curves("--x", "env_steps", "--y", "success_rate,loss,mean_return", "--out", out.toString(),
        "ppo=" + CURVES.resolve("gold-bare-5x5-ppo.csv"), "grpo=" + CURVES.resolve("gold-bare-5x5-grpo.csv"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("wrote " + out + " (3 panels: success_rate");
    assertThat(r.out()).contains("| curve | env_steps | success_rate |", "| curve | env_steps | loss |", "| ppo | 1024 |");
    BufferedImage image = png(out);
    assertThat(image.getWidth()).isEqualTo(800);
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertThat(colours.size()).as("distinct colours").isGreaterThan(20);
    assertThat(pixelsNear(image, BLUE)).as("the ppo curve's pixels").isGreaterThan(300);
    assertThat(pixelsNear(image, ORANGE)).as("the grpo curve's pixels").isGreaterThan(300);
  }

  @Test
  void aOnePointSeriesWithANegativeValueShowsOnAnAxisBelowZero() throws Exception {
    Path csv = dir.resolve("one.csv");
    Files.writeString(csv, "env_steps,success_rate,loss\n100,0.5,-0.2\n");
    Path out = dir.resolve("one.png");
    Path svg = dir.resolve("one.svg");
    Run r = curves("--y", "loss", "--out", out.toString(), "--svg", svg.toString(), "one=" + csv);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("| one | 100 | -0.200 |");
    assertThat(r.err()).containsPattern("wrote .*one\\.png \\(1 panel: loss -0\\.2\\d* to -0\\.1\\d*\\)");
    assertThat(pixelsNear(png(out), BLUE)).as("the one point's marker").isGreaterThan(30);
    DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
    xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline
    var doc = xml.newDocumentBuilder().parse(svg.toFile());
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
  }

  @Test
  void badInputIsOneLineNamingTheFileAndTheFix() throws Exception {
    Path csv = dir.resolve("one.csv");
    Files.writeString(csv, "step,score\n1,0.5\n");
    Run missing = curves("--x", "step", "--y", "nope", "one=" + csv);
    assertThat(missing.code()).isNotZero();
    assertThat(missing.err().strip()).startsWith("curves: ").contains("one.csv has no column nope", "--y")
        .doesNotContain("Traceback");
    Run format = curves("--x", "step", "--y", "score", "--out", dir.resolve("x.jpg").toString(), "one=" + csv);
    assertThat(format.code()).isNotZero();
    assertThat(format.err()).contains(".png or .svg").doesNotContain("Traceback");
    Run table = curves("--x", "step", "--y", "score", "--rows", "10", "qa=" + CURVES.resolve("tutorial-qa.csv"));
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).startsWith("| curve | step | score |\n| --- | ---: | ---: |\n| qa | 50 | 0.220 |");
  }
}
