package io.vivarium.brain.grow;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.model.Weights;
import io.vivarium.brain.tensor.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A brain after a {@link Growth}: its shape, its parameter values (one array per {@link
 * Weights#layout} entry of the shape, in layout order) and one line saying what changed.
 * Immutable by convention (the arrays are not copied); thread-safe to share once built.
 */
public record Grown(BrainShape shape, Map<String, float[]> weights, String description) {
  public Grown {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(description, "description");
    Map<String, Shape> layout = Weights.layout(shape);
    Map<String, float[]> ordered = new LinkedHashMap<>();
    for (Map.Entry<String, Shape> e : layout.entrySet()) {
      float[] v = weights.get(e.getKey());
      if (v == null || v.length != e.getValue().size()) {
        throw new IllegalArgumentException("grown parameter " + e.getKey() + " needs "
            + e.getValue().size() + " values of shape " + e.getValue() + "; got "
            + (v == null ? "none" : v.length));
      }
      ordered.put(e.getKey(), v);
    }
    if (weights.size() != layout.size()) {
      throw new IllegalArgumentException("grown weights have " + weights.size()
          + " parameters but the shape's layout has " + layout.size());
    }
    weights = Collections.unmodifiableMap(ordered);
  }

  /** Number of scalar parameters. */
  public long count() {
    long n = 0;
    for (float[] v : weights.values()) {
      n += v.length;
    }
    return n;
  }
}
