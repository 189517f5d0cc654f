package io.vivarium.brain.tensor;

import java.util.Arrays;

/** A tensor's dimensions, outermost first. Immutable and thread-safe. */
public final class Shape {
  private final long[] dims;

  public Shape(long... dims) {
    this.dims = dims.clone();
  }

  /** The size of dimension {@code i}; negative counts from the end. */
  public long get(int i) {
    return dims[i < 0 ? dims.length + i : i];
  }

  /** The number of dimensions. */
  public int dimension() {
    return dims.length;
  }

  /** The number of elements: the product of the dimensions (1 for a scalar). */
  public long size() {
    long n = 1;
    for (long d : dims) {
      n *= d;
    }
    return n;
  }

  /** A copy of the dimensions. */
  public long[] getShape() {
    return dims.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape s && Arrays.equals(dims, s.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** As {@code (2, 3)}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < dims.length; i++) {
      b.append(i == 0 ? "" : ", ").append(dims[i]);
    }
    return b.append(')').toString();
  }
}
