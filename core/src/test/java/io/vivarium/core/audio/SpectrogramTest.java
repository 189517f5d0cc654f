package io.vivarium.core.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.core.world.Image;
import org.junit.jupiter.api.Test;

class SpectrogramTest {
  private final Spectrogram s = new Spectrogram(32, 64);

  private static float[] tone(double hz, double seconds) {
    float[] x = new float[(int) (seconds * Wav.RATE)];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / Wav.RATE));
    }
    return x;
  }

  @Test
  void aToneLightsTheBandOfItsFrequency() {
    for (double hz : new double[] {300, 1000, 3000}) {
      Image image = s.image(tone(hz, 0.5));
      assertThat(image.width()).isEqualTo(64);
      assertThat(image.height()).isEqualTo(32);
      int x = 20;
      int brightest = -1;
      int best = -1;
      for (int y = 0; y < 32; y++) {
        int v = image.pixel(x, y) & 0xFF;
        if (v > best) {
          best = v;
          brightest = 31 - y; // row 0 is the highest band
        }
      }
      assertThat(best).as("peak of %s Hz", hz).isEqualTo(255);
      assertThat(brightest).as("band of %s Hz", hz).isEqualTo(s.band(hz));
    }
  }

  @Test
  void silenceIsFlatBlack() {
    Image image = s.image(new float[Wav.RATE / 2]);
    for (byte b : image.rgb()) {
      assertThat(b).isZero();
    }
  }

  @Test
  void aShortRecordingIsPaddedAndTheOutputIsDeterministic() {
    Image a = s.image(tone(1000, 0.1));
    Image b = s.image(tone(1000, 0.1));
    assertThat(a.rgb()).isEqualTo(b.rgb());
    assertThat(a.pixel(63, 31 - s.band(1000))).isZero(); // past the recording: padding
    assertThat(a.pixel(2, 31 - s.band(1000)) & 0xFF).isEqualTo(255);
  }

  @Test
  void leadingSilenceIsSkipped() {
    float[] late = new float[Wav.RATE];
    System.arraycopy(tone(1000, 0.3), 0, late, Wav.RATE / 2, (int) (0.3 * Wav.RATE));
    Image image = s.image(late);
    assertThat(image.pixel(3, 31 - s.band(1000)) & 0xFF).isEqualTo(255);
  }

  @Test
  void refusesBadSizes() {
    assertThatThrownBy(() -> new Spectrogram(2, 64)).hasMessageContaining("bands must be between 4 and 64; got 2");
    assertThatThrownBy(() -> new Spectrogram(32, 0)).hasMessageContaining("frames must be between 1 and 1000");
  }
}
