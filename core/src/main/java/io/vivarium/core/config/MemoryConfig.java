package io.vivarium.core.config;

/** The shared associative memory. */
public record MemoryConfig(
    @Doc("Whether agents store to and recall from the shared memory.") boolean enabled,
    @Doc("Memories recalled into an agent's context.") @Range(min = 0, max = 64) int k) {

  public static MemoryConfig defaults() {
    return new MemoryConfig(true, 4);
  }
}
