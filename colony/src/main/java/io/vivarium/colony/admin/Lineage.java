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

  /** The founders and imported agents (whose parent is not in this colony), oldest first. */
  public List<AgentRow> roots() {
    return byId.values().stream().filter(a -> a.parent() == null || !byId.containsKey(a.parent())).toList();
  }

  /** {@code id}'s children, oldest first. */
  public List<AgentRow> children(String id) {
    return List.copyOf(children.getOrDefault(get(id).id(), List.of()));
  }

  /**
   * The family tree as a Graphviz {@code digraph} ({@code dot -Tsvg}): one box per agent (id,
   * generation, brain size, fitness; filled by state), one edge per parent and child; the whole
   * colony, or with {@code id} its ancestry and descendants.
   */
  public String dot(String id) {
    List<AgentRow> shown = new ArrayList<>();
    if (id == null) {
      shown.addAll(byId.values());
    } else {
      shown.addAll(ancestry(id));
      shown.addAll(descendants(id));
    }
    StringBuilder sb = new StringBuilder("digraph lineage {\n  rankdir=TB;\n"
        + "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n");
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (AgentRow a : shown) {
      ids.add(a.id());
      sb.append(String.format(Locale.ROOT, "  \"%s\" [label=\"%s\\ngen %d · %s\\nfitness %.3f\", fillcolor=\"%s\"%s];\n",
          a.id(), a.id(), a.generation(), quote(a.size()), a.fitness(), colour(a),
          a.id().equals(id) ? ", penwidth=2" : ""));
    }
    for (AgentRow a : shown) {
      if (a.parent() != null && ids.contains(a.parent())) {
        sb.append("  \"").append(a.parent()).append("\" -> \"").append(a.id()).append("\";\n");
      }
    }
    return sb.append("}\n").toString();
  }

  private static String quote(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String colour(AgentRow a) {
    return switch (a.state()) {
      case ALIVE -> "#c8e6c9";
      case HIBERNATING -> "#bbdefb";
      case DEAD -> "#e0e0e0";
      case FAILED -> "#ffcdd2";
    };
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
