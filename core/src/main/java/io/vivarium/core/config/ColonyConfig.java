package io.vivarium.core.config;

/** The population: its name, root seed, size, replication, checkpoint interval and TensorBoard output. */
public record ColonyConfig(
    @Doc("Name of the colony, used in bus topics and displays.")
        @Pattern(value = "[a-z0-9][a-z0-9-]{0,31}", rule = "1-32 lower-case letters, digits or '-', not starting with '-'")
        String name,
    @Doc("Root seed; every random stream of the run is derived from it.") long seed,
    @Doc("Agents born at the first start.") @Range(min = 1, max = 4096) int agents,
    @Doc("Population cap; above it the least fit agent dies.") @Range(min = 1, max = 4096) int maxAgents,
    @Doc("Seconds between an agent's checkpoints (at most this much work is lost on a crash).")
        @Range(min = 1, max = 86400) int checkpointSeconds,
    @Doc("Episodes an agent lives between its children; it replicates only when its fitness reaches colony.replicateQuantile.")
        @Range(min = 1, max = 1_000_000) int replicateEvery,
    @Doc("Deviation of the Gaussian noise added to every weight of a child's brain.")
        @Range(min = 0, max = 1) double mutationSigma,
    @Doc("Turns a newborn is protected from culling, so it gets to show its fitness.")
        @Range(min = 0, max = 1_000_000) int protectTurns,
    @Doc("Fitness quantile among the alive agents an agent must reach to replicate (0.5 = the median).")
        @Range(min = 0, max = 1) double replicateQuantile,
    @Doc("Whether a child's learning rate and entropy coefficient are each multiplied by 0.8 or 1.2 (seeded).")
        boolean perturb,
    @Doc("Shut-down votes (from distinct voters) that kill an agent.") @Range(min = 1, max = 1_000_000)
        int voteThreshold,
    @Doc("Environment steps a founder clones the world's expert before PPO or GRPO (learn.method=bc+ppo or "
        + "bc+grpo).")
        @Range(min = 0, max = 1_000_000_000) int bcSteps,
    @Doc("Steps of every world instance in one turn of an agent, after which its learner updates; 0 = the "
        + "world's kind decides: 32 for one-byte actions, 4 for byte sequences (programs, text).")
        @Range(min = 0, max = 65536) int turnSteps,
    @Doc("Whether the next agent acts (samples, runs its worlds) on a second thread while the current one"
        + " learns, so both cores work; false takes turns wholly one after another.") boolean overlap,
    @Doc("Agents whose turns run at the same time, each acting and learning on its own thread (one intra-op"
        + " thread each, so N agents use N cores); 0 = one per processor. 1 = one turn at a time, with"
        + " colony.overlap deciding whether the next agent acts meanwhile.")
        @Range(min = 0, max = 256) int learners,
    @Doc("A brain file the founders start from (each a copy with the children's mutation noise), e.g. one"
        + " pretrained by vivarium train lm; its shape must be the colony's. Empty: fresh brains.")
        String founderBrain,
    @Doc("People's questions (asks) a colony of a text world holds waiting for an answer; when full, the"
        + " oldest waiting one is dropped (state dropped, counted in the status line).")
        @Range(min = 1, max = 100_000) int asks,
    @Doc("Whether the colony writes TensorBoard event files under DATA/runs/AGENT/ and DATA/runs/colony/"
        + " (tensorboard --logdir DATA/runs; docs/interop.md).") boolean tensorboard,
    @Doc("Seconds at most an event file's values wait in memory before they are written (a crash loses at"
        + " most this much).") @Range(min = 0, max = 3600) int tensorboardSeconds) {

  public static ColonyConfig defaults() {
    return new ColonyConfig("vivarium", 42, 8, 16, 60, 20, 0.01, 3, 0.5, true, 3, 20_000, 0, true, 0, "", 64, true, 10);
  }
}
