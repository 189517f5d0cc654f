package io.vivarium.colony.admin;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.store.Checkpoint;
import io.vivarium.colony.store.CheckpointStore;
import io.vivarium.core.Progress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * One whole agent as a tar file, to move it between colonies and machines (layout in
 * docs/colony.md, "Export and import"): {@code manifest.json} first (magic {@value #MAGIC},
 * format {@value #FORMAT}, who it was, and every other entry's size and SHA-256), then the two
 * sections of its newest checkpoint that verifies ({@code brain.bin}, and {@code learner.bin}:
 * optimizer state, episode counts and recent returns), the colony's {@code config.toml}, its
 * {@code lineage.json}, {@code metrics.csv}, {@code episodes.jsonl} (replayable) and
 * {@code events.jsonl}.
 *
 * <p>Import checks the whole archive first, then writes the agent into the data directory: into
 * an existing colony as a new agent {@code iNNNN} (or the id asked for), into a directory without
 * a colony by creating the colony from the archive's configuration, the agent keeping its id.
 * Either way it resumes where it was exported: its checkpoint keeps its step and learner state.
 * Format-1 archives (brain only) still import, with a note. The agent's origin is in its birth
 * event ({@code imported_from}).
 *
 * <p>Stateless; thread-safe.
 */
public final class AgentArchive {
  /** The manifest's magic. */
  public static final String MAGIC = "vivarium-agent";
  /** The archive format this program writes; it reads this one and format 1. */
  public static final int FORMAT = 2;
  static final String MANIFEST = "manifest.json";
  /** The entries of a format-{@value #FORMAT} archive, in order. */
  static final List<String> ENTRIES = List.of(MANIFEST, "brain.bin", "learner.bin", "config.toml", "lineage.json",
      "metrics.csv", "episodes.jsonl", "events.jsonl");
  /** The entries of a format-1 archive (the brain only of its checkpoint). */
  static final List<String> ENTRIES_1 = List.of(MANIFEST, "brain.bin", "config.toml", "lineage.json", "metrics.csv");

  private AgentArchive() {}

  /**
   * What an import made.
   *
   * @param id the agent's id in this colony
   * @param from its id in the colony it was exported from
   * @param state alive, or hibernating with a queued wake request when a colony is running
   * @param wakeRequest the wake request's id, 0 when none was queued
   * @param createdColony whether the import created the colony (the directory had none)
   * @param note what the archive lacked (a format-1 archive has no optimizer state), or empty
   */
  public record Imported(String id, String from, AgentState state, long wakeRequest, boolean createdColony,
      String note) {}

  /** Writes {@code agent}'s archive to {@code file} (atomically); returns the checkpoint exported. */
  public static Checkpoint export(DataDir dir, String agent, Path file) throws IOException {
    return export(dir, agent, file, Progress.Tracker.NONE);
  }

  /** {@link #export(DataDir, String, Path)}, the entries' bytes written reported to {@code progress}. */
  public static Checkpoint export(DataDir dir, String agent, Path file, Progress.Tracker progress) throws IOException {
    requireColony(dir);
    Map<String, byte[]> entries;
    CheckpointStore.Loaded loaded;
    try (Registry r = Registry.openReadOnly(dir.registryLocation())) {
      new Lineage(r.agents()).get(agent); // an unknown agent is refused by name
      loaded = dir.checkpoints().latest(agent, d -> {}).orElseThrow(() ->
          new IllegalStateException("agent " + agent + " has no checkpoint that verifies under "
              + dir.checkpoints().root() + "; nothing to export"));
      entries = ArchiveWriter.entries(dir, r, agent, loaded);
    }
    Path target = file.toAbsolutePath();
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    long total = entries.values().stream().mapToLong(b -> b.length).sum();
    try (Progress p = progress.start("export " + agent, total, "bytes");
        OutputStream out = counting(Files.newOutputStream(tmp), p, total)) {
      Tar.write(entries, System.currentTimeMillis(), out);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return loaded.checkpoint();
  }

  /** {@code out}, its bytes counted into {@code p} (up to {@code total}: the tar's headers are not in it). */
  private static OutputStream counting(OutputStream out, Progress p, long total) {
    return new java.io.FilterOutputStream(out) {
      private long written;

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        written += len;
        p.advanceTo(Math.min(total, written));
      }

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }
    };
  }

  /** As {@link #importFile(DataDir, Path, String)} with the default id. */
  public static Imported importFile(DataDir dir, Path file) throws IOException {
    return importFile(dir, file, null);
  }

  /**
   * Imports the archive {@code file} into {@code dir}. With a colony there, the agent is new to it
   * (id {@code id}, or the next free {@code iNNNN} when null): alive when no colony is running
   * there, hibernating with a queued {@code wake} request when one is. Without a colony, the
   * colony is created from the archive's configuration and the agent keeps its id (or takes
   * {@code id}); a directory where a colony is just starting is refused.
   */
  public static Imported importFile(DataDir dir, Path file, String id) throws IOException {
    ArchiveReader.Contents contents = ArchiveReader.read(file);
    return ArchiveImport.into(dir, contents, id);
  }

  private static void requireColony(DataDir dir) {
    if (!dir.hasColony()) {
      throw new IllegalArgumentException("no colony in " + dir.root() + "; give its directory with --data");
    }
  }
}
