package io.vivarium.colony.admin;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Agent archives as POSIX ustar tar streams, on Apache Commons Compress: regular files with
 * plain relative names under 100 ASCII bytes, written in order, read back in order. Reading is
 * strict on top of the library: every header's checksum, the end-of-archive block (a cut
 * archive is refused, not read short), a size limit per entry, names that cannot climb out of a
 * directory, no links, no duplicates. Any {@code tar} program reads what this writes.
 *
 * <p>Stateless; thread-safe.
 */
final class Tar {
  private static final int BLOCK = 512;
  /** The largest entry a reader accepts: an agent's brain is far smaller. */
  static final long MAX_ENTRY = 1L << 30;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._/-]{1,99}");
  private static final String NAME_RULE = "1-99 ASCII letters, digits, '.', '_', '-', '/', relative, "
      + "without '.' or '..' parts";

  private Tar() {}

  /** Writes {@code entries} (name → content, in order) as a tar stream, ending it with two zero blocks. */
  static void write(Map<String, byte[]> entries, long mtimeMillis, OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out, BLOCK);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_ERROR);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_ERROR);
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      if (!validName(e.getKey())) {
        throw new IllegalArgumentException("tar entry name must be " + NAME_RULE + "; got '" + e.getKey() + "'");
      }
      TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
      entry.setSize(e.getValue().length);
      entry.setModTime(mtimeMillis);
      entry.setMode(0100644);
      entry.setIds(0, 0);
      entry.setNames("vivarium", "vivarium");
      tar.putArchiveEntry(entry);
      tar.write(e.getValue());
      tar.closeArchiveEntry();
    }
    tar.finish(); // the end blocks; the caller owns (and closes) out
    tar.flush();
  }

  /**
   * Reads every regular file of a tar stream, in order.
   *
   * @throws IllegalArgumentException naming {@code what} when the stream is not a sound ustar
   *     archive (bad magic or checksum, truncated, oversized, a link, a bad or duplicate name)
   */
  static Map<String, byte[]> read(InputStream raw, String what) throws IOException {
    Counted in = new Counted(raw);
    byte[] first = in.peek(BLOCK);
    if (first.length < BLOCK) {
      throw damaged(what, "it ends before its first entry's header (truncated?)");
    }
    if (!isZero(first) && !TarArchiveInputStream.matches(first, BLOCK)) {
      throw damaged(what, "entry 1 has no ustar magic");
    }
    Map<String, byte[]> out = new LinkedHashMap<>();
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    long nextHeader = 0;
    String name = null;
    try {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        name = check(e, out.size() + 1, what);
        byte[] data = tar.readNBytes((int) e.getSize());
        if (data.length < e.getSize()) {
          throw new EOFException("truncated");
        }
        nextHeader = Math.max(nextHeader, in.count() + pad(in.count()));
        if (regular(e) && out.put(name, data) != null) {
          throw damaged(what, "entry " + name + " appears twice");
        }
      }
    } catch (IOException e) {
      String why = String.valueOf(e.getMessage());
      throw damaged(what, why.toLowerCase(Locale.ROOT).contains("truncated")
          ? (name == null ? "it ends inside its first header" : "entry " + name + " is cut short") + " (truncated?)"
          : why + " (entry " + (out.size() + 1) + "; a damaged or foreign file?)");
    }
    if (in.count() < nextHeader + BLOCK) {
      throw damaged(what, "it ends " + (out.isEmpty() ? "before its first entry's header"
          : "after entry " + last(out)) + ", before the next header or its end (truncated?)");
    }
    return out;
  }

  private static String check(TarArchiveEntry e, int index, String what) {
    String name = e.getName();
    if (!e.isCheckSumOK()) {
      throw damaged(what, "the header checksum of entry " + index + " is wrong");
    }
    if (!validName(name)) {
      throw damaged(what, "entry " + index + " is named '" + name + "'; names must be " + NAME_RULE);
    }
    if (!regular(e) && !e.isDirectory()) {
      throw damaged(what, "entry " + name + " is a link or a special file; an archive holds only files");
    }
    if (e.getSize() < 0 || e.getSize() > MAX_ENTRY) {
      throw damaged(what, "entry " + name + " claims " + e.getSize() + " bytes, over the limit of " + MAX_ENTRY);
    }
    return name;
  }

  /** A plain file by its type flag ({@link TarArchiveEntry#isFile()} also says yes to links). */
  private static boolean regular(TarArchiveEntry e) {
    byte type = e.getLinkFlag();
    return (type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM) && !e.isDirectory();
  }

  private static boolean validName(String name) {
    if (!NAME.matcher(name).matches() || name.startsWith("/")) {
      return false;
    }
    for (String part : name.split("/", -1)) {
      if (part.equals(".") || part.equals("..")) {
        return false;
      }
    }
    return true;
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

  /** The whole archive in memory (tests). */
  static byte[] toBytes(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(entries, 0, out);
    return out.toByteArray();
  }

  /** Counts the bytes taken from the archive, and lets its first header be looked at first. */
  private static final class Counted extends FilterInputStream {
    private byte[] pushed = new byte[0];
    private int at;
    private long count;

    Counted(InputStream in) {
      super(in);
    }

    byte[] peek(int n) throws IOException {
      pushed = in.readNBytes(n);
      at = 0;
      return pushed.clone();
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      int n;
      if (at < pushed.length) {
        n = Math.min(len, pushed.length - at);
        System.arraycopy(pushed, at, b, off, n);
        at += n;
      } else {
        n = in.read(b, off, len);
      }
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] sink = new byte[(int) Math.min(n, 8192)];
      long done = 0;
      while (done < n) {
        int r = read(sink, 0, (int) Math.min(sink.length, n - done));
        if (r < 0) {
          break;
        }
        done += r;
      }
      return done;
    }

    @Override
    public int available() throws IOException {
      return pushed.length - at + in.available();
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
