package io.vivarium.core.config;

/** The agents' transformer brains. */
public record BrainConfig(
    @Doc("Model size preset.") String preset,
    @Doc("Where tensors live: cpu, gpu, or auto (gpu when one is usable).")
        @OneOf({"cpu", "gpu", "auto"})
        String device,
    @Doc("Intra-op threads per process (1 avoids stalls on small machines).")
        @Range(min = 1, max = 256)
        int threads) {

  public static BrainConfig defaults() {
    return new BrainConfig("tiny", "cpu", 1);
  }
}
