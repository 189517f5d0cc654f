package io.vivarium.worlds.listen;

import io.vivarium.core.world.Action;
import io.vivarium.core.world.ActionNames;
import io.vivarium.core.world.Expert;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Recordings;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.WorldBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Listen worlds stepped together (the generic serial batch under it), with the {@link Expert}
 * capability (the word played) and the words as {@link ActionNames}. In a colony, instance 0 hears
 * the agent's pending recording from people ({@link Recordings}) as its next episode, and the word
 * the agent answers is reported back. Not thread-safe: one thread steps a batch.
 */
public final class ListenBatch implements WorldBatch, Expert, ActionNames {
  private final List<ListenWorld> worlds = new ArrayList<>();
  private final WorldBatch serial;
  private final Recordings recordings;
  private final String agent;
  private Recordings.Recording hearing;

  /** A batch of {@code size} worlds of {@code preset}; instance 0 hears {@code agent}'s recordings. */
  public ListenBatch(ListenPreset preset, int size, Recordings recordings, String agent) {
    this.recordings = recordings;
    this.agent = agent;
    this.serial = WorldBatch.of(() -> {
      ListenWorld w = new ListenWorld(preset);
      worlds.add(w);
      return w;
    }, size);
  }

  @Override
  public Spec spec() {
    return serial.spec();
  }

  @Override
  public int size() {
    return serial.size();
  }

  @Override
  public void reset(long seed) {
    reset(seed, 1);
  }

  @Override
  public void reset(long seed, int group) {
    hearing = null; // a recording taken by an earlier reset that was never stepped is not answered
    listen();
    serial.reset(seed, group);
  }

  @Override
  public void step(Action[] actions) {
    Recordings.Recording heard = hearing;
    hearing = null;
    listen();
    serial.step(actions);
    if (heard != null) {
      int i = actions[0].firstMotor();
      recordings.answered(heard, agent, i < 0 ? "" : actionName((byte) i));
    }
  }

  /** Queues the agent's next recording, if any, for instance 0's next episode. */
  private void listen() {
    if (agent.isEmpty()) {
      return;
    }
    recordings.poll(agent).ifPresent(r -> {
      worlds.get(0).hearNext(r.samples());
      hearing = r;
    });
  }

  @Override
  public Observation observation(int i) {
    return serial.observation(i);
  }

  @Override
  public float[] rewards() {
    return serial.rewards();
  }

  @Override
  public boolean[] terminated() {
    return serial.terminated();
  }

  @Override
  public boolean[] truncated() {
    return serial.truncated();
  }

  @Override
  public long episodeSeed(int i) {
    return serial.episodeSeed(i);
  }

  /** The word played, or word 0 for a person's recording (which has no right answer). */
  @Override
  public byte expertAction(int i) {
    return ListenPreset.action(Math.max(0, worlds.get(i).word()));
  }

  @Override
  public String actionName(byte action) {
    return worlds.get(0).actionName(action);
  }

  @Override
  public void close() {
    serial.close();
  }
}
