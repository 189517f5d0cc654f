package io.vivarium.colony.store;

import java.nio.file.Path;
import java.util.HexFormat;

/**
 * A checkpoint file's header: who and when it belongs to, and what its sections must hash to.
 *
 * @param file where it is
 * @param agent the agent it belongs to
 * @param step the agent's step count when it was written
 * @param createdMillis when it was written
 * @param fitness the agent's fitness then (what "best" means when pruning)
 * @param configHash SHA-256 of the resolved configuration it ran with (32 bytes)
 * @param payloadLength brain section (payload) size in bytes
 * @param sha256 SHA-256 of the payload (32 bytes)
 * @param version the file's format version (1: brain only; 2: brain and learner sections)
 * @param learnerLength learner section size in bytes, 0 when there is none
 * @param learnerSha256 SHA-256 of the learner section (32 bytes; zeros in version 1)
 */
public record Checkpoint(
    Path file, String agent, long step, long createdMillis, double fitness, byte[] configHash,
    long payloadLength, byte[] sha256, int version, long learnerLength, byte[] learnerSha256) {

  /** The payload hash in hex. */
  public String sha256Hex() {
    return HexFormat.of().formatHex(sha256);
  }

  /** The configuration hash in hex. */
  public String configHashHex() {
    return HexFormat.of().formatHex(configHash);
  }

  /** The file's total size: header and sections. */
  public long fileSize() {
    return CheckpointFormat.headerSize(version, agent) + payloadLength + learnerLength;
  }
}
