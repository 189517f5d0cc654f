package io.vivarium.lab.soup;

import io.vivarium.worlds.soup.SoupRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The metrics rows a soup run appends to {@code DIR/soup.csv}, read as columns for charts. A line
 * being written (a short or unparsable last line) is skipped, so it can be read while
 * {@code vivarium soup} appends to it. Stateless.
 */
public final class SoupCurves {
  private SoupCurves() {}

  /**
   * The CSV's columns.
   *
   * @param names the header's column names
   * @param rows the rows, each as many numbers as names, in file order (at most the newest asked for)
   */
  public record Table(List<String> names, List<double[]> rows) {
    public Table {
      names = List.copyOf(names);
      rows = List.copyOf(rows);
    }
  }

  /** The newest {@code max} rows of {@code DIR/soup.csv}; an empty table when the file is missing. */
  public static Table read(Path dir, int max) throws IOException {
    if (max < 1) {
      throw new IllegalArgumentException("soup curves: the number of rows must be >= 1; got " + max);
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(dir.resolve(SoupRun.CSV), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new Table(List.of(), List.of());
    }
    if (lines.isEmpty() || !lines.get(0).startsWith("epoch,")) {
      return new Table(List.of(), List.of());
    }
    List<String> names = Arrays.asList(lines.get(0).split(","));
    List<double[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      double[] row = parse(line, names.size());
      if (row != null) {
        rows.add(row);
      }
    }
    return new Table(names, rows.subList(Math.max(0, rows.size() - max), rows.size()));
  }

  private static double[] parse(String line, int columns) {
    String[] cells = line.split(",", -1);
    if (cells.length != columns) {
      return null;
    }
    double[] row = new double[columns];
    try {
      for (int i = 0; i < columns; i++) {
        row[i] = Double.parseDouble(cells[i]);
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return row;
  }
}
