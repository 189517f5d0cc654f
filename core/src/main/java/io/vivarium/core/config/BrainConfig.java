package io.vivarium.core.config;

/**
 * The agents' transformer brains. The dimension fields override the preset's value; 0 means
 * "the preset's value".
 */
public record BrainConfig(
    @Doc("Model size preset: tiny (~0.1M parameters), small (~1M), base (~10M), nanogpt-cpu, 30m,"
        + " 100m, 1b (refused where the memory cannot train it: ~16 bytes per parameter).")
        @OneOf({"tiny", "small", "base", "nanogpt-cpu", "30m", "100m", "1b"})
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
    @Doc("Dropout probability during training.") @Range(min = 0, max = 0.9) double dropout,
    @Doc("Observation tokens the brain reads at one position (part of its shape): 1 = one per byte; G"
        + " cuts the positions of an observation about G-fold (each channel's bytes in groups of G, their"
        + " embeddings projected to one position), for worlds with one-byte actions only; 0 = auto: 8"
        + " for one-byte actions, 1 for byte sequences.")
        @Range(min = 0, max = 64) int group,
    @Doc("Precision of the training forward pass: fp32, bf16 (matrix products in bfloat16 with float32"
        + " weights, gradients and optimizer; acting stays float32), or auto: bf16 where the CPU computes"
        + " bfloat16 natively (avx512_bf16 or AMX), else fp32.")
        @OneOf({"auto", "fp32", "bf16"})
        String precision) {

  /** A configuration without a group: {@code group} 0, so the world's kind decides (auto). */
  public BrainConfig(String preset, String device, int threads, int layers, int heads, int dim, int block,
      double dropout) {
    this(preset, device, threads, layers, heads, dim, block, dropout, 0, "auto");
  }

  public BrainConfig(String preset, String device, int threads, int layers, int heads, int dim, int block,
      double dropout, int group) {
    this(preset, device, threads, layers, heads, dim, block, dropout, group, "auto");
  }

  /** This configuration with another preset. */
  public BrainConfig withPreset(String other) {
    return new BrainConfig(other, device, threads, layers, heads, dim, block, dropout, group, precision);
  }

  public static BrainConfig defaults() {
    return new BrainConfig("tiny", "cpu", 1, 0, 0, 0, 0, 0.0, 0, "auto");
  }
}
