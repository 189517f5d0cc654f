package io.vivarium.colony.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * A table as CSV (RFC 4180): a header of the column names, then one line per row; strings are
 * quoted when they hold a comma, quote or line break; bytes are lower-case hex
 * ({@code bytes.fromhex} in Python); booleans {@code true}/{@code false}; doubles in Java's
 * shortest round-trip form. Lines end with {@code \n}.
 *
 * <p>Not thread-safe.
 */
public final class CsvWriter implements TableWriter {
  private static final HexFormat HEX = HexFormat.of();
  private final Writer out;
  private final List<Column> columns;
  private long rows;

  /** A writer of {@code columns} to {@code out} (UTF-8); writes the header line now. */
  public CsvWriter(OutputStream out, List<Column> columns) throws IOException {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a CSV table needs at least one column");
    }
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    this.columns = List.copyOf(columns);
    for (int i = 0; i < columns.size(); i++) {
      this.out.write(i == 0 ? "" : ",");
      this.out.write(columns.get(i).name());
    }
    this.out.write('\n');
  }

  @Override
  public void write(Object... row) throws IOException {
    if (row.length != columns.size()) {
      throw new IllegalArgumentException("a row needs " + columns.size() + " values; got " + row.length);
    }
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      Object v = columns.get(i).check(row[i]);
      out.write(switch (v) {
        case byte[] b -> HEX.formatHex(b);
        case String s -> quote(s);
        default -> String.valueOf(v);
      });
    }
    out.write('\n');
    rows++;
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }

  private static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
