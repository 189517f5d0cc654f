package io.vivarium.core.config;

/** The world agents live in. */
public record WorldConfig(
    @Doc("World name, e.g. gold; an unknown name lists the known ones.") String name,
    @Doc("World preset, e.g. gold-bare-6x6.") String preset,
    @Doc("World instances each agent steps together.") @Range(min = 1, max = 65536) int batch) {

  public static WorldConfig defaults() {
    return new WorldConfig("gold", "gold-bare-6x6", 8);
  }
}
