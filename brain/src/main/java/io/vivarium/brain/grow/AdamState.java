package io.vivarium.brain.grow;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.learn.AdamW;
import io.vivarium.brain.model.Weights;
import io.vivarium.brain.tensor.Shape;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AdamW state ({@link AdamW#exportState()}) read by parameter name: the step counter and
 * both moments of every parameter of a shape. Immutable by convention; thread-safe to share.
 *
 * @param steps the optimizer's step counter
 * @param first first moments by parameter name, in layout order
 * @param second second moments by parameter name, in layout order
 */
record AdamState(int steps, Map<String, float[]> first, Map<String, float[]> second) {

  /** Reads {@code bytes} as the state of an optimizer over a brain of shape {@code s}. */
  static AdamState read(BrainShape s, byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    Map<String, Shape> layout = Weights.layout(s);
    Map<String, float[]> m = new LinkedHashMap<>();
    Map<String, float[]> v = new LinkedHashMap<>();
    int steps;
    try {
      if (in.getInt() != AdamW.MAGIC || in.getInt() != AdamW.VERSION) {
        throw refused("it is not an AdamW state of format version " + AdamW.VERSION);
      }
      steps = in.getInt();
      int count = in.getInt();
      if (count != layout.size()) {
        throw refused("it has " + count + " parameters; shape " + oneLine(s) + " has " + layout.size());
      }
      for (Map.Entry<String, Shape> e : layout.entrySet()) {
        long[] dims = new long[in.get()];
        for (int d = 0; d < dims.length; d++) {
          dims[d] = in.getLong();
        }
        if (!Arrays.equals(dims, e.getValue().getShape())) {
          throw refused("parameter " + e.getKey() + " has shape " + new Shape(dims) + ", not "
              + e.getValue() + " (is it the state of a brain of shape " + oneLine(s) + "?)");
        }
        m.put(e.getKey(), floats(in, (int) e.getValue().size()));
        v.put(e.getKey(), floats(in, (int) e.getValue().size()));
      }
    } catch (BufferUnderflowException | NegativeArraySizeException e) {
      throw refused("it is truncated (" + bytes.length + " bytes)");
    }
    return new AdamState(steps, m, v);
  }

  /** The bytes {@link AdamW#importState} reads for a brain of shape {@code s}. */
  byte[] write(BrainShape s) {
    Map<String, Shape> layout = Weights.layout(s);
    long size = 16;
    for (Shape shape : layout.values()) {
      size += 1 + 8L * shape.dimension() + 8 * shape.size();
    }
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(size));
    out.putInt(AdamW.MAGIC).putInt(AdamW.VERSION).putInt(steps).putInt(layout.size());
    for (Map.Entry<String, Shape> e : layout.entrySet()) {
      out.put((byte) e.getValue().dimension());
      for (long d : e.getValue().getShape()) {
        out.putLong(d);
      }
      put(out, first.get(e.getKey()));
      put(out, second.get(e.getKey()));
    }
    return out.array();
  }

  private static void put(ByteBuffer out, float[] values) {
    out.asFloatBuffer().put(values);
    out.position(out.position() + 4 * values.length);
  }

  private static float[] floats(ByteBuffer in, int n) {
    float[] out = new float[n];
    in.asFloatBuffer().get(out);
    in.position(in.position() + 4 * n);
    return out;
  }

  private static String oneLine(BrainShape s) {
    return s.describe().trim().replace('\n', ' ');
  }

  private static IllegalArgumentException refused(String why) {
    return new IllegalArgumentException("optimizer state cannot be grown: " + why);
  }
}
