package io.vivarium.colony.runtime;

import io.vivarium.core.world.Observation;
import java.util.List;
import java.util.Objects;

/**
 * What a person watching an agent sees at one moment: the world as the agent's first world
 * instance shows it, the agent's last and recent actions, its text in and out, and its brain's
 * hidden state.
 * Immutable snapshot; arrays are copies owned by the frame.
 *
 * @param agent the agent's id
 * @param state alive, hibernating, dead or failed
 * @param envSteps the agent's environment steps so far (its whole life)
 * @param episodes episodes it has finished
 * @param fitness its fitness now
 * @param observation what world instance 0 shows now (with a picture when the world draws)
 * @param drawing instance 0 drawn as text for people by the world's {@link
 *     io.vivarium.core.world.Renderer} (e.g. the terminal's screen), {@code ""} when it has none
 * @param lastAction the bytes of its last action in instance 0 (empty before its first)
 * @param lastReward instance 0's last reward
 * @param recentActions instance 0's latest actions in its current episode, oldest first, named
 *     for people by the world's {@link io.vivarium.core.world.ActionNames} (e.g. {@code e c h o
 *     Space a Enter}) or as plain bytes; empty when its actions are byte sequences
 * @param textIn the latest text people gave it ({@code text:from_parent}), {@code ""} if none
 * @param textOut the latest text it produced, {@code ""} if none
 * @param hidden its brain's last-layer hidden state for this observation (pooled, length C),
 *     empty when not computed
 * @param timeMillis when the frame was taken
 */
public record AgentFrame(String agent, String state, long envSteps, long episodes, double fitness,
    Observation observation, String drawing, byte[] lastAction, float lastReward, List<String> recentActions,
    String textIn, String textOut, float[] hidden, long timeMillis) {
  public AgentFrame {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(observation, "observation");
    Objects.requireNonNull(drawing, "drawing");
    lastAction = lastAction.clone();
    recentActions = List.copyOf(recentActions);
    Objects.requireNonNull(textIn, "textIn");
    Objects.requireNonNull(textOut, "textOut");
    hidden = hidden.clone();
  }
}
