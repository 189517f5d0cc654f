package io.vivarium.colony.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The POSIX ustar tar format, just what agent archives need: regular files with names under
 * 100 ASCII bytes, written in order, read back in order with every header's checksum checked.
 * Any {@code tar} program reads what this writes.
 *
 * <p>Stateless; thread-safe.
 */
final class Tar {
  private static final int BLOCK = 512;
  /** The largest entry a reader accepts: an agent's brain is far smaller. */
  static final long MAX_ENTRY = 1L << 30;

  private Tar() {}

  /** Writes {@code entries} (name → content, in order) as a tar stream, closing it with two zero blocks. */
  static void write(Map<String, byte[]> entries, long mtimeMillis, OutputStream out) throws IOException {
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      out.write(header(e.getKey(), e.getValue().length, mtimeMillis / 1000));
      out.write(e.getValue());
      out.write(new byte[pad(e.getValue().length)]);
    }
    out.write(new byte[2 * BLOCK]);
  }

  private static byte[] header(String name, long size, long mtime) {
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    if (n.length == 0 || n.length >= 100 || !name.matches("[A-Za-z0-9._/-]+")) {
      throw new IllegalArgumentException("tar entry name must be 1-99 ASCII letters, digits, '.', '_', '-', '/'; got '"
          + name + "'");
    }
    byte[] h = new byte[BLOCK];
    System.arraycopy(n, 0, h, 0, n.length);
    octal(h, 100, 8, 0644);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, mtime);
    h[156] = '0';
    ascii(h, 257, "ustar\0");
    ascii(h, 263, "00");
    ascii(h, 265, "vivarium");
    ascii(h, 297, "vivarium");
    java.util.Arrays.fill(h, 148, 156, (byte) ' ');
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xFF;
    }
    octal(h, 148, 7, sum); // six digits and a NUL, then the space already there
    return h;
  }

  /**
   * Reads every regular file of a tar stream, in order.
   *
   * @throws IllegalArgumentException naming {@code what} when the stream is not a sound ustar
   *     archive (bad magic or checksum, truncated, oversized, duplicate names)
   */
  static Map<String, byte[]> read(InputStream in, String what) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    while (true) {
      byte[] h = in.readNBytes(BLOCK);
      if (h.length < BLOCK) {
        throw damaged(what, "it ends " + (out.isEmpty() ? "before its first entry's header"
            : "after entry " + last(out)) + ", before the next header or its end (truncated?)");
      }
      if (isZero(h)) {
        return out;
      }
      if (!new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
        throw damaged(what, "entry " + (out.size() + 1) + " has no ustar magic");
      }
      long sum = 0;
      for (int i = 0; i < BLOCK; i++) {
        sum += i >= 148 && i < 156 ? ' ' : h[i] & 0xFF;
      }
      if (parseOctal(h, 148, 8, what) != sum) {
        throw damaged(what, "the header checksum of entry " + (out.size() + 1) + " is wrong");
      }
      String name = cString(h, 0, 100);
      long size = parseOctal(h, 124, 12, what);
      if (size < 0 || size > MAX_ENTRY) {
        throw damaged(what, "entry " + name + " claims " + size + " bytes");
      }
      byte[] data = in.readNBytes((int) size);
      if (data.length < size || in.readNBytes(pad(size)).length < pad(size)) {
        throw damaged(what, "entry " + name + " is cut short (truncated?)");
      }
      byte type = h[156];
      if ((type == '0' || type == 0) && out.put(name, data) != null) {
        throw damaged(what, "entry " + name + " appears twice");
      }
    }
  }

  private static String last(Map<String, byte[]> entries) {
    String name = null;
    for (String n : entries.keySet()) {
      name = n;
    }
    return name;
  }

  private static IllegalArgumentException damaged(String what, String why) {
    return new IllegalArgumentException(what + " is not a sound tar archive: " + why);
  }

  private static int pad(long size) {
    return (int) ((BLOCK - size % BLOCK) % BLOCK);
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  private static void octal(byte[] h, int off, int len, long v) {
    String s = Long.toOctalString(v);
    if (s.length() > len - 1) {
      throw new IllegalArgumentException("value " + v + " does not fit a tar header field of " + len + " bytes");
    }
    ascii(h, off, "0".repeat(len - 1 - s.length()) + s);
  }

  private static long parseOctal(byte[] h, int off, int len, String what) {
    String s = cString(h, off, len).trim();
    try {
      return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    } catch (NumberFormatException e) {
      throw damaged(what, "a header field holds '" + s + "', not an octal number");
    }
  }

  private static void ascii(byte[] h, int off, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, off, b.length);
  }

  private static String cString(byte[] h, int off, int len) {
    int end = off;
    while (end < off + len && h[end] != 0) {
      end++;
    }
    return new String(h, off, end - off, StandardCharsets.US_ASCII);
  }

  /** The whole archive in memory (tests). */
  static byte[] toBytes(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(entries, 0, out);
    return out.toByteArray();
  }
}
