package io.vivarium.core.config;

/**
 * The agents' transformer brains. The dimension fields override the preset's value; 0 means
 * "the preset's value".
 */
public record BrainConfig(
    @Doc("Model size preset: tiny (~0.1M parameters), small (~1M), base (~10M), nanogpt-cpu.")
        @OneOf({"tiny", "small", "base", "nanogpt-cpu"})
        String preset,
    @Doc("Where tensors live: cpu, gpu, or auto (gpu when one is usable).")
        @OneOf({"cpu", "gpu", "auto"})
        String device,
    @Doc("Intra-op threads per process (1 avoids stalls on small machines).")
        @Range(min = 1, max = 256)
        int threads,
    @Doc("Transformer blocks; 0 = the preset's value.") @Range(min = 0, max = 64) int layers,
    @Doc("Attention heads per block; 0 = the preset's value.") @Range(min = 0, max = 64)
        int heads,
    @Doc("Embedding width (must divide by heads); 0 = the preset's value.")
        @Range(min = 0, max = 4096)
        int dim,
    @Doc("Context length in tokens (prefix plus generated part); 0 = the preset's value.")
        @Range(min = 0, max = 8192)
        int block,
    @Doc("Dropout probability during training.") @Range(min = 0, max = 0.9) double dropout) {

  public static BrainConfig defaults() {
    return new BrainConfig("tiny", "cpu", 1, 0, 0, 0, 0, 0.0);
  }
}
