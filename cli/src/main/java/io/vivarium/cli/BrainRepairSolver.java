package io.vivarium.cli;

import io.vivarium.brain.Acted;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.PairTrainer;
import io.vivarium.worlds.repair.HeuristicSolver;
import io.vivarium.worlds.repair.LineEdits;
import io.vivarium.worlds.repair.Solver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A repair solver driven by a trained brain in the {@link LineEdits} formulation: every line of
 * the passage to repair becomes a window, the brain answers all windows of a passage in one
 * greedy batch, and the harness applies the edits it is confident of. With a heuristic in
 * front ({@code heuristic+brain}), the rules run first and the brain edits what they leave.
 * The solver reads only the observation: the passage to repair, never the clean text or the
 * diagnosis.
 *
 * <p>Thread-safe ({@link TorchBrain} allows concurrent inference; the heuristic is read-only).
 * The brain lives as long as the solver; the process owns it.
 */
final class BrainRepairSolver {
  /** Edits whose mean token probability is below this are not applied. */
  static final double MIN_CONFIDENCE = 0.5;
  private static final int MAX_ANSWER = 160;

  private final TorchBrain brain;
  private final HeuristicSolver first;

  private BrainRepairSolver(TorchBrain brain, HeuristicSolver first) {
    this.brain = brain;
    this.first = first;
  }

  /** A solver named {@code name} over {@code brain}, after {@code first} when not null. */
  static Solver create(String name, TorchBrain brain, HeuristicSolver first) {
    return Solver.ofText(name, new BrainRepairSolver(brain, first)::repair);
  }

  /** The repaired passage. */
  String repair(String passage) {
    String text = first == null ? passage : first.repair(passage);
    List<String> lines = LineEdits.lines(text);
    List<byte[]> windows = new ArrayList<>(lines.size());
    int longest = 0;
    for (int i = 0; i < lines.size(); i++) {
      byte[] w = LineEdits.window(lines, i);
      windows.add(w);
      longest = Math.max(longest, w.length);
    }
    int room = Math.max(1, Math.min(MAX_ANSWER, brain.shape().block() - 1 - longest));
    List<Acted> answers = PairTrainer.answer(brain, windows, room);
    List<String> edits = new ArrayList<>(lines.size());
    for (Acted a : answers) {
      boolean sure = a.tokens().length > 0
          && Math.exp(a.totalLogProb() / a.tokens().length) >= MIN_CONFIDENCE;
      edits.add(sure ? new String(a.bytes(), StandardCharsets.UTF_8) : "");
    }
    return LineEdits.assemble(lines, edits);
  }
}
