/**
 * The colony runtime behind {@code vivarium run}: a population of agents, each a brain learning
 * in its own batch of worlds, taking turns on the machine. The colony owns the loop: a {@code
 * Turn} acts through the brain's {@code Actor}, steps the worlds, records each step once and
 * hands the rollout to the agent's {@code Learner}; the {@code Pipeline} runs several agents' turns
 * at once on learner threads ({@code colony.learners}; with one, the next agent acts while the
 * current one learns) and records them on the colony's thread; {@code Population} replicates and culls;
 * {@code Lifecycle} brings agents into memory and out and checkpoints them; the colony's
 * {@link io.vivarium.colony.runtime.Placement} decides which agents it runs and who hands out ids
 * and keeps the cap ({@code Placement.alone()} in one process; a cluster node's, in module
 * {@code cluster}, acting on the colony through {@link io.vivarium.colony.runtime.Host}); {@code Preflight}
 * checks a configuration before anything starts. Every step of an agent's life is recorded in
 * the registry and its brain checkpointed through the checkpoint store; {@code Boards} copies every
 * metric the registry records, with action histograms, into TensorBoard event files
 * ({@code colony.tensorboard}).
 *
 * People's requests (hibernate, wake, kill, clone, reward, talk, vote) arrive through the
 * registry and are applied between turns, and so are their questions ({@code AskDesk}, lent to text
 * worlds as {@code Asks}); their recordings ({@code RecordingDesk}, lent to listening worlds as
 * {@code Recordings}) come from the bus or the console, and answers to people are spoken by the
 * {@code Speaker} ({@code bus.speak}); an in-process console sees live frames through
 * {@link io.vivarium.colony.runtime.ColonyHandle}.
 *
 * <p>Depends on {@code core} (worlds only through the world registry and the {@code core.world}
 * capabilities: {@code Expert}, {@code Curriculum}, {@code Renderer}, {@code Outputs}, {@code Ticks}, and the
 * {@code WorldContext} it lends them; never a world's own classes), {@code brain} (learners only through {@code Learners}), {@code memory} (the shared
 * memory in the context), {@code bus} (agents' channels and people's input) and the colony's own
 * registry, store and replay.
 */
package io.vivarium.colony.runtime;
