package io.vivarium.core.tb;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes TensorBoard's {@code Event} protobuf with protobuf-java's {@link CodedOutputStream}:
 * {@code wall_time = 1} (double, seconds), {@code step = 2} (int64), {@code file_version = 3}
 * (string) and {@code summary = 5} holding one {@code value = 1} with {@code tag = 1} and either
 * {@code simple_value = 2} (float) or {@code histo = 5} ({@code HistogramProto}: {@code min = 1},
 * {@code max = 2}, {@code num = 3}, {@code sum = 4}, {@code sum_squares = 5}, packed
 * {@code bucket_limit = 6} and {@code bucket = 7}). Stateless.
 */
public final class EventProto {
  /** The version the first record of every file names. */
  public static final String FILE_VERSION = "brain.Event:2";

  private EventProto() {}

  /** The first event of a file: its version. */
  public static byte[] fileVersion(double wallTime) {
    return encode(out -> {
      out.writeDouble(1, wallTime);
      out.writeString(3, FILE_VERSION);
    });
  }

  /** An event holding one scalar. */
  public static byte[] scalar(double wallTime, long step, String tag, float value) {
    byte[] v = encode(out -> {
      out.writeString(1, tag);
      out.writeFloat(2, value);
    });
    return summary(wallTime, step, v);
  }

  /** An event holding one histogram. */
  public static byte[] histogram(double wallTime, long step, String tag, Histogram h) {
    byte[] histo = encode(out -> {
      out.writeDouble(1, h.min());
      out.writeDouble(2, h.max());
      out.writeDouble(3, h.num());
      out.writeDouble(4, h.sum());
      out.writeDouble(5, h.sumSquares());
      packed(out, 6, h.limits());
      packed(out, 7, h.counts());
    });
    byte[] v = encode(out -> {
      out.writeString(1, tag);
      out.writeByteArray(5, histo);
    });
    return summary(wallTime, step, v);
  }

  private static byte[] summary(double wallTime, long step, byte[] value) {
    byte[] summary = encode(out -> out.writeByteArray(1, value));
    return encode(out -> {
      out.writeDouble(1, wallTime);
      out.writeInt64(2, step);
      out.writeByteArray(5, summary);
    });
  }

  private static void packed(CodedOutputStream out, int field, double[] values) throws IOException {
    if (values.length == 0) {
      return;
    }
    out.writeTag(field, 2); // length-delimited
    out.writeUInt32NoTag(values.length * 8);
    for (double d : values) {
      out.writeDoubleNoTag(d);
    }
  }

  /** Writes fields into a fresh message. */
  private interface Fields {
    void write(CodedOutputStream out) throws IOException;
  }

  private static byte[] encode(Fields fields) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      fields.write(out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }
}
