package io.vivarium.memory;

/**
 * Fits a key to a memory's width. A memory's vector dimension is decided once, by whoever
 * creates it (a colony: its brains' width; {@code vivarium memory add-fact}: the text
 * embedding's), and recorded in the index; every writer and reader after that fits its keys to
 * it. A narrower key is padded with zeros (cosine similarities between padded keys are exactly
 * those of the originals); a wider one is folded, component {@code i} added to component
 * {@code i mod dimension} (similarities are approximately kept). Stateless and thread-safe.
 */
public final class KeyWidth {
  private KeyWidth() {}

  /** {@code key} fitted to {@code dimension} components; {@code key} itself when it fits already. */
  public static float[] fit(float[] key, int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("a memory's dimension must be at least 1; got " + dimension);
    }
    if (key.length == dimension) {
      return key;
    }
    float[] out = new float[dimension];
    for (int i = 0; i < key.length; i++) {
      out[i % dimension] += key[i];
    }
    return out;
  }
}
