package io.vivarium.worlds.gold;

import io.vivarium.core.world.Png;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.world.Image;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The picture of one seeded scene against a golden PNG. */
class PngTest {
  private static final String GOLDEN = "golden-walls-8x8-seed42.png";
  private static final String REGENERATE = "./mvnw -B -pl worlds -am verify -Dtest=PngTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Dgold.regenerate=true";

  @Test
  void theSeededSceneLooksLikeTheGoldenPicture() throws IOException {
    GoldPreset p = GoldPresets.get("gold-walls-8x8");
    Image actual;
    try (GoldWorld w = new GoldWorld(p)) {
      w.reset(42);
      w.step((byte) 'F');
      actual = new GoldRenderer(p.pixelsPerCell()).render(w.scene());
    }
    if (Boolean.getBoolean("gold.regenerate")) {
      Path file = Path.of("src/test/resources/io/vivarium/worlds/gold", GOLDEN);
      Files.createDirectories(file.getParent());
      Png.write(actual, file);
      return;
    }
    try (InputStream in = PngTest.class.getResourceAsStream(GOLDEN)) {
      assertThat(in).as("golden file %s is missing; create it with: %s", GOLDEN, REGENERATE).isNotNull();
      Image golden = Png.decode(in.readAllBytes(), GOLDEN);
      assertThat(actual.width()).isEqualTo(golden.width());
      assertThat(actual.rgb())
          .as("picture differs from %s; if the change is intended, regenerate with: %s", GOLDEN, REGENERATE)
          .isEqualTo(golden.rgb());
    }
  }

  @Test
  void pngRoundTripsAndRejectsOtherBytes() throws IOException {
    Image i = new GoldRenderer(4).render(GoldScene.parse("#####\n#>.G#\n#####"));
    assertThat(Png.decode(Png.encode(i), "memory").rgb()).isEqualTo(i.rgb());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Png.decode(new byte[] {1, 2, 3}, "x.png"))
        .hasMessageContaining("x.png is not a PNG");
  }
}
