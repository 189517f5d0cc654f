package io.vivarium.colony.admin;

import io.vivarium.colony.registry.AgentRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A colony's family tree from its registry rows: the whole forest (founders and imported agents
 * are roots), or one agent's ancestry and descendants, drawn as text; each agent's line shows its
 * brain's size ({@link AgentRow#size()}).
 *
 * <p>Immutable after construction; thread-safe.
 */
public final class Lineage {
  private final Map<String, AgentRow> byId = new LinkedHashMap<>();
  private final Map<String, List<AgentRow>> children = new LinkedHashMap<>();

  /** The lineage of {@code agents} (oldest first, as the registry lists them). */
  public Lineage(List<AgentRow> agents) {
    for (AgentRow a : agents) {
      byId.put(a.id(), a);
    }
    for (AgentRow a : agents) {
      if (a.parent() != null && byId.containsKey(a.parent())) {
        children.computeIfAbsent(a.parent(), k -> new ArrayList<>()).add(a);
      }
    }
  }

  /** The agent {@code id}, or a clear error. */
  public AgentRow get(String id) {
    AgentRow a = byId.get(AgentRow.checkId(id));
    if (a == null) {
      throw new IllegalArgumentException("no agent " + id + " in this colony; 'vivarium agents' lists them");
    }
    return a;
  }

  /** {@code id}'s ancestors and itself, the founder first. */
  public List<AgentRow> ancestry(String id) {
    List<AgentRow> line = new ArrayList<>();
    for (AgentRow a = get(id); a != null; a = a.parent() == null ? null : byId.get(a.parent())) {
      line.add(0, a);
      if (line.size() > byId.size()) {
        throw new IllegalStateException("the registry's lineage has a cycle through " + id);
      }
    }
    return line;
  }

  /** {@code id}'s descendants, depth first. */
  public List<AgentRow> descendants(String id) {
    List<AgentRow> out = new ArrayList<>();
    for (AgentRow c : children.getOrDefault(get(id).id(), List.of())) {
      out.add(c);
      out.addAll(descendants(c.id()));
    }
    return out;
  }

  /** The whole colony as a forest, one root per founder (or imported agent). */
  public String tree() {
    StringBuilder sb = new StringBuilder();
    for (AgentRow a : byId.values()) {
      if (a.parent() == null || !byId.containsKey(a.parent())) {
        draw(a, "", "", sb);
      }
    }
    return sb.toString();
  }

  /** One agent: its line of ancestors, then its subtree. */
  public String of(String id) {
    StringBuilder sb = new StringBuilder("ancestry: ");
    List<AgentRow> line = ancestry(id);
    for (int i = 0; i < line.size(); i++) {
      sb.append(i == 0 ? "" : " → ").append(line.get(i).id());
    }
    sb.append('\n');
    draw(get(id), "", "", sb);
    return sb.toString();
  }

  private void draw(AgentRow a, String lead, String indent, StringBuilder sb) {
    sb.append(lead).append(String.format(Locale.ROOT, "%s  gen %d · %s · %s · fitness %.3f%n",
        a.id(), a.generation(), a.state(), a.size(), a.fitness()));
    List<AgentRow> kids = children.getOrDefault(a.id(), List.of());
    for (int i = 0; i < kids.size(); i++) {
      boolean last = i == kids.size() - 1;
      draw(kids.get(i), indent + (last ? "└── " : "├── "), indent + (last ? "    " : "│   "), sb);
    }
  }
}
