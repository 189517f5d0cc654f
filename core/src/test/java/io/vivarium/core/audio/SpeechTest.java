package io.vivarium.core.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Real espeak-ng (test.sh installs it). */
class SpeechTest {
  @Test
  void speaksAWordAsAValidWav() {
    assertThat(Speech.available()).as(Speech.MISSING).isTrue();
    byte[] wav = Speech.render("yes", new Speech.Voice("en+m3", 160, 40));
    float[] samples = Wav.read(wav, "speech");
    assertThat(samples.length).isBetween(Wav.RATE / 10, Wav.RATE * 3);
    float peak = 0;
    for (float x : samples) {
      peak = Math.max(peak, Math.abs(x));
    }
    assertThat(peak).isGreaterThan(0.05f);
    assertThat(Speech.render("yes", new Speech.Voice("en+m3", 160, 40))).isEqualTo(wav);
  }

  @Test
  void refusesBadVoicesAndText() {
    assertThatThrownBy(() -> new Speech.Voice("en; rm -rf /", 160, 50)).hasMessageContaining("voice must look like");
    assertThatThrownBy(() -> new Speech.Voice("en", 20, 50)).hasMessageContaining("speed must be 80 to 450");
    assertThatThrownBy(() -> Speech.render(" ", Speech.Voice.english())).hasMessageContaining("1 to 500 characters");
  }
}
