package io.vivarium.colony.export;

import java.io.IOException;

/**
 * Writes rows of a fixed list of {@link Column}s to a stream in one file format. Not
 * thread-safe. {@link #finish()} completes the file (a Parquet footer); it does not close the
 * stream.
 */
public interface TableWriter {
  /** Appends one row, one value per column in order, each of its column's type. */
  void write(Object... row) throws IOException;

  /** Writes whatever the format needs at the end and flushes; no rows may follow. */
  void finish() throws IOException;

  /** Rows written so far. */
  long rows();
}
