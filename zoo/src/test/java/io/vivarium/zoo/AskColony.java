package io.vivarium.zoo;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.runtime.AgentFrame;
import io.vivarium.colony.runtime.ColonyHandle;
import io.vivarium.core.Event;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A colony handle over a registry with no colony loop: requests and asks are queued as a
 * colony's would be, and the test answers asks itself (a stand-in for a text world's agents).
 * Thread-safe as the registry is.
 */
final class AskColony implements ColonyHandle, AutoCloseable {
  final DataDir dir;
  final Registry registry;

  AskColony(Path root) {
    dir = new DataDir(root);
    registry = Registry.open(dir.registry());
    registry.recordStart("vivarium", 42, "", "0");
    for (String id : new String[] {"a0001", "a0002"}) {
      registry.putAgent(new AgentRow(id, null, 0, AgentState.ALIVE, "chat", "tiny", 0, 0, 1, 0, null));
    }
  }

  @Override
  public DataDir dataDir() {
    return dir;
  }

  @Override
  public Optional<AgentFrame> frame(String agent) {
    return Optional.empty();
  }

  @Override
  public long request(String agent, String action, String arg, String source) {
    return registry.addRequest(agent, action, arg, source);
  }

  @Override
  public long ask(String agent, String text, String source) {
    return registry.asks().add(agent, text, source);
  }

  @Override
  public long thumb(long ask, String agent, int sign, String source) {
    registry.asks().checkThumb(ask, agent, sign);
    long id = request(agent, "reward", Integer.toString(sign), source);
    registry.asks().reward(ask, agent, sign);
    return id;
  }

  @Override
  public AutoCloseable onEvent(Consumer<Event> listener) {
    return () -> { };
  }

  @Override
  public double stepsPerSecond() {
    return 0;
  }

  @Override
  public void close() {
    registry.close();
  }
}
