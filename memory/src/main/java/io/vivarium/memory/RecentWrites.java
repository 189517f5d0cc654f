package io.vivarium.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * Entries stored since the last near-real-time refresh began, so that near-duplicate merging
 * also sees what recalls cannot see yet. Thread-safe (all methods synchronized); kept small by
 * the refresh interval.
 */
final class RecentWrites {
  /** One recent write: its id, kind, unit vector and fitness, and when it was added. */
  record Recent(long id, String kind, float[] vector, double fitness, long seq) {}

  private final List<Recent> items = new ArrayList<>();
  private long seq;

  synchronized void add(long id, String kind, float[] vector, double fitness) {
    items.add(new Recent(id, kind, vector, fitness, seq++));
  }

  synchronized void remove(long id) {
    items.removeIf(r -> r.id() == id);
  }

  /** A mark to pass to {@link #dropBefore} once a refresh that began now has finished. */
  synchronized long mark() {
    return seq;
  }

  /** Forgets the writes added before {@code mark}: the refreshed reader shows them. */
  synchronized void dropBefore(long mark) {
    items.removeIf(r -> r.seq() < mark);
  }

  /** The most similar recent write of {@code kind}, or {@code null}; {@code vector} is unit. */
  synchronized Recent nearest(String kind, float[] vector, double[] similarityOut) {
    Recent best = null;
    double bestSim = Double.NEGATIVE_INFINITY;
    for (Recent r : items) {
      if (r.kind().equals(kind)) {
        double sim = Vectors.dot(vector, r.vector());
        if (sim > bestSim) {
          bestSim = sim;
          best = r;
        }
      }
    }
    similarityOut[0] = bestSim;
    return best;
  }

  synchronized int size() {
    return items.size();
  }
}
