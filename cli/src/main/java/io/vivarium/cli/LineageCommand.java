package io.vivarium.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.admin.Lineage;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.Registry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vivarium lineage [AGENT] [--json | --dot]}: the family tree. */
@Command(name = "lineage", mixinStandardHelpOptions = true,
    description = {"Draw the colony's family tree, or one agent's ancestry and descendants.",
        "--json prints the tree as nested objects; --dot as a Graphviz digraph (dot -Tsvg -o tree.svg)."})
final class LineageCommand extends VivariumCommand {
  @Parameters(paramLabel = "AGENT", arity = "0..1", description = "Only this agent's ancestry and subtree.")
  String agent;

  @ArgGroup(exclusive = true)
  Form form;

  /** The output forms besides the text tree; at most one. */
  static final class Form {
    @Option(names = "--json", description = "Print JSON: {\"ancestry\": [...], \"roots\": [nested agents]}.")
    boolean json;

    @Option(names = "--dot", description = "Print a Graphviz digraph.")
    boolean dot;
  }

  @Override
  public Integer call() throws Exception {
    DataDir dir = Colonies.require(dataDir());
    Lineage lineage;
    try (Registry r = Registry.openReadOnly(dir.registryLocation())) {
      lineage = new Lineage(r.agents());
    }
    if (form != null && form.dot) {
      out().print(lineage.dot(agent));
    } else if (form != null && form.json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("ancestry", agent == null ? List.of() : lineage.ancestry(agent).stream().map(AgentRow::id).toList());
      List<Object> roots = new ArrayList<>();
      for (AgentRow a : agent == null ? lineage.roots() : List.of(lineage.get(agent))) {
        roots.add(node(lineage, a));
      }
      doc.put("roots", roots);
      out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
    } else {
      out().print(agent == null ? lineage.tree() : lineage.of(agent));
    }
    out().flush();
    return 0;
  }

  private static Map<String, Object> node(Lineage lineage, AgentRow a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("parent", a.parent());
    m.put("generation", a.generation());
    m.put("state", a.state().name().toLowerCase(java.util.Locale.ROOT));
    m.put("world", a.world());
    m.put("brain", a.size());
    m.put("parameters", a.parameters());
    m.put("fitness", a.fitness());
    m.put("born_ms", a.bornMillis());
    m.put("died_ms", a.diedMillis());
    List<Object> kids = new ArrayList<>();
    for (AgentRow c : lineage.children(a.id())) {
      kids.add(node(lineage, c));
    }
    m.put("children", kids);
    return m;
  }
}
