package io.vivarium.colony.store;

import java.nio.file.Path;
import java.util.HexFormat;

/**
 * A checkpoint file's header: who and when it belongs to, and what its payload must hash to.
 *
 * @param file where it is
 * @param agent the agent it belongs to
 * @param step the agent's step count when it was written
 * @param createdMillis when it was written
 * @param fitness the agent's fitness then (what "best" means when pruning)
 * @param configHash SHA-256 of the resolved configuration it ran with (32 bytes)
 * @param payloadLength payload size in bytes
 * @param sha256 SHA-256 of the payload (32 bytes)
 */
public record Checkpoint(
    Path file, String agent, long step, long createdMillis, double fitness, byte[] configHash,
    long payloadLength, byte[] sha256) {

  /** The payload hash in hex. */
  public String sha256Hex() {
    return HexFormat.of().formatHex(sha256);
  }

  /** The configuration hash in hex. */
  public String configHashHex() {
    return HexFormat.of().formatHex(configHash);
  }

  /** The file's total size: header and payload. */
  public long fileSize() {
    return CheckpointFormat.headerSize(agent) + payloadLength;
  }
}
