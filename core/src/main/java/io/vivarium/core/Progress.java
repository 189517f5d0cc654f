package io.vivarium.core;

/**
 * How far a long piece of work has come, reported by the code doing it and shown by whoever
 * started it: the {@code vivarium} command draws a bar with total and ETA on a terminal and
 * plain lines otherwise; tests and library callers pass {@link Tracker#NONE}.
 *
 * <p>Use: take a {@link Tracker} (the cli passes one), open one {@code Progress} per task with
 * its total, advance it as units finish, close it when the task ends (try-with-resources):
 *
 * <pre>{@code
 * try (Progress p = tracker.start("train lm", iters, "iterations")) {
 *   for (int it = 0; it < iters; it++) {
 *     step();
 *     p.advance(1);
 *     p.note("loss " + loss);   // optional: a few words beside the bar
 *   }
 * }
 * }</pre>
 *
 * <p>A {@code Progress} is used from one thread at a time; it never throws on misuse (going past
 * the total, advancing after close) since a report must not fail the work it reports on.
 */
public interface Progress extends AutoCloseable {
  /** The work advanced by {@code units} (at least 0). */
  void advance(long units);

  /** The work is {@code done} units along (for work that knows its running total). */
  void advanceTo(long done);

  /** A few words shown beside the count, e.g. {@code "loss 1.234"}; replaces the previous note. */
  default void note(String text) {}

  /** The task ended (done or stopped); the bar is completed or removed. */
  @Override
  void close();

  /** A progress that shows nothing. */
  Progress NONE = new Progress() {
    @Override
    public void advance(long units) {}

    @Override
    public void advanceTo(long done) {}

    @Override
    public void close() {}
  };

  /** Starts progress reports; the caller that shows them (the cli) decides how. */
  @FunctionalInterface
  interface Tracker {
    /**
     * One task's progress.
     *
     * @param task what is being done, e.g. {@code "train lm"}
     * @param total how many units make the task; 0 or less when unknown (no ETA then)
     * @param unit the units' name, plural, e.g. {@code "iterations"}, {@code "episodes"}
     */
    Progress start(String task, long total, String unit);

    /** A tracker whose progress shows nothing. */
    Tracker NONE = (task, total, unit) -> Progress.NONE;
  }
}
