package io.vivarium.colony.registry;

import java.util.Objects;

/**
 * A checkpoint as the registry records it. Immutable.
 *
 * @param id the registry's id
 * @param agent whose brain it holds
 * @param step the agent's step when it was written
 * @param file its file, relative to the data directory
 * @param sha256 the file's SHA-256 in hex
 * @param bytes the file's size
 * @param fitness the agent's fitness when it was written
 * @param createdMillis when it was written
 * @param pruned whether the file was pruned (the row stays as history)
 */
public record CheckpointRow(long id, String agent, long step, String file, String sha256, long bytes,
    double fitness, long createdMillis, boolean pruned) {
  public CheckpointRow {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(file, "file");
  }
}
