package io.vivarium.worlds.exec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The wire format between the JVM and {@code vivarium-exec}, mirroring
 * {@code src/main/c/protocol.h}: little-endian, magic number and version in every frame.
 * Stateless and thread-safe.
 */
public final class ExecProtocol {
  /** Format version; both sides reject any other. */
  public static final int VERSION = 2;
  static final int HELLO_MAGIC = 0x48455856; // "VXEH"
  static final int REQUEST_MAGIC = 0x51455856; // "VXEQ"
  static final int REPLY_MAGIC = 0x52455856; // "VXER"
  /** Largest program the executor accepts. */
  public static final int MAX_PROGRAM = 1 << 20;
  /** Output bytes kept in a reply. */
  public static final int OUTPUT_SLOTS = 4096;
  /** Histogram slots per ABI; numbers at or above 1023 share the last slot. */
  public static final int HIST_SLOTS = 1024;
  /** Virtual address the ELF is loaded at; the code starts {@link #CODE_OFFSET} bytes later. */
  public static final long LOAD_ADDRESS = 0x400000L;
  /** File offset (and offset from {@link #LOAD_ADDRESS}) of the first code byte: the entry. */
  public static final int CODE_OFFSET = 120;
  /** Bytes of the hello frame. */
  public static final int HELLO_SIZE = 256;
  /** Bytes of a request header. */
  public static final int REQUEST_HEADER = 12;
  static final int REPLY_HEADER = 56;
  /** Bytes of a reply frame. */
  public static final int REPLY_SIZE = REPLY_HEADER + OUTPUT_SLOTS + 3 * 4 * HIST_SLOTS;

  private static final int EXITED = 1;
  private static final int SIGNALED = 2;
  private static final int TIMEOUT = 4;
  private static final int BUDGET = 8;
  private static final int OUTPUT_CAP = 16;
  private static final int SETUP_ERROR = 32;

  private ExecProtocol() {}

  /** Writes the request header for a program of {@code length} bytes into {@code out}. */
  static void requestHeader(byte[] out, ExecMode mode, int length) {
    requestHeader(out, mode.ordinal(), length);
  }

  /**
   * Writes a request header of request kind {@code mode} (protocol.h's {@code MODE_*}) for a
   * payload of {@code length} bytes into {@code out}, which has {@link #REQUEST_HEADER} bytes.
   */
  public static void requestHeader(byte[] out, int mode, int length) {
    ByteBuffer b = ByteBuffer.wrap(out, 0, REQUEST_HEADER).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(REQUEST_MAGIC).putShort((short) VERSION).putShort((short) mode).putInt(length);
  }

  /** The status message of a hello frame; throws when the executor could not build its sandbox. */
  public static String hello(byte[] frame) {
    ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
    int magic = b.getInt();
    int version = b.getShort() & 0xFFFF;
    int status = b.getShort() & 0xFFFF;
    checkFrame("hello", magic, HELLO_MAGIC, version);
    byte[] text = Arrays.copyOfRange(frame, 8, HELLO_SIZE);
    int end = 0;
    while (end < text.length && text[end] != 0) {
      end++;
    }
    String message = new String(text, 0, end, StandardCharsets.UTF_8);
    if (status != 0) {
      throw new IllegalStateException("the exec sandbox could not start: " + message);
    }
    return message;
  }

  /** Decodes one reply frame of {@link #REPLY_SIZE} bytes. */
  public static ExecOutcome reply(byte[] frame) {
    ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
    checkFrame("reply", b.getInt(), REPLY_MAGIC, b.getShort() & 0xFFFF);
    int flags = b.getShort() & 0xFFFF;
    int exitCode = b.getInt();
    int signal = b.getInt();
    long wall = b.getLong();
    long cpu = b.getLong();
    int syscalls = b.getInt();
    int denied = b.getInt();
    int outputTotal = b.getInt();
    int outputLen = Math.min(b.getInt(), OUTPUT_SLOTS);
    int files = b.getInt();
    byte[] output = Arrays.copyOfRange(frame, REPLY_HEADER, REPLY_HEADER + outputLen);
    int[] hist = new int[3 * HIST_SLOTS]; // (3, 1024)
    b.position(REPLY_HEADER + OUTPUT_SLOTS);
    b.asIntBuffer().get(hist);
    boolean setup = (flags & SETUP_ERROR) != 0;
    return new ExecOutcome((flags & EXITED) != 0, (flags & EXITED) != 0 ? exitCode : 0,
        (flags & SIGNALED) != 0 ? signal : 0, (flags & TIMEOUT) != 0, (flags & BUDGET) != 0,
        (flags & OUTPUT_CAP) != 0, setup ? Math.max(1, exitCode) : 0, wall, cpu, syscalls,
        denied, outputTotal, output, files, hist);
  }

  /** Throws unless a frame's magic and version are the expected ones. */
  public static void checkFrame(String what, int magic, int expected, int version) {
    if (magic != expected) {
      throw new IllegalStateException(String.format(
          "exec sandbox %s frame has magic 0x%08x, expected 0x%08x: executor and JVM disagree",
          what, magic, expected));
    }
    if (version != VERSION) {
      throw new IllegalStateException("exec sandbox " + what + " frame has format version "
          + version + "; this JVM reads version " + VERSION + ": rebuild the worlds module");
    }
  }
}
