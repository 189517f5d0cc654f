package io.vivarium.worlds.exec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The exec world's {@code touch} record (layout in docs/sandbox.md): the outcome of the last
 * run, the step and episode counters, the most frequent system calls, and with machine state the
 * load, free memory and runs (seed 000's "tcpdump vector"). Stateless.
 */
final class TouchRecord {
  /** Bytes of the record without machine state. */
  static final int BYTES = 64;
  /** Bytes machine state adds. */
  static final int MACHINE_BYTES = 16;
  private static final int TOP = 8;

  private TouchRecord() {}

  /** The record of outcome {@code o} (null before the first run) at {@code step}. */
  static byte[] of(ExecOutcome o, int step, long episodeSyscalls, boolean machineState, long runs) {
    ByteBuffer b = ByteBuffer.allocate(BYTES + (machineState ? MACHINE_BYTES : 0)).order(ByteOrder.LITTLE_ENDIAN);
    if (o != null) {
      int flags = (o.exited() ? 1 : 0) | (o.signal() != 0 ? 2 : 0) | (o.timeout() ? 4 : 0)
          | (o.budgetExceeded() ? 8 : 0) | (o.outputCapped() ? 16 : 0) | (o.setupError() != 0 ? 32 : 0);
      b.put((byte) flags).put((byte) o.exitCode()).put((byte) o.signal())
          .put((byte) Math.min(o.files(), 255));
      b.putInt(o.syscalls()).putInt(o.denied()).putInt(o.outputBytes());
    } else {
      b.position(16);
    }
    b.putInt(step).putInt((int) Math.min(episodeSyscalls, Integer.MAX_VALUE));
    if (o != null) {
      putTop(b, o.histogram());
    }
    if (machineState) {
      b.position(BYTES);
      putMachineState(b, runs);
    }
    return b.array();
  }

  /** The {@value #TOP} most frequent calls: ABI byte, number u16, count u16 (saturated). */
  private static void putTop(ByteBuffer b, int[] hist) {
    int[] order = new int[TOP];
    Arrays.fill(order, -1);
    for (int i = 0; i < hist.length; i++) {
      if (hist[i] == 0) {
        continue;
      }
      for (int k = 0; k < TOP; k++) { // insertion keeps ties in index order
        if (order[k] < 0 || hist[i] > hist[order[k]]) {
          System.arraycopy(order, k, order, k + 1, TOP - k - 1);
          order[k] = i;
          break;
        }
      }
    }
    for (int k = 0; k < TOP && order[k] >= 0; k++) {
      b.put((byte) (order[k] / ExecProtocol.HIST_SLOTS))
          .putShort((short) (order[k] % ExecProtocol.HIST_SLOTS))
          .putShort((short) Math.min(hist[order[k]], 0xFFFF));
    }
  }

  /** Load averages ×100 (3 × u16), available memory in MiB (u32), runs (u32). */
  private static void putMachineState(ByteBuffer b, long runs) {
    try {
      String[] load = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      for (int i = 0; i < 3; i++) {
        b.putShort((short) Math.min(65535, Math.round(Double.parseDouble(load[i]) * 100)));
      }
      long availKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
          .filter(l -> l.startsWith("MemAvailable:"))
          .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0);
      b.putInt((int) (availKb / 1024));
    } catch (IOException | RuntimeException e) {
      b.position(BYTES + 10); // machine state unreadable: zeros
    }
    b.putInt((int) runs);
  }
}
