package io.vivarium.worlds;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.world.WorldContract;
import io.vivarium.core.world.WorldFactory;
import io.vivarium.core.world.Worlds;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every world on the class path has a subclass of core's world contract. */
class RegisteredWorldsTest {
  /** The contract test of each registered world; a new world adds its line here. */
  private static final Map<String, String> CONTRACTS = Map.of(
      "gold", "io.vivarium.worlds.gold.GoldContractTest",
      "exec", "io.vivarium.worlds.exec.ExecWorldTest",
      "repair", "io.vivarium.worlds.repair.RepairWorldTest",
      "chat", "io.vivarium.worlds.chat.ChatWorldTest",
      "terminal", "io.vivarium.worlds.terminal.TerminalContractTest",
      "listen", "io.vivarium.worlds.listen.ListenContractTest");

  @Test
  void everyRegisteredWorldRunsTheWorldContract() throws ClassNotFoundException {
    assertThat(Worlds.all()).extracting(WorldFactory::name)
        .as("registered worlds; add a WorldContract subclass for a new one and list it here")
        .containsExactlyInAnyOrderElementsOf(CONTRACTS.keySet());
    for (String test : CONTRACTS.values()) {
      assertThat(WorldContract.class.isAssignableFrom(Class.forName(test))).as(test).isTrue();
    }
  }
}
