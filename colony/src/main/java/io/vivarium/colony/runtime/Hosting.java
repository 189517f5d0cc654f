package io.vivarium.colony.runtime;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.config.VivariumConfig;
import java.util.List;
import java.util.Optional;

/** A {@link Colony} as its {@link Placement} sees it. Used on the colony's thread only. */
final class Hosting implements Host {
  private final Colony colony;

  Hosting(Colony colony) {
    this.colony = colony;
  }

  @Override
  public VivariumConfig config() {
    return colony.config;
  }

  @Override
  public DataDir dataDir() {
    return colony.dir;
  }

  @Override
  public Registry registry() {
    return colony.registry;
  }

  @Override
  public List<String> agentIds() {
    return colony.agentIds();
  }

  @Override
  public double stepsPerSecond() {
    return colony.stepsPerSecond;
  }

  @Override
  public void log(String line) {
    colony.log.accept(line);
  }

  @Override
  public void populate() {
    colony.lifecycle.populate();
  }

  @Override
  public boolean waitForWake() {
    return Rounds.idle(colony);
  }

  @Override
  public boolean foundIfEmpty() {
    if (!colony.registry.agents().isEmpty()) {
      return false;
    }
    colony.lifecycle.founders();
    return true;
  }

  @Override
  public boolean adopt(String id) {
    Optional<AgentRow> row = Records.agent(colony.registry, id);
    if (row.isEmpty() || row.get().state() != AgentState.ALIVE || colony.find(id) != null) {
      return false;
    }
    return colony.lifecycle.resume(row.get());
  }

  @Override
  public void release(String id) {
    LiveAgent a = colony.find(id);
    if (a != null) {
      colony.lifecycle.checkpoint(a);
      colony.lifecycle.unload(a);
    }
  }

  @Override
  public void drop(String id) {
    LiveAgent a = colony.find(id);
    if (a != null) {
      colony.lifecycle.unload(a);
      colony.log.accept("agent " + id + " dropped without a checkpoint: this node was cut off from the cluster");
    }
  }

  @Override
  public boolean kill(String id, String reason) {
    LiveAgent a = colony.find(id);
    if (a == null) {
      return false;
    }
    colony.lifecycle.kill(a, reason);
    return true;
  }
}
