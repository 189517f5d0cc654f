package io.vivarium.core.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WavTest {
  private static float[] tone(double hz, double seconds, int rate) {
    float[] x = new float[(int) (seconds * rate)];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return x;
  }

  @Test
  void roundTripsSixteenBitMonoAtSixteenKilohertz() {
    float[] x = tone(440, 0.2, Wav.RATE);
    float[] y = Wav.read(Wav.write(x, Wav.RATE), "test.wav");
    assertThat(y).hasSize(x.length);
    for (int i = 0; i < x.length; i++) {
      assertThat(y[i]).isCloseTo(x[i], org.assertj.core.data.Offset.offset(1e-4f));
    }
  }

  @Test
  void resamplesOtherRatesToSixteenKilohertz() {
    float[] y = Wav.read(Wav.write(tone(440, 0.5, 22_050), 22_050), "test.wav");
    assertThat(y.length).isBetween(7999, 8001);
  }

  @Test
  void readsEightBitStereoAsMono() {
    int frames = 100;
    ByteBuffer b = header(2, 8000, 8, frames * 2);
    for (int i = 0; i < frames; i++) {
      b.put((byte) 255).put((byte) 1); // left +1, right -1: mono 0
    }
    float[] y = Wav.read(b.array(), "stereo.wav");
    assertThat(y.length).isEqualTo(200);
    assertThat(y[0]).isCloseTo(0f, org.assertj.core.data.Offset.offset(0.01f));
  }

  @Test
  void skipsUnknownChunks() {
    byte[] plain = Wav.write(new float[] {0.5f, -0.5f}, 16_000);
    ByteBuffer b = ByteBuffer.allocate(plain.length + 10).order(ByteOrder.LITTLE_ENDIAN);
    b.put(plain, 0, 36).put("LIST".getBytes()).putInt(1).put((byte) 7).put((byte) 0).put(plain, 36, plain.length - 36);
    assertThat(Wav.read(b.array(), "x.wav")).hasSize(2);
  }

  @Test
  void refusesEveryMalformedFormWithOneLine() {
    byte[] good = Wav.write(tone(440, 0.1, 16_000), 16_000);
    assertRefused(new byte[] {1, 2, 3}, "not a RIFF/WAVE file");
    assertRefused(patch(good, 8, "AVI ".getBytes()), "not a RIFF/WAVE file");
    assertRefused(Arrays.copyOf(good, 100), "truncated");
    assertRefused(patch(good, 20, new byte[] {3, 0}), "audio format 3");
    assertRefused(patch(good, 22, new byte[] {6, 0}), "6 channels");
    assertRefused(patch(good, 34, new byte[] {24, 0}), "24 bits");
    assertRefused(patch(good, 24, new byte[] {0x40, 0x1F, 0, 0}).clone(), "has no"); // 8000 Hz is fine
    assertRefused(patch(good, 24, new byte[] {100, 0, 0, 0}), "sample rate of 100 Hz");
    assertRefused(Arrays.copyOf(good, 36), "no 'data' chunk");
    assertRefused(header(1, 16_000, 16, 0).array(), "no samples");
    assertRefused(new byte[Wav.MAX_BYTES + 1], "limit is");
    assertRefused(Wav.write(new float[16_000 * 11], 16_000), "lasts 11.0 s");
    byte[] noFmt = Arrays.copyOf(good, good.length);
    System.arraycopy("junk".getBytes(), 0, noFmt, 12, 4);
    assertRefused(noFmt, "before a 'fmt ' chunk");
  }

  @Test
  void fixesTheSizesOfAStreamedFile() {
    byte[] good = Wav.write(tone(440, 0.1, 16_000), 16_000);
    byte[] streamed = patch(patch(good, 4, new byte[] {0x24, (byte) 0xF0, (byte) 0xFF, 0x7F}), 40,
        new byte[] {0, (byte) 0xF0, (byte) 0xFF, 0x7F});
    assertThat(Wav.read(Wav.fixStreamed(streamed), "s.wav")).hasSize(1600);
  }

  private static void assertRefused(byte[] bytes, String part) {
    if (part.equals("has no")) {
      assertThat(Wav.read(bytes, "in.wav")).isNotEmpty();
      return;
    }
    assertThatThrownBy(() -> Wav.read(bytes, "in.wav")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("in.wav").hasMessageContaining(part).message().doesNotContain("\n");
  }

  private static byte[] patch(byte[] b, int at, byte[] with) {
    byte[] c = b.clone();
    System.arraycopy(with, 0, c, at, with.length);
    return c;
  }

  private static ByteBuffer header(int channels, int rate, int bits, int dataBytes) {
    ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVEfmt ".getBytes()).putInt(16);
    b.putShort((short) 1).putShort((short) channels).putInt(rate).putInt(rate * channels * bits / 8)
        .putShort((short) (channels * bits / 8)).putShort((short) bits);
    b.put("data".getBytes()).putInt(dataBytes);
    return b;
  }
}
