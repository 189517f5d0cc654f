package io.vivarium.core.config;

/** Imitation of a world's expert: behaviour cloning, DAgger, or a mixture (seed 001's "fake traces"). */
public record BcConfig(
    @Doc("Share of the world instances the brain plays while cloning (0 = the expert plays all, behaviour "
        + "cloning; 1 = DAgger); every state is labelled with the expert's move.") @Range(min = 0, max = 1)
        double drive,
    @Doc("Learning rate of cloning.") @Range(min = 1e-9, max = 0.999) double lr,
    @Doc("Samples per gradient step.") @Range(min = 1, max = 1 << 20) int minibatch,
    @Doc("Gradient steps per rollout.") @Range(min = 0, max = 100_000) int updates,
    @Doc("Labelled states kept (the oldest go first).") @Range(min = 1, max = 1 << 24) int buffer) {

  public static BcConfig defaults() {
    return new BcConfig(0.5, 1e-3, 64, 16, 16384);
  }

  /** These options with another drive. */
  public BcConfig withDrive(double d) {
    return new BcConfig(d, lr, minibatch, updates, buffer);
  }

  /** These options with {@code n} updates per rollout. */
  public BcConfig withUpdates(int n) {
    return new BcConfig(drive, lr, minibatch, n, buffer);
  }
}
