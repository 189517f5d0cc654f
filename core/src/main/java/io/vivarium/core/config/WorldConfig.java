package io.vivarium.core.config;

/** The world agents live in. */
public record WorldConfig(
    @Doc("World name, e.g. gold; an unknown name lists the known ones.") String name,
    @Doc("World preset with its modifiers: gold-bare-6x6+ego7 is the 6×6 room seen through a 7×7 egocentric view.") String preset,
    @Doc("World instances each agent steps together.") @Range(min = 1, max = 65536) int batch) {

  public static WorldConfig defaults() {
    return new WorldConfig("gold", "gold-bare-6x6+ego7", 8);
  }
}
