package io.vivarium.colony.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The Thrift compact protocol, write side only, as much of it as Parquet's metadata needs
 * (https://github.com/apache/thrift/blob/master/doc/specs/thrift-compact-protocol.md): field
 * headers with id deltas, zigzag varints, binaries, lists and nested structs.
 *
 * <p>Not thread-safe; one per encoded message.
 */
final class ThriftCompact {
  static final int BOOL_TRUE = 1;
  static final int BOOL_FALSE = 2;
  static final int I32 = 5;
  static final int I64 = 6;
  static final int BINARY = 8;
  static final int LIST = 9;
  static final int STRUCT = 12;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Deque<Integer> lastIds = new ArrayDeque<>();
  private int lastId;

  /** The encoded bytes so far. */
  byte[] bytes() {
    return out.toByteArray();
  }

  ThriftCompact i32(int id, int v) {
    header(id, I32);
    varint(zigzag(v));
    return this;
  }

  ThriftCompact i64(int id, long v) {
    header(id, I64);
    varint(zigzag(v));
    return this;
  }

  ThriftCompact string(int id, String v) {
    header(id, BINARY);
    binary(v.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  ThriftCompact bool(int id, boolean v) {
    header(id, v ? BOOL_TRUE : BOOL_FALSE);
    return this;
  }

  /** Opens a struct-valued field; close it with {@link #end()}. */
  ThriftCompact struct(int id) {
    header(id, STRUCT);
    return begin();
  }

  /** Opens a struct that is a list element (no field header); close it with {@link #end()}. */
  ThriftCompact begin() {
    lastIds.push(lastId);
    lastId = 0;
    return this;
  }

  /** Closes the innermost struct (or the message itself when none is open). */
  ThriftCompact end() {
    out.write(0);
    if (!lastIds.isEmpty()) {
      lastId = lastIds.pop();
    }
    return this;
  }

  /** A list-valued field of {@code size} elements of {@code elementType}; write the elements next. */
  ThriftCompact list(int id, int elementType, int size) {
    header(id, LIST);
    if (size < 15) {
      out.write(size << 4 | elementType);
    } else {
      out.write(0xF0 | elementType);
      varint(size);
    }
    return this;
  }

  /** A bare i32 list element. */
  ThriftCompact i32Element(int v) {
    varint(zigzag(v));
    return this;
  }

  /** A list element already encoded (a whole struct from another writer). */
  ThriftCompact raw(byte[] encoded) {
    out.write(encoded, 0, encoded.length);
    return this;
  }

  /** A bare string list element. */
  ThriftCompact stringElement(String v) {
    binary(v.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  private void header(int id, int type) {
    int delta = id - lastId;
    if (delta > 0 && delta <= 15) {
      out.write(delta << 4 | type);
    } else {
      out.write(type);
      varint(zigzag(id));
    }
    lastId = id;
  }

  private void binary(byte[] b) {
    varint(b.length);
    out.write(b, 0, b.length);
  }

  private void varint(long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) (v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }
}
