package io.vivarium.worlds.soup;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;

/**
 * The compressed size of a soup, the Kolmogorov-complexity estimate of its high-order entropy.
 * {@link #brotli()} is cubff's: Brotli at quality 2 with a 2^24-byte window, generic mode (through
 * brotli4j's bundled native library); {@link #deflate()} (the JDK's, level 6) stands in where that
 * library cannot load — it compresses worse, so its high-order entropy reads lower than cubff's.
 * Thread-safe.
 */
public interface Compressor {
  /** The compressed size of {@code data} in bytes. */
  int size(byte[] data);

  /** A short name for reports. */
  String name();

  /** cubff's Brotli settings, or {@link #deflate()} when the native library is missing. */
  static Compressor best() {
    return Brotli4jLoader.isAvailable() ? brotli() : deflate();
  }

  /** Brotli, quality 2, window 24, generic: as cubff. Fails with one line if the library is missing. */
  static Compressor brotli() {
    if (!Brotli4jLoader.isAvailable()) {
      throw new IllegalStateException("the Brotli native library did not load (" + Brotli4jLoader.getUnavailabilityCause()
          + "); the soup's compressed sizes need it on linux-x86_64, or use Compressor.deflate()");
    }
    Encoder.Parameters params = new Encoder.Parameters().setQuality(2).setWindow(24).setMode(Encoder.Mode.GENERIC);
    return new Compressor() {
      @Override
      public int size(byte[] data) {
        try {
          return Encoder.compress(data, params).length;
        } catch (IOException e) {
          throw new UncheckedIOException("Brotli failed on " + data.length + " bytes: " + e.getMessage(), e);
        }
      }

      @Override
      public String name() {
        return "brotli-q2-w24";
      }
    };
  }

  /** The JDK's Deflater at its default level: the fallback. */
  static Compressor deflate() {
    return new Compressor() {
      @Override
      public int size(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
          d.setInput(data);
          d.finish();
          byte[] buf = new byte[1 << 16];
          int total = 0;
          while (!d.finished()) {
            total += d.deflate(buf);
          }
          return total;
        } finally {
          d.end();
        }
      }

      @Override
      public String name() {
        return "deflate-6";
      }
    };
  }
}
