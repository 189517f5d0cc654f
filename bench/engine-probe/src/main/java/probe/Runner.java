package probe;

/**
 * One engine's model, data and optimiser for one {@link Spec}: each {@link #step()} is one full
 * update (forward, loss, backward, clip, AdamW). Not thread-safe: one thread uses one runner.
 */
interface Runner extends AutoCloseable {

  /** Runs one update and returns its loss (read back to the JVM, so the step has finished). */
  float step();

  @Override
  void close();
}
