package io.vivarium.core.config;

/**
 * The shared associative memory. The recall and HNSW defaults were chosen by measurement
 * (docs/memory.md has the numbers and the command that produced them).
 */
public record MemoryConfig(
    @Doc("Whether agents store to and recall from the shared memory.") boolean enabled,
    @Doc("Memories recalled into an agent's context.") @Range(min = 0, max = 64) int k,
    @Doc("Bytes of recalled payloads on the memory channel of an agent's context (fewer when the"
        + " brain's block has no room for them).") @Range(min = 1, max = 4096) int contextBytes,
    @Doc("Weight of fitness in recall ranking: score = similarity + weight * tanh(fitness / 2).")
        @Range(min = 0, max = 10) double fitnessWeight,
    @Doc("Nearest-neighbour candidates fetched from the HNSW graph per recall before re-ranking"
        + " and keeping k; more gives better recall at lower speed.")
        @Range(min = 1, max = 10000) int overFetch,
    @Doc("HNSW graph: neighbours per node (M).") @Range(min = 4, max = 512) int maxConn,
    @Doc("HNSW graph: candidates considered while inserting (beam width).")
        @Range(min = 8, max = 3200) int beamWidth,
    @Doc("Commit to disk after this many writes (a crash loses at most the uncommitted writes).")
        @Range(min = 1, max = 1000000) int commitEvery,
    @Doc("Commit to disk at least this often, in seconds, when there are uncommitted writes.")
        @Range(min = 1, max = 86400) int commitSeconds,
    @Doc("Recalls see new entries within this many milliseconds (near-real-time refresh).")
        @Range(min = 1, max = 60000) int refreshMillis,
    @Doc("Expiry per kind: comma-separated kind=age with age in s, m, h or d; kinds not named"
        + " never expire; empty for none.")
        @Pattern(value = "|[a-z][a-z0-9_-]*=[0-9]{1,9}[smhd](,[a-z][a-z0-9_-]*=[0-9]{1,9}[smhd])*",
            rule = "comma-separated kind=age, age a number with unit s, m, h or d, e.g."
                + " output=7d,episode=30d")
        String ttl,
    @Doc("Whether a new entry that nearly duplicates one of its kind merges with it (the fitter"
        + " of the two is kept); about doubles the CPU cost of a store.")
        boolean dedup,
    @Doc("Cosine similarity at or above which two entries of one kind count as duplicates.")
        @Range(min = 0.5, max = 1) double dedupThreshold,
    @Doc("Megabytes of new entries buffered in RAM before they are written as a segment.")
        @Range(min = 1, max = 4096) int ramBufferMb) {

  public static MemoryConfig defaults() {
    return new MemoryConfig(
        true, 4, 32, 0.1, 100, 16, 100, 1000, 5, 100, "output=7d,episode=30d", false, 0.98, 64);
  }
}
