package io.vivarium.colony.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Parquet file written as the format documents it (https://parquet.apache.org/docs/file-format/):
 * {@code PAR1}, row groups of one uncompressed PLAIN data page (v1) per column, then the
 * {@code FileMetaData} footer in Thrift compact encoding, its length and {@code PAR1}. Every
 * column is required and flat, so pages carry no repetition or definition levels; strings are
 * {@code BYTE_ARRAY} annotated UTF-8 (logical type STRING). Readers such as DuckDB, pyarrow and
 * pandas read it.
 *
 * <p>Why not parquet-hadoop: its {@code ParquetWriter} still builds a Hadoop {@code Configuration}
 * (apache/parquet-java#2938), which with its own codecs adds about 67 MB to the distribution;
 * docs/interop.md has the numbers.
 *
 * <p>Not thread-safe.
 */
public final class ParquetWriter implements TableWriter {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
  private static final long GROUP_BYTES = 64L << 20;

  private final Counting out;
  private final List<Column> columns;
  private final int rowsPerGroup;
  private final Buffer[] buffers;
  private final List<byte[]> groups = new ArrayList<>(); // each RowGroup, Thrift-encoded
  private int groupRows;
  private long rows;
  private boolean finished;

  /**
   * A writer of {@code columns} to {@code out}, at most {@code rowsPerGroup} rows per row group
   * (fewer when the group's values pass 64 MiB).
   */
  public ParquetWriter(OutputStream out, List<Column> columns, int rowsPerGroup) throws IOException {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a Parquet table needs at least one column");
    }
    if (rowsPerGroup < 1) {
      throw new IllegalArgumentException("rows per row group must be at least 1; got " + rowsPerGroup);
    }
    this.out = new Counting(out);
    this.columns = List.copyOf(columns);
    this.rowsPerGroup = rowsPerGroup;
    this.buffers = new Buffer[columns.size()];
    for (int i = 0; i < buffers.length; i++) {
      buffers[i] = new Buffer();
    }
    this.out.write(MAGIC);
  }

  @Override
  public void write(Object... row) throws IOException {
    if (finished) {
      throw new IllegalStateException("the Parquet file is finished; no rows may follow");
    }
    if (row.length != columns.size()) {
      throw new IllegalArgumentException("a row needs " + columns.size() + " values; got " + row.length);
    }
    long size = 0;
    for (int i = 0; i < row.length; i++) {
      Column c = columns.get(i);
      append(buffers[i], c.type(), groupRows, c.check(row[i]));
      size += buffers[i].size();
    }
    groupRows++;
    rows++;
    if (groupRows == rowsPerGroup || size >= GROUP_BYTES) {
      flushGroup();
    }
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public void finish() throws IOException {
    if (finished) {
      return;
    }
    flushGroup();
    byte[] footer = footer();
    out.write(footer);
    out.write(new byte[] {(byte) footer.length, (byte) (footer.length >>> 8), (byte) (footer.length >>> 16),
        (byte) (footer.length >>> 24)});
    out.write(MAGIC);
    out.flush();
    finished = true;
  }

  private static void append(Buffer b, Column.Type type, int index, Object v) {
    switch (type) {
      case BOOLEAN -> {
        if (index % 8 == 0) {
          b.write(0);
        }
        if ((Boolean) v) {
          b.orLast(1 << (index % 8));
        }
      }
      case INT32 -> b.le((Integer) v, 4);
      case INT64 -> b.le((Long) v, 8);
      case DOUBLE -> b.le(Double.doubleToRawLongBits((Double) v), 8);
      case BYTES -> b.bytes((byte[]) v);
      case STRING -> b.bytes(((String) v).getBytes(StandardCharsets.UTF_8));
    }
  }

  private void flushGroup() throws IOException {
    if (groupRows == 0) {
      return;
    }
    ThriftCompact g = new ThriftCompact().list(1, ThriftCompact.STRUCT, columns.size());
    long total = 0;
    long first = out.position();
    for (int i = 0; i < columns.size(); i++) {
      byte[] values = buffers[i].toByteArray();
      buffers[i].reset();
      byte[] header = new ThriftCompact().i32(1, 0).i32(2, values.length).i32(3, values.length)
          .struct(5).i32(1, groupRows).i32(2, 0).i32(3, 3).i32(4, 3).end().end().bytes();
      long offset = out.position();
      out.write(header);
      out.write(values);
      long size = header.length + (long) values.length;
      total += size;
      Column c = columns.get(i);
      g.begin().i64(2, offset).struct(3).i32(1, physical(c.type())).list(2, ThriftCompact.I32, 1).i32Element(0)
          .list(3, ThriftCompact.BINARY, 1).stringElement(c.name()).i32(4, 0).i64(5, groupRows).i64(6, size)
          .i64(7, size).i64(9, offset).end().end();
    }
    g.i64(2, total).i64(3, groupRows).i64(5, first).i64(6, total).end();
    groups.add(g.bytes());
    groupRows = 0;
  }

  private byte[] footer() {
    ThriftCompact f = new ThriftCompact().i32(1, 1).list(2, ThriftCompact.STRUCT, columns.size() + 1);
    f.begin().string(4, "schema").i32(5, columns.size()).end();
    for (Column c : columns) {
      f.begin().i32(1, physical(c.type())).i32(3, 0).string(4, c.name());
      if (c.type() == Column.Type.STRING) {
        f.i32(6, 0).struct(10).struct(1).end().end(); // converted UTF8, logical STRING
      }
      f.end();
    }
    f.i64(3, rows).list(4, ThriftCompact.STRUCT, groups.size());
    for (byte[] g : groups) {
      f.raw(g); // each row group is a complete struct, encoded as it was flushed
    }
    return f.string(6, "vivarium episodes export").end().bytes();
  }

  private static int physical(Column.Type t) {
    return switch (t) {
      case BOOLEAN -> 0;
      case INT32 -> 1;
      case INT64 -> 2;
      case DOUBLE -> 5;
      case BYTES, STRING -> 6;
    };
  }

  /** A growable byte buffer with little-endian writes. */
  private static final class Buffer extends ByteArrayOutputStream {
    void le(long v, int n) {
      for (int i = 0; i < n; i++) {
        write((int) (v >>> (8 * i)));
      }
    }

    void bytes(byte[] b) {
      le(b.length, 4);
      write(b, 0, b.length);
    }

    void orLast(int bits) {
      buf[count - 1] |= (byte) bits;
    }
  }

  /** Counts the bytes written so page offsets can be recorded. */
  private static final class Counting extends OutputStream {
    private final OutputStream out;
    private long position;

    Counting(OutputStream out) {
      this.out = out;
    }

    long position() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      position += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }
  }
}
