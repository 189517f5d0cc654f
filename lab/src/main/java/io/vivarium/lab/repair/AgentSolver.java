package io.vivarium.lab.repair;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.policy.ActionSpace;
import io.vivarium.brain.policy.Actor;
import io.vivarium.brain.policy.Acts;
import io.vivarium.brain.policy.Encoding;
import io.vivarium.brain.policy.Senses;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Spec;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A colony agent's brain as a repair solver: it sees the observation laid out as the agent saw
 * it (the colony's spec and encoding, an empty memory channel) and answers with its most likely
 * bytes (greedy), up to the colony's longest answer. Not thread-safe (one evaluation at a time);
 * the brain is the caller's.
 */
public final class AgentSolver implements Solver {
  private final String name;
  private final TorchBrain brain;
  private final Senses senses;
  private final Actor actor;
  private final SplittableRandom unused = new SplittableRandom(0); // greedy draws nothing

  /** The greedy policy of {@code brain} over worlds of {@code spec} seen through {@code encoding}. */
  public AgentSolver(String name, TorchBrain brain, Spec spec, Encoding encoding) {
    this.name = name;
    this.brain = brain;
    this.senses = new Senses(spec, encoding.withGroup(brain.shape().group()), 1);
    this.actor = new Actor(ActionSpace.of(spec), 1.0);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Action act(Observation observation) {
    BrainInput in = senses.input(observation, 0);
    Acts acts = actor.act(brain, List.of(in), unused, true);
    return actor.space().action(acts.bytes()[0]);
  }
}
