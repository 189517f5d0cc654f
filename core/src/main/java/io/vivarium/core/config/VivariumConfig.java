package io.vivarium.core.config;

/**
 * The root of the configuration tree: one section per room of the house. Build it with
 * {@link ConfigResolver}; {@link #defaults()} is the embedded default every run starts from.
 */
public record VivariumConfig(
    @Doc("The population: its name, seed, size and checkpoints.") ColonyConfig colony,
    @Doc("The world agents live in.") WorldConfig world,
    @Doc("The agents' transformer brains.") BrainConfig brain,
    @Doc("How brains learn.") LearnConfig learn,
    @Doc("The shared associative memory.") MemoryConfig memory,
    @Doc("The MQTT bus.") BusConfig bus,
    @Doc("The zookeeper web console.") ZooConfig zoo,
    @Doc("A colony across machines.") ClusterConfig cluster,
    @Doc("Brains that grow and shrink on replication, and the price of size.") GrowthConfig growth,
    @Doc("Trees of thought over memory and training on their conclusions.") ThinkConfig think) {

  /** The embedded defaults. */
  public static VivariumConfig defaults() {
    return new VivariumConfig(
        ColonyConfig.defaults(),
        WorldConfig.defaults(),
        BrainConfig.defaults(),
        LearnConfig.defaults(),
        MemoryConfig.defaults(),
        BusConfig.defaults(),
        ZooConfig.defaults(),
        ClusterConfig.defaults(),
        GrowthConfig.defaults(),
        ThinkConfig.defaults());
  }
}
