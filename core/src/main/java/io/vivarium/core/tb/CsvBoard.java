package io.vivarium.core.tb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A learning curve written as CSV rows (a header, then one row per point) turned into scalars of
 * one event file: every numeric column but the step column is a tag, at the step the step column
 * names; text columns (a phase, a metric's name) are left out. The trainers that write
 * {@code FILE.csv} write the same curve here. Not thread-safe.
 */
public final class CsvBoard implements AutoCloseable {
  private final EventFile file;
  private final List<String> columns;
  private final int stepColumn;
  private long lastStep;

  /**
   * A board in {@code dir} for rows under {@code header}, stepped by column {@code step}.
   *
   * @throws IllegalArgumentException when the header has no column {@code step}
   */
  public CsvBoard(Path dir, String header, String step) throws IOException {
    this.columns = List.of(header.split(","));
    this.stepColumn = columns.indexOf(step);
    if (stepColumn < 0) {
      throw new IllegalArgumentException("a curve's header needs the step column '" + step + "'; got '" + header
          + "'");
    }
    this.file = new EventFile(dir, 0);
  }

  /**
   * The board of a trainer's output {@code file} (a brain file, its curve {@code FILE.csv} beside
   * it): in {@code runs/NAME/} beside the file, NAME the file's name without its extension, so
   * {@code tensorboard --logdir DIR/runs} shows every training saved in DIR as a run.
   */
  public static CsvBoard beside(Path file, String header, String step) throws IOException {
    return new CsvBoard(runBeside(file), header, step);
  }

  /** The run directory of a trainer's output {@code file}: {@code runs/NAME/} beside it, NAME without the extension. */
  public static Path runBeside(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String run = dot > 0 ? name.substring(0, dot) : name;
    return file.toAbsolutePath().getParent().resolve("runs").resolve(run);
  }

  /** The event file. */
  public Path path() {
    return file.path();
  }

  /** Writes the numbers of one CSV row. */
  public void row(String csv) {
    String[] cells = csv.split(",", -1);
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException("a curve row needs " + columns.size() + " cells (" + String.join(",", columns)
          + "); got " + cells.length + " in '" + csv + "'");
    }
    long step = (long) Double.parseDouble(cells[stepColumn]);
    lastStep = step;
    long now = System.currentTimeMillis();
    for (int i = 0; i < cells.length; i++) {
      if (i != stepColumn) {
        Double v = number(cells[i]);
        if (v != null && Double.isFinite(v)) {
          file.scalar(columns.get(i), step, v, now);
        }
      }
    }
  }

  /** Writes one more number (a final evaluation's, say) at the last row's step. */
  public void scalar(String tag, double value) {
    file.scalar(tag, lastStep, value, System.currentTimeMillis());
  }

  private static Double number(String cell) {
    try {
      return Double.valueOf(cell);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
