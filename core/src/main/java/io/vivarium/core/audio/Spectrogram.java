package io.vivarium.core.audio;

import io.vivarium.core.world.Image;

/**
 * The picture a brain hears: a log-mel spectrogram of a {@value Wav#RATE} Hz recording, as a
 * grayscale {@link Image} of width {@code frames} and height {@code bands}, read by brains through
 * the usual picture patches.
 *
 * <p>The transform (docs/audio.md): (1) frames of {@value #WINDOW} samples (25 ms) every
 * {@value #HOP} samples (10 ms), each multiplied by a Hann window and zero-padded to a
 * {@value #FFT}-point FFT; (2) the power spectrum |X|² / (Σ window)²; (3) {@code bands}
 * triangular mel filters (HTK mel scale, mel = 2595 log10(1 + f / 700)) from {@value #LOW_HZ} Hz to
 * 8 kHz; (4) dB = 10 log10(energy + 1e-10); (5) alignment: the picture starts at the first frame
 * whose total energy is within {@value #ONSET_DB} dB of the loudest frame's, so leading silence does
 * not use up the window; (6) a fixed duration: {@code frames} columns, a shorter recording padded
 * with black, a longer one cropped; (7) bytes: 255 at the loudest mel value, 0 at
 * {@value #RANGE_DB} dB below it or lower — a recording whose loudest value is below
 * {@value #SILENCE_DB} dB (digital silence) is all black. Row 0 is the highest band (low
 * frequencies at the bottom, as people draw spectrograms). Deterministic; immutable and
 * thread-safe.
 *
 * @param bands mel bands, the picture's height (4 to 64)
 * @param frames columns, the picture's width (1 to 1000); 64 columns hold 0.655 s
 */
public record Spectrogram(int bands, int frames) {
  /** Window length in samples (25 ms). */
  public static final int WINDOW = 400;
  /** Hop in samples (10 ms). */
  public static final int HOP = 160;
  /** FFT size. */
  public static final int FFT = 512;
  /** The lowest mel filter edge, Hz. */
  public static final int LOW_HZ = 20;
  /** The dB range mapped onto the bytes 0 to 255. */
  public static final int RANGE_DB = 80;
  /** Frames quieter than the loudest by more than this are leading silence. */
  public static final int ONSET_DB = 25;
  /** Loudest values below this are silence. */
  public static final int SILENCE_DB = -90;

  public Spectrogram {
    if (bands < 4 || bands > 64) {
      throw new IllegalArgumentException("spectrogram bands must be between 4 and 64; got " + bands);
    }
    if (frames < 1 || frames > 1000) {
      throw new IllegalArgumentException("spectrogram frames must be between 1 and 1000; got " + frames);
    }
  }

  /** The picture of {@code samples} (mono, {@value Wav#RATE} Hz, in [-1, 1]). */
  public Image image(float[] samples) {
    float[][] db = logMel(samples); // (frames of the recording, bands)
    float top = Float.NEGATIVE_INFINITY;
    for (float[] f : db) {
      for (float v : f) {
        top = Math.max(top, v);
      }
    }
    int start = onset(db);
    byte[] rgb = new byte[frames * bands * 3]; // (H = bands, W = frames, 3)
    if (top >= SILENCE_DB) {
      for (int x = 0; x < frames && start + x < db.length; x++) {
        for (int m = 0; m < bands; m++) {
          double v = (db[start + x][m] - (top - RANGE_DB)) / RANGE_DB;
          byte g = (byte) Math.round(255 * Math.max(0, Math.min(1, v)));
          int i = ((bands - 1 - m) * frames + x) * 3;
          rgb[i] = g;
          rgb[i + 1] = g;
          rgb[i + 2] = g;
        }
      }
    }
    return new Image(frames, bands, rgb);
  }

  /** The log-mel energies in dB, shape (F, bands), F = frames of the whole recording (at least 1). */
  public float[][] logMel(float[] samples) {
    int count = samples.length <= WINDOW ? 1 : 1 + (samples.length - WINDOW + HOP - 1) / HOP;
    float[][] filters = filters(); // (bands, FFT / 2 + 1)
    float[][] out = new float[count][bands];
    double[] re = new double[FFT];
    double[] im = new double[FFT];
    double norm = 0;
    for (int i = 0; i < WINDOW; i++) {
      norm += hann(i);
    }
    for (int f = 0; f < count; f++) {
      java.util.Arrays.fill(re, 0);
      java.util.Arrays.fill(im, 0);
      for (int i = 0; i < WINDOW; i++) {
        int s = f * HOP + i;
        re[i] = s < samples.length ? samples[s] * hann(i) : 0;
      }
      Fft.transform(re, im);
      for (int m = 0; m < bands; m++) {
        double e = 0;
        for (int k = 0; k <= FFT / 2; k++) {
          if (filters[m][k] != 0) {
            e += filters[m][k] * (re[k] * re[k] + im[k] * im[k]) / (norm * norm);
          }
        }
        out[f][m] = (float) (10 * Math.log10(e + 1e-10));
      }
    }
    return out;
  }

  /** The band whose filter peaks nearest {@code hz}. */
  public int band(double hz) {
    double lo = mel(LOW_HZ);
    double hi = mel(Wav.RATE / 2.0);
    double step = (hi - lo) / (bands + 1);
    int m = (int) Math.round((mel(hz) - lo) / step) - 1;
    return Math.max(0, Math.min(bands - 1, m));
  }

  /** The first frame within {@value #ONSET_DB} dB of the loudest frame (total energy). */
  private static int onset(float[][] db) {
    double[] total = new double[db.length];
    double loudest = Double.NEGATIVE_INFINITY;
    for (int f = 0; f < db.length; f++) {
      for (float v : db[f]) {
        total[f] += Math.pow(10, v / 10);
      }
      total[f] = 10 * Math.log10(total[f]);
      loudest = Math.max(loudest, total[f]);
    }
    for (int f = 0; f < db.length; f++) {
      if (total[f] >= loudest - ONSET_DB) {
        return f;
      }
    }
    return 0;
  }

  /** Triangular mel filters (bands, FFT / 2 + 1), peaks 1, evenly spaced in mel. */
  private float[][] filters() {
    double lo = mel(LOW_HZ);
    double hi = mel(Wav.RATE / 2.0);
    double[] edges = new double[bands + 2]; // Hz
    for (int i = 0; i < edges.length; i++) {
      edges[i] = hz(lo + (hi - lo) * i / (bands + 1));
    }
    float[][] w = new float[bands][FFT / 2 + 1];
    for (int m = 0; m < bands; m++) {
      for (int k = 0; k <= FFT / 2; k++) {
        double f = (double) k * Wav.RATE / FFT;
        double up = (f - edges[m]) / (edges[m + 1] - edges[m]);
        double down = (edges[m + 2] - f) / (edges[m + 2] - edges[m + 1]);
        w[m][k] = (float) Math.max(0, Math.min(up, down));
      }
    }
    return w;
  }

  private static double hann(int i) {
    return 0.5 - 0.5 * Math.cos(2 * Math.PI * i / WINDOW);
  }

  static double mel(double hz) {
    return 2595 * Math.log10(1 + hz / 700);
  }

  static double hz(double mel) {
    return 700 * (Math.pow(10, mel / 2595) - 1);
  }
}
