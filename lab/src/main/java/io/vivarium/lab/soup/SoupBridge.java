package io.vivarium.lab.soup;

import io.vivarium.core.AtomicFile;
import io.vivarium.lab.exec.ExecRuns;
import io.vivarium.worlds.soup.Bff;
import io.vivarium.worlds.soup.Soup;
import io.vivarium.worlds.soup.SoupCheckpoint;
import io.vivarium.worlds.soup.SoupRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The bridge between the soup and the colony's exec world (docs/soup.md, "Bridge to the colony").
 *
 * <p><b>Import</b>: programs (an exec agent's outputs, or files as {@code vivarium exec FILE} takes
 * them) become tapes of a checkpointed soup: program {@code p} of {@code n}, each placed
 * {@code copies} times, is written as its first 64 bytes (shorter ones padded with byte 0, a BFF
 * comment) over tape {@code floor(j * size / (n * copies))} for copy number {@code j = c * n + p};
 * the checkpoint is rewritten atomically at the same epoch, so {@code vivarium soup --resume}
 * continues from the mixed soup.
 *
 * <p><b>Export</b>: the soup's most frequent distinct tapes that pass the self-replicator test
 * are written as 64-byte program files, each of which {@code vivarium exec FILE} runs as x86-64
 * machine code — in the exec sandbox only ({@link #runInSandbox}). Stateless.
 */
public final class SoupBridge {
  private SoupBridge() {}

  /**
   * What an import did.
   *
   * @param epoch the soup's epoch (unchanged)
   * @param size its tapes
   * @param tapes the indices written, in placement order
   */
  public record Imported(long epoch, int size, List<Integer> tapes) {
    public Imported {
      tapes = List.copyOf(tapes);
    }
  }

  /** A program as a tape: its first 64 bytes, padded with zeros. */
  public static byte[] tape(byte[] program) {
    byte[] t = new byte[Bff.TAPE];
    System.arraycopy(program, 0, t, 0, Math.min(program.length, Bff.TAPE));
    return t;
  }

  /** Writes {@code programs} ({@code copies} times each) into the soup checkpointed in {@code dir}. */
  public static Imported importPrograms(Path dir, List<byte[]> programs, int copies) throws IOException {
    Path file = dir.resolve(SoupRun.CHECKPOINT);
    SoupCheckpoint.Loaded loaded = SoupCheckpoint.load(file);
    int size = loaded.options().size();
    long total = (long) programs.size() * copies;
    if (programs.isEmpty() || copies < 1 || total > size) {
      throw new IllegalArgumentException("soup import needs at least one program, copies >= 1 and programs x copies "
          + "<= the soup's " + size + " tapes; got " + programs.size() + " programs x " + copies
          + " copies; import fewer or start a larger soup (vivarium soup --size N --epochs 0)");
    }
    byte[] bytes = loaded.bytes();
    List<Integer> placed = new ArrayList<>();
    for (int j = 0; j < total; j++) {
      int index = (int) (j * (long) size / total);
      System.arraycopy(tape(programs.get(j % programs.size())), 0, bytes, index * Bff.TAPE, Bff.TAPE);
      placed.add(index);
    }
    try (Soup soup = loaded.resume(Bff.reference(), 1)) {
      SoupCheckpoint.write(file, soup);
    }
    return new Imported(loaded.epoch(), size, placed);
  }

  /**
   * One exported replicator.
   *
   * @param file the program file written
   * @param tape the entry of {@link SoupView#top} it came from
   */
  public record Exported(Path file, SoupView.Tape tape) {}

  /**
   * Writes the replicators among the soup's {@code top} most frequent distinct tapes to
   * {@code to/replicator-NN.bin} (64 bytes each) and lists them in {@code to/replicators.tsv}
   * (file, copies, score, hex); returns them, most frequent first (none when the soup has none).
   */
  public static List<Exported> exportReplicators(Path dir, int top, Path to) throws IOException {
    SoupView view = SoupView.open(dir).orElseThrow(() -> new IllegalArgumentException("no soup checkpoint in " + dir
        + "; run 'vivarium soup' first, or point --out at a soup's directory"));
    Files.createDirectories(to);
    List<Exported> out = new ArrayList<>();
    StringBuilder tsv = new StringBuilder("file\tcopies\tscore\thex\n");
    for (SoupView.Tape t : view.top(top)) {
      if (!t.replicator()) {
        continue;
      }
      Path file = to.resolve(String.format(Locale.ROOT, "replicator-%02d.bin", out.size() + 1));
      AtomicFile.write(file, HexFormat.of().parseHex(t.hex()));
      out.add(new Exported(file, t));
      tsv.append(file.getFileName()).append('\t').append(t.count()).append('\t').append(t.score()).append('\t')
          .append(t.hex()).append('\n');
    }
    AtomicFile.write(to.resolve("replicators.tsv"), tsv.toString().getBytes(StandardCharsets.UTF_8));
    return out;
  }

  /** Runs {@code program} as x86-64 machine code in the exec world's sandbox (never outside it). */
  public static ExecRuns.Report runInSandbox(byte[] program) {
    return ExecRuns.run("machine", null, program);
  }
}
