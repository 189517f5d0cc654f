package io.vivarium.cli;

import io.vivarium.brain.Acted;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.PairTrainer;
import io.vivarium.core.Vocabulary;
import io.vivarium.worlds.repair.HeuristicSolver;
import io.vivarium.worlds.repair.LineEdits;
import io.vivarium.worlds.repair.Solver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A repair solver driven by a trained brain in the {@link LineEdits} formulation: every line of
 * the passage to repair becomes a window, the brain answers all windows of a passage in one
 * greedy batch (a line stops early once its answer can no longer be applied), and the harness
 * applies the finished edits it is confident of. With a heuristic in
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
  /** Bytes a replacement may have beyond the words it replaces (a span overwritten by text). */
  static final int GROWTH = 64;

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
    List<Acted> answers = PairTrainer.answer(brain, windows, room, (row, bytes) -> usable(lines.get(row), bytes));
    List<String> edits = new ArrayList<>(lines.size());
    for (Acted a : answers) {
      boolean finished = a.tokens().length > 0 && a.tokens()[a.tokens().length - 1] == Vocabulary.EOS;
      boolean sure = finished && Math.exp(a.totalLogProb() / a.tokens().length) >= MIN_CONFIDENCE;
      edits.add(sure ? new String(a.bytes(), StandardCharsets.UTF_8) : "");
    }
    return LineEdits.assemble(lines, edits);
  }

  /**
   * Whether a partial answer can still become an edit the harness applies: the old words must
   * stay a substring of the line (once complete, exactly once), and the replacement may not run
   * more than {@link #GROWTH} bytes past them.
   */
  static boolean usable(String line, byte[] partial) {
    int sep = -1;
    for (int i = 0; i < partial.length && sep < 0; i++) {
      sep = partial[i] == LineEdits.SEP ? i : -1;
    }
    if (sep < 0) {
      if (partial.length > 0 && partial[partial.length - 1] < 0) {
        return true; // inside a multi-byte character: judge when it is complete
      }
      return line.contains(new String(partial, StandardCharsets.UTF_8));
    }
    String old = new String(partial, 0, sep, StandardCharsets.UTF_8);
    int at = line.indexOf(old);
    return sep > 0 && at >= 0 && line.indexOf(old, at + 1) < 0 && partial.length - sep - 1 <= sep + GROWTH;
  }
}
