package io.vivarium.colony.store;

import io.vivarium.colony.registry.AgentRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Agents' checkpoints as files {@code checkpoints/AGENT/AGENT-STEP.vck} (layout in
 * {@link CheckpointFormat}).
 *
 * <p>A write goes to a hidden temporary file in the same directory, is forced to disk,
 * renamed over the final name atomically, and the directory is forced too; so a crash at any
 * moment leaves either the whole new file or none, and a temporary file never matches a
 * checkpoint's name. Every read verifies length and SHA-256; a damaged file is reported and
 * skipped in favour of the previous one. Only {@link #delete} removes checkpoints.
 *
 * <p>Thread-safe for writers of different agents; one writer per agent at a time.
 */
public final class CheckpointStore {
  /** The store's directory name inside a data directory. */
  public static final String DIR = "checkpoints";
  private static final Pattern NAME = Pattern.compile("([a-z0-9][a-z0-9_-]{0,63})-(\\d{12})\\.vck");

  private final Path root;

  /** A store rooted at {@code root} (usually {@code DATA/checkpoints}); nothing is created yet. */
  public CheckpointStore(Path root) {
    this.root = root;
  }

  /** The store's directory. */
  public Path root() {
    return root;
  }

  /** A checkpoint whose payload was read and verified. */
  public record Loaded(Checkpoint checkpoint, byte[] payload) {}

  /** A file that looks like a checkpoint but must not be loaded. */
  public record Damaged(Path file, String reason) {}

  /** What a scan of the store found. */
  public record Scan(List<Checkpoint> checkpoints, List<Damaged> damaged, List<Path> temporaries) {}

  /** Writes a checkpoint atomically and returns its header. */
  public Checkpoint write(String agent, long step, double fitness, byte[] configHash, byte[] payload) {
    AgentRow.checkId(agent);
    if (step < 0 || step > 999_999_999_999L) {
      throw new IllegalArgumentException("checkpoint step must be in [0, 999999999999]; got " + step);
    }
    if (configHash.length != 32) {
      throw new IllegalArgumentException("config hash must be 32 bytes (SHA-256); got " + configHash.length);
    }
    byte[] sha = sha256(payload);
    long created = System.currentTimeMillis();
    byte[] header = CheckpointFormat.header(agent, step, created, fitness, configHash, payload.length, sha);
    Path dir = root.resolve(agent);
    Path target = dir.resolve(fileName(agent, step));
    Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    try {
      createDirectories(dir);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer[] parts = {ByteBuffer.wrap(header), ByteBuffer.wrap(payload)};
        while (parts[1].hasRemaining()) {
          ch.write(parts);
        }
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceDirectory(dir);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the temporary file never counts as a checkpoint; leaving it is harmless
      }
      throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
    }
    return new Checkpoint(target, agent, step, created, fitness, configHash, payload.length, sha);
  }

  /** Every checkpoint, damaged file and leftover temporary file under the store. */
  public Scan scan() {
    List<Checkpoint> good = new ArrayList<>();
    List<Damaged> damaged = new ArrayList<>();
    List<Path> temporaries = new ArrayList<>();
    for (Path dir : list(root)) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      for (Path f : list(dir)) {
        String name = f.getFileName().toString();
        if (name.startsWith(".") && name.endsWith(".tmp")) {
          temporaries.add(f);
        } else if (NAME.matcher(name).matches()) {
          try {
            good.add(header(f));
          } catch (IOException e) {
            damaged.add(new Damaged(f, e.getMessage()));
          }
        }
      }
    }
    good.sort(Comparator.comparing(Checkpoint::agent).thenComparingLong(Checkpoint::step));
    return new Scan(good, damaged, temporaries);
  }

  /** The checkpoints of {@code agent} whose headers read, oldest first. */
  public List<Checkpoint> list(String agent) {
    AgentRow.checkId(agent);
    return scan().checkpoints().stream().filter(c -> c.agent().equals(agent)).toList();
  }

  /** Reads {@code c}'s payload, verifying length and SHA-256; a mismatch throws. */
  public byte[] read(Checkpoint c) {
    try (InputStream in = Files.newInputStream(c.file())) {
      Checkpoint h = CheckpointFormat.readHeader(c.file(), in);
      byte[] payload = in.readNBytes((int) Math.min(h.payloadLength(), Integer.MAX_VALUE - 16));
      if (payload.length != h.payloadLength() || in.read() != -1) {
        throw new IllegalStateException("checkpoint " + c.file() + " is damaged: payload length is not "
            + h.payloadLength() + " bytes");
      }
      if (!Arrays.equals(sha256(payload), h.sha256())) {
        throw new IllegalStateException("checkpoint " + c.file() + " is damaged: SHA-256 mismatch");
      }
      return payload;
    } catch (IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Verifies {@code c}; returns the reason it is damaged, or empty when it is sound. */
  public Optional<String> verify(Checkpoint c) {
    try {
      read(c);
      return Optional.empty();
    } catch (IllegalStateException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * The newest checkpoint of {@code agent} that verifies; damaged newer ones are skipped and
   * passed to {@code onDamaged}.
   */
  public Optional<Loaded> latest(String agent, java.util.function.Consumer<Damaged> onDamaged) {
    Scan s = scan();
    s.damaged().stream().filter(d -> d.file().getParent().getFileName().toString().equals(agent)).forEach(onDamaged);
    List<Checkpoint> mine = new ArrayList<>(s.checkpoints().stream().filter(c -> c.agent().equals(agent)).toList());
    for (int i = mine.size() - 1; i >= 0; i--) {
      try {
        return Optional.of(new Loaded(mine.get(i), read(mine.get(i))));
      } catch (IllegalStateException e) {
        onDamaged.accept(new Damaged(mine.get(i).file(), e.getMessage()));
      }
    }
    return Optional.empty();
  }

  /** Deletes the given checkpoint files; the only way checkpoints are ever removed. */
  public void delete(List<Checkpoint> doomed) {
    for (Checkpoint c : doomed) {
      if (!c.file().startsWith(root)) {
        throw new IllegalArgumentException("refusing to delete " + c.file() + ": not under " + root);
      }
      try {
        Files.deleteIfExists(c.file());
        forceDirectory(c.file().getParent());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + c.file() + ": " + e.getMessage(), e);
      }
    }
  }

  static String fileName(String agent, long step) {
    return String.format("%s-%012d.vck", agent, step);
  }

  static Checkpoint header(Path f) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      Checkpoint h = CheckpointFormat.readHeader(f, in);
      Matcher m = NAME.matcher(f.getFileName().toString());
      if (!m.matches() || !m.group(1).equals(h.agent()) || Long.parseLong(m.group(2)) != h.step()) {
        throw new CheckpointFormat.DamagedException(f, "file name does not match its header ("
            + h.agent() + " step " + h.step() + ")");
      }
      return h;
    }
  }

  private void createDirectories(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      forceDirectory(dir.getParent());
    }
  }

  private static void forceDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
