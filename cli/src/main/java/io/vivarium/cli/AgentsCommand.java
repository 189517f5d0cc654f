package io.vivarium.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.LearnerHealth;
import io.vivarium.colony.registry.Registry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vivarium agents}: every agent of the colony, dead ones included. */
@Command(name = "agents", mixinStandardHelpOptions = true,
    description = "List the colony's agents: id, parent, generation, state, fitness, recorded episodes and "
        + "learning-health flags (entropy collapsed, kl collapsed, value not learning).")
final class AgentsCommand extends VivariumCommand {
  @Option(names = "--json", description = "Print a JSON array, one object per agent.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    DataDir dir = Colonies.require(dataDir());
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Registry r = Registry.openReadOnly(dir.registryLocation())) {
      Map<String, Long> episodes = r.episodes().countByAgent();
      for (AgentRow a : r.agents()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("parent", a.parent());
        m.put("generation", a.generation());
        m.put("state", a.state().key());
        m.put("fitness", a.fitness());
        m.put("episodes", episodes.getOrDefault(a.id(), 0L));
        m.put("world", a.world());
        m.put("brain", a.brainSpec());
        m.put("parameters", a.parameters());
        m.put("error", a.error());
        m.put("flags", LearnerHealth.flags(r, a.id()).stream().map(LearnerHealth.Flag::label).toList());
        rows.add(m);
      }
    }
    if (json) {
      out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
      return 0;
    }
    out().printf("%-8s %-8s %4s  %-12s %9s %9s  %s%n", "id", "parent", "gen", "state", "fitness", "episodes",
        "flags");
    for (Map<String, Object> m : rows) {
      List<?> flags = (List<?>) m.get("flags");
      out().printf("%-8s %-8s %4d  %-12s %9.4f %9d  %s%n", m.get("id"), m.get("parent") == null ? "-" : m.get("parent"),
          m.get("generation"), m.get("state"), m.get("fitness"), m.get("episodes"),
          flags.isEmpty() ? "-" : String.join(", ", flags.stream().map(Object::toString).toList()));
    }
    return 0;
  }
}
