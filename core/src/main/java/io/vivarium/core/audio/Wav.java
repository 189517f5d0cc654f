package io.vivarium.core.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * Strict RIFF/WAVE PCM files: {@link #read} takes 8-bit unsigned or 16-bit signed PCM, mono or
 * stereo (averaged to mono), at 8 to 96 kHz, and returns mono samples in [-1, 1] resampled to
 * {@value #RATE} Hz (linear interpolation); {@link #write} writes 16-bit mono PCM. Anything else
 * is refused with one line naming what is wrong and how to fix it. Chunks other than
 * {@code fmt } and {@code data} are skipped. Stateless; thread-safe.
 */
public final class Wav {
  /** The sample rate every recording is brought to. */
  public static final int RATE = 16_000;
  /** The largest file accepted. */
  public static final int MAX_BYTES = 4 << 20;
  /** The longest recording accepted, in seconds. */
  public static final double MAX_SECONDS = 10;
  private static final String FIX = "; send a PCM WAV (8- or 16-bit, mono or stereo), e.g. "
      + "ffmpeg -i IN -ac 1 -ar 16000 -sample_fmt s16 OUT.wav";

  private Wav() {}

  /** Mono samples in [-1, 1] at {@value #RATE} Hz of the WAV file {@code bytes}, named {@code what} in errors. */
  public static float[] read(byte[] bytes, String what) {
    return read(bytes, what, MAX_SECONDS);
  }

  /** As {@link #read(byte[], String)}, for recordings of up to {@code maxSeconds} (speech we render ourselves). */
  static float[] read(byte[] bytes, String what, double maxSeconds) {
    if (bytes.length > MAX_BYTES) {
      throw bad(what, "is " + bytes.length + " bytes; the limit is " + MAX_BYTES + " bytes; send a shorter recording");
    }
    if (bytes.length < 12 || !tag(bytes, 0).equals("RIFF") || !tag(bytes, 8).equals("WAVE")) {
      throw bad(what, "is not a RIFF/WAVE file (it must start with RIFF....WAVE)" + FIX);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int channels = 0;
    int rate = 0;
    int bits = 0;
    int p = 12;
    while (p + 8 <= bytes.length) {
      String id = tag(bytes, p);
      long size = b.getInt(p + 4) & 0xFFFFFFFFL;
      int body = p + 8;
      if (size > bytes.length - body) {
        throw bad(what, "is truncated: chunk '" + id + "' declares " + size + " bytes but " + (bytes.length - body)
            + " remain" + FIX);
      }
      if (id.equals("fmt ")) {
        if (size < 16) {
          throw bad(what, "has a 'fmt ' chunk of " + size + " bytes; PCM needs at least 16" + FIX);
        }
        int format = b.getShort(body) & 0xFFFF;
        channels = b.getShort(body + 2) & 0xFFFF;
        rate = b.getInt(body + 4);
        bits = b.getShort(body + 14) & 0xFFFF;
        checkFormat(what, format, channels, rate, bits);
      } else if (id.equals("data")) {
        if (channels == 0) {
          throw bad(what, "has its 'data' chunk before a 'fmt ' chunk" + FIX);
        }
        return resample(decode(b, body, (int) size, channels, bits, what), rate, what, maxSeconds);
      }
      p = body + (int) size + (int) (size & 1);
    }
    throw bad(what, channels == 0 ? "has no 'fmt ' chunk" + FIX : "has no 'data' chunk" + FIX);
  }

  private static void checkFormat(String what, int format, int channels, int rate, int bits) {
    if (format != 1) {
      throw bad(what, "has audio format " + format + "; only PCM (1) is read" + FIX);
    }
    if (channels != 1 && channels != 2) {
      throw bad(what, "has " + channels + " channels; 1 (mono) or 2 (stereo) are read" + FIX);
    }
    if (bits != 8 && bits != 16) {
      throw bad(what, "has " + bits + " bits per sample; 8 or 16 are read" + FIX);
    }
    if (rate < 8000 || rate > 96_000) {
      throw bad(what, "has a sample rate of " + rate + " Hz; 8000 to 96000 Hz are read" + FIX);
    }
  }

  /** Mono floats of the PCM frames in {@code size} bytes from {@code at}. */
  private static float[] decode(ByteBuffer b, int at, int size, int channels, int bits, String what) {
    int frameBytes = channels * bits / 8;
    int frames = size / frameBytes;
    if (frames == 0) {
      throw bad(what, "has no samples (an empty 'data' chunk); record something");
    }
    float[] out = new float[frames];
    for (int f = 0; f < frames; f++) {
      float sum = 0;
      for (int c = 0; c < channels; c++) {
        int i = at + f * frameBytes + c * bits / 8;
        sum += bits == 8 ? ((b.get(i) & 0xFF) - 128) / 128f : b.getShort(i) / 32768f;
      }
      out[f] = sum / channels;
    }
    return out;
  }

  private static float[] resample(float[] x, int rate, String what, double maxSeconds) {
    double seconds = (double) x.length / rate;
    if (seconds > maxSeconds) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s lasts %.1f s; the limit is %.0f s; send a shorter recording", what, seconds, maxSeconds));
    }
    if (rate == RATE) {
      return x;
    }
    int n = (int) Math.max(1, Math.round(seconds * RATE));
    float[] y = new float[n];
    double step = (double) rate / RATE;
    for (int i = 0; i < n; i++) {
      double t = i * step;
      int j = (int) t;
      double f = t - j;
      float a = x[Math.min(j, x.length - 1)];
      float c = x[Math.min(j + 1, x.length - 1)];
      y[i] = (float) (a + (c - a) * f);
    }
    return y;
  }

  /** A 16-bit mono PCM WAV file of {@code samples} (clipped to [-1, 1]) at {@code rate} Hz. */
  public static byte[] write(float[] samples, int rate) {
    if (rate < 8000 || rate > 96_000) {
      throw new IllegalArgumentException("WAV sample rate must be 8000 to 96000 Hz; got " + rate);
    }
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + 2 * samples.length);
    b.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
    b.putShort((short) 1).putShort((short) 1).putInt(rate).putInt(2 * rate).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(2 * samples.length);
    for (float s : samples) {
      b.putShort((short) Math.round(Math.max(-1f, Math.min(1f, s)) * 32767f));
    }
    return b.array();
  }

  /**
   * {@code bytes} with the RIFF and data sizes set to what the file holds: a WAV written to a pipe
   * (espeak-ng {@code --stdout}) cannot seek back and carries placeholder sizes. Only a file whose
   * last chunk is {@code data} is patched; the array is changed in place and returned.
   */
  static byte[] fixStreamed(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 12 || !tag(bytes, 0).equals("RIFF")) {
      return bytes;
    }
    int p = 12;
    while (p + 8 <= bytes.length) {
      long size = b.getInt(p + 4) & 0xFFFFFFFFL;
      if (tag(bytes, p).equals("data")) {
        if (size > bytes.length - p - 8) {
          b.putInt(p + 4, bytes.length - p - 8);
          b.putInt(4, bytes.length - 8);
        }
        return bytes;
      }
      p += 8 + (int) Math.min(size, bytes.length) + (int) (size & 1);
    }
    return bytes;
  }

  private static String tag(byte[] b, int at) {
    return new String(b, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static IllegalArgumentException bad(String what, String rule) {
    return new IllegalArgumentException(what + " " + rule);
  }
}
