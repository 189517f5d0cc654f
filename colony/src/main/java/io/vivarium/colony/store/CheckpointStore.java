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
 * checkpoint's name. Every read verifies length and SHA-256; a file with a damaged brain
 * section is reported and skipped in favour of the previous one, while a damaged learner
 * section only costs the learner state (the brain still loads). Only {@link #delete} removes
 * checkpoints.
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

  /**
   * A checkpoint whose payload (brain section) was read and verified, with its learner section.
   *
   * @param learner the verified learner section, or null when the file has none or it is damaged
   * @param learnerDamage why a learner section that should be there is not usable, else null
   */
  public record Loaded(Checkpoint checkpoint, byte[] payload, byte[] learner, String learnerDamage) {}

  /** A file that looks like a checkpoint but must not be loaded. */
  public record Damaged(Path file, String reason) {}

  /** What a scan of the store found. */
  public record Scan(List<Checkpoint> checkpoints, List<Damaged> damaged, List<Path> temporaries) {}

  /** Writes a checkpoint without a learner section atomically and returns its header. */
  public Checkpoint write(String agent, long step, double fitness, byte[] configHash, byte[] payload) {
    return write(agent, step, fitness, configHash, payload, new byte[0]);
  }

  /**
   * Writes a checkpoint atomically, {@code payload} (the brain) and {@code learner} (the
   * learner's state, possibly empty) in one file, and returns its header.
   */
  public Checkpoint write(String agent, long step, double fitness, byte[] configHash, byte[] payload,
      byte[] learner) {
    AgentRow.checkId(agent);
    if (step < 0 || step > 999_999_999_999L) {
      throw new IllegalArgumentException("checkpoint step must be in [0, 999999999999]; got " + step);
    }
    if (configHash.length != 32) {
      throw new IllegalArgumentException("config hash must be 32 bytes (SHA-256); got " + configHash.length);
    }
    byte[] sha = sha256(payload);
    byte[] learnerSha = sha256(learner);
    long created = System.currentTimeMillis();
    byte[] header = CheckpointFormat.header(CheckpointFormat.VERSION, agent, step, created, fitness, configHash,
        payload.length, sha, learner.length, learnerSha);
    Path dir = root.resolve(agent);
    Path target = dir.resolve(fileName(agent, step));
    Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    try {
      createDirectories(dir);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer[] parts = {ByteBuffer.wrap(header), ByteBuffer.wrap(payload), ByteBuffer.wrap(learner)};
        while (Arrays.stream(parts).anyMatch(ByteBuffer::hasRemaining)) {
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
    return new Checkpoint(target, agent, step, created, fitness, configHash, payload.length, sha,
        CheckpointFormat.VERSION, learner.length, learnerSha);
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

  /** Reads {@code c}'s payload (brain section), verifying length and SHA-256; a mismatch throws. */
  public byte[] read(Checkpoint c) {
    return load(c).payload();
  }

  /**
   * Reads {@code c}'s sections: the brain's must verify (else this throws); the learner's is
   * returned when it verifies, else its damage is reported in the result.
   */
  public Loaded load(Checkpoint c) {
    try (InputStream in = Files.newInputStream(c.file())) {
      Checkpoint h = CheckpointFormat.readHeader(c.file(), in);
      byte[] payload = in.readNBytes((int) Math.min(h.payloadLength(), Integer.MAX_VALUE - 16));
      if (payload.length != h.payloadLength() || (h.version() == CheckpointFormat.VERSION_1 && in.read() != -1)) {
        throw new IllegalStateException("checkpoint " + c.file() + " is damaged: payload length is not "
            + h.payloadLength() + " bytes");
      }
      if (!Arrays.equals(sha256(payload), h.sha256())) {
        throw new IllegalStateException("checkpoint " + c.file() + " is damaged: SHA-256 mismatch");
      }
      if (h.version() == CheckpointFormat.VERSION_1) {
        return new Loaded(h, payload, null, null);
      }
      byte[] learner = in.readNBytes((int) Math.min(h.learnerLength(), Integer.MAX_VALUE - 16));
      String damage = learner.length != h.learnerLength() || in.read() != -1
          ? "learner section length is not " + h.learnerLength() + " bytes"
          : Arrays.equals(sha256(learner), h.learnerSha256()) ? null : "learner section SHA-256 mismatch";
      return damage != null ? new Loaded(h, payload, null, "checkpoint " + c.file() + " is damaged: " + damage)
          : new Loaded(h, payload, learner.length == 0 ? null : learner, null);
    } catch (IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Verifies {@code c}, both sections; returns the reason it is damaged, or empty when it is sound. */
  public Optional<String> verify(Checkpoint c) {
    try {
      return Optional.ofNullable(load(c).learnerDamage());
    } catch (IllegalStateException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * The newest checkpoint of {@code agent} whose brain section verifies; damaged newer ones
   * are skipped and passed to {@code onDamaged}. Its learner section may still be missing or
   * damaged: see {@link Loaded#learnerDamage()}.
   */
  public Optional<Loaded> latest(String agent, java.util.function.Consumer<Damaged> onDamaged) {
    Scan s = scan();
    s.damaged().stream().filter(d -> d.file().getParent().getFileName().toString().equals(agent)).forEach(onDamaged);
    List<Checkpoint> mine = new ArrayList<>(s.checkpoints().stream().filter(c -> c.agent().equals(agent)).toList());
    for (int i = mine.size() - 1; i >= 0; i--) {
      try {
        return Optional.of(load(mine.get(i)));
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
