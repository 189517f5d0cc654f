package io.vivarium.worlds.listen;

import io.vivarium.core.audio.Speech;
import io.vivarium.core.audio.Wav;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spoken words rendered by espeak-ng once per process and kept (rendering a word takes
 * milliseconds of a process start each; an 8-word preset has 8 × 18 × 5 = 720 clips, about 60 MB
 * of floats at most). Thread-safe: the cache is concurrent and espeak-ng is deterministic, so two
 * threads rendering the same clip keep equal samples.
 */
final class WordClips {
  private static final ConcurrentHashMap<String, float[]> CACHE = new ConcurrentHashMap<>();
  private static final java.util.concurrent.atomic.AtomicLong NANOS = new java.util.concurrent.atomic.AtomicLong();

  private WordClips() {}

  /** {@code word} spoken by {@code voice} as mono samples at {@value Wav#RATE} Hz; shared, read-only. */
  static float[] of(String word, Speech.Voice voice) {
    String key = word + '|' + voice.name() + '|' + voice.speed() + '|' + voice.pitch();
    return CACHE.computeIfAbsent(key, k -> {
      long start = System.nanoTime();
      float[] x = Wav.read(Speech.render(word, voice), "espeak-ng's '" + word + "'");
      NANOS.addAndGet(System.nanoTime() - start);
      return x;
    });
  }

  /** Seconds spent rendering the cached clips (wall clock, summed over threads). */
  static double seconds() {
    return NANOS.get() / 1e9;
  }

  /** Clips rendered so far in this process. */
  static int cached() {
    return CACHE.size();
  }
}
