package io.vivarium.bench.colony;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.policy.ObservationEncoder;
import io.vivarium.colony.runtime.BrainFit;
import io.vivarium.colony.runtime.Preflight;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.world.Spec;

/**
 * The documented estimate of the FLOPs behind a colony's turns, from its configuration. A sample
 * is one observation's prefix of {@code tokens}; training on it costs forward plus backward,
 * {@link BrainShape#flopsPerToken(int)} × tokens (nanoGPT's 6N + 12·L·C·T per token), and a
 * forward alone about a third of that. Acting runs one forward per environment step, while
 * cloning only for the {@code learn.bc.drive} share of the world instances the brain plays (the
 * expert plays the rest). A PPO turn trains every sample of its rollout {@code learn.ppo.epochs}
 * times; a cloning turn trains {@code learn.bc.updates} × {@code learn.bc.minibatch} samples of the
 * plain prefix (cloners see no memories). Not counted: the value and action heads' share beyond the formula, the memory
 * recall, a KL reference's forward ({@code learn.klRef}) and padding. When the learners or the
 * loop change, {@link #updateFlops} and {@link #actFlops} are the two places to change. Immutable.
 *
 * @param tokens the prefix length of an acting or PPO sample
 * @param cloningTokens the prefix length of a cloning sample (no memory channel)
 * @param trainPerSample forward-plus-backward FLOPs of one PPO sample
 * @param trainPerCloningSample forward-plus-backward FLOPs of one cloning sample
 * @param ppoEpochs passes of PPO over each rollout
 * @param cloningSamplesPerTurn samples a cloning turn trains on
 * @param cloningDrive the share of a cloner's world instances its brain plays
 * @param parameters the brain's parameter count
 */
record FlopModel(int tokens, int cloningTokens, double trainPerSample, double trainPerCloningSample, int ppoEpochs,
    int cloningSamplesPerTurn, double cloningDrive, long parameters) {
  FlopModel {
    if (tokens < 1 || cloningTokens < 1 || ppoEpochs < 1 || cloningSamplesPerTurn < 0
        || !(cloningDrive >= 0 && cloningDrive <= 1)) {
      throw new IllegalArgumentException("a FLOP model needs positive prefixes and epochs; got tokens " + tokens
          + ", cloning tokens " + cloningTokens + ", epochs " + ppoEpochs);
    }
  }

  /** The model of {@code config}'s colony: its agents' prefix and brain shape as the colony fits them. */
  static FlopModel of(VivariumConfig config) {
    Spec spec = Preflight.agentView(config).spec();
    BrainFit fit = BrainFit.of(config, spec);
    BrainShape shape = fit.shape();
    int tokens = new ObservationEncoder(spec, fit.encoding()).positions();
    int plain = new ObservationEncoder(spec, fit.plain()).positions();
    return new FlopModel(tokens, plain, shape.flopsPerToken(tokens) * tokens, shape.flopsPerToken(plain) * plain,
        config.learn().ppo().epochs(), config.learn().bc().updates() * config.learn().bc().minibatch(),
        config.learn().bc().drive(), shape.parameterCount());
  }

  /** FLOPs of the updates of {@code ppoSteps} environment steps learned by PPO and {@code cloningTurns} cloning turns. */
  double updateFlops(long ppoSteps, long cloningTurns) {
    return trainPerSample * ppoEpochs * ppoSteps + trainPerCloningSample * cloningSamplesPerTurn * cloningTurns;
  }

  /** FLOPs of acting for {@code ppoSteps} steps of PPO turns and {@code cloningSteps} of cloning turns. */
  double actFlops(long ppoSteps, long cloningSteps) {
    return trainPerSample / 3 * ppoSteps + trainPerCloningSample / 3 * cloningDrive * cloningSteps;
  }

  /** The estimate in one line, printed as a comment above its numbers. */
  String describe() {
    return String.format(java.util.Locale.ROOT, "# FLOP estimate: a trained sample = forward+backward over its"
        + " prefix (BrainShape.flopsPerToken(%d) x %d tokens = %.1f MFLOP); PPO trains each turn's samples %d times,"
        + " a cloning turn %d samples of %d tokens; acting = one forward (1/3 of a trained sample) per env step the"
        + " brain plays (all in PPO, %.2f of them while cloning)",
        tokens, tokens, trainPerSample / 1e6, ppoEpochs, cloningSamplesPerTurn, cloningTokens, cloningDrive);
  }
}
