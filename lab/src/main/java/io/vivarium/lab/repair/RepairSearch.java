package io.vivarium.lab.repair;

import io.vivarium.worlds.repair.WordEdits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The noisy-channel candidate generator: for a damaged passage, proposes the inverses of the
 * corruptions a character n-gram model can locate — one character deleted, a space or newline
 * inserted, neighbouring words swapped back, the two halves of a span swapped back, two spans
 * swapped back — and ranks them by how much they raise the passage's n-gram log-likelihood
 * (its <em>gain</em>). Span moves are tried only between <em>break points</em>: the positions
 * where the text before explains the text after worst, as a junction of two pieces that were
 * not neighbours in the clean text does. The search never sees the clean text or the
 * operations.
 *
 * <p>Thread-safe (the model is read-only; each call works on its own state).
 */
public final class RepairSearch {
  /** The kinds of repair the search proposes; each has its own acceptance margin. */
  public enum Family {
    /** Delete one character (an inserted character or punctuation mark). */
    DELETE_CHAR,
    /** Insert a space or a newline (a deleted whitespace character). */
    INSERT_SPACE,
    /** Swap two neighbouring words back. */
    WORD_SWAP,
    /** Swap back the two halves of a span (adjacent substrings). */
    HALVES_SWAP,
    /** Swap back two separate spans. */
    SPAN_SWAP
  }

  /** One proposed repair: the repaired text and its n-gram gain over the text searched. */
  public record Candidate(Family family, String text, double gain) {}

  /** A piece of a candidate: the range {@code [start, end)} of the searched text, or a literal. */
  private record Piece(int start, int end, String literal) {
    static Piece of(int start, int end) {
      return new Piece(start, end, null);
    }

    int length() {
      return literal == null ? end - start : literal.length();
    }
  }

  private static final int HEAD = CharNgram.ORDER - 1;
  /** Longest span whose halves are swapped back (the corruption's is 80), with slack. */
  static final int MAX_HALVES = 82;
  /** Longest span swapped back by {@link Family#SPAN_SWAP} (the corruption's is 50), with slack. */
  static final int MAX_SPAN = 52;
  private final CharNgram model;
  private final int breaks;
  private final int slop;

  /**
   * A search ranked by {@code model} that tries span moves between its {@code breaks} best
   * break points, each widened by {@code slop} positions on both sides.
   */
  public RepairSearch(CharNgram model, int breaks, int slop) {
    if (breaks < 2 || slop < 0) {
      throw new IllegalArgumentException("break points must be at least 2 and their slop 0 or more; got "
          + breaks + " and " + slop);
    }
    this.model = model;
    this.breaks = breaks;
    this.slop = slop;
  }

  /** The n-gram model that ranks candidates. */
  public CharNgram model() {
    return model;
  }

  /**
   * The best {@code perFamily} candidates of each family for repairing {@code text}, best gain
   * first (gains may be negative: a family always proposes its best).
   */
  public List<Candidate> candidates(String text, int perFamily) {
    double[] lp = model.logProbs(text);
    Map<Family, List<Candidate>> best = new EnumMap<>(Family.class);
    for (Family f : Family.values()) {
      best.put(f, new ArrayList<>());
    }
    Scorer s = new Scorer(text, lp, perFamily, best);
    int n = text.length();
    for (int p = 0; p < n; p++) {
      s.offer(Family.DELETE_CHAR, List.of(Piece.of(0, p), Piece.of(p + 1, n)));
    }
    for (int p = 1; p < n; p++) {
      if (!Character.isWhitespace(text.charAt(p - 1)) && !Character.isWhitespace(text.charAt(p))) {
        s.offer(Family.INSERT_SPACE, List.of(Piece.of(0, p), new Piece(p, p, " "), Piece.of(p, n)));
        s.offer(Family.INSERT_SPACE, List.of(Piece.of(0, p), new Piece(p, p, "\n"), Piece.of(p, n)));
      }
    }
    List<int[]> words = WordEdits.words(text);
    for (int w = 0; w + 1 < words.size(); w++) {
      int[] a = words.get(w);
      int[] b = words.get(w + 1);
      s.offer(Family.WORD_SWAP, List.of(Piece.of(0, a[0]), Piece.of(b[0], b[1]), Piece.of(a[1], b[0]),
          Piece.of(a[0], a[1]), Piece.of(b[1], n)));
    }
    spanMoves(s, breakPoints(text, lp), n);
    List<Candidate> out = new ArrayList<>();
    best.values().forEach(out::addAll);
    out.sort(Comparator.comparingDouble(Candidate::gain).reversed());
    return out;
  }

  private void spanMoves(Scorer s, int[] x, int n) {
    for (int a = 0; a < x.length; a++) {
      for (int b = a + 1; b < x.length && x[b] - x[a] <= MAX_HALVES; b++) {
        for (int c = b + 1; c < x.length && x[c] - x[a] <= MAX_HALVES; c++) {
          s.offer(Family.HALVES_SWAP, List.of(Piece.of(0, x[a]), Piece.of(x[b], x[c]), Piece.of(x[a], x[b]),
              Piece.of(x[c], n)));
        }
        if (x[b] - x[a] > MAX_SPAN) {
          continue;
        }
        for (int c = b + 1; c < x.length; c++) {
          for (int d = c + 1; d < x.length && x[d] - x[c] <= MAX_SPAN; d++) {
            s.offer(Family.SPAN_SWAP, List.of(Piece.of(0, x[a]), Piece.of(x[c], x[d]), Piece.of(x[b], x[c]),
                Piece.of(x[a], x[b]), Piece.of(x[d], n)));
          }
        }
      }
    }
  }

  /**
   * The break points, sorted: the {@link #breaks} positions where the characters that follow
   * are explained worst by the text before (the log-probability the next {@code ORDER - 1}
   * characters lose by being read after what precedes them rather than from a fresh start
   * there), each with its {@link #slop} neighbours on both sides, and the text's two ends.
   * {@code lp} holds the text's per-character log-probabilities.
   */
  int[] breakPoints(String text, double[] lp) {
    int n = text.length();
    double[] score = new double[n + 1];
    for (int x = 1; x < n; x++) {
      for (int p = x; p < Math.min(n, x + HEAD); p++) {
        score[x] += model.logProb(text, x, p) - lp[p];
      }
    }
    Integer[] order = new Integer[Math.max(0, n - 1)];
    for (int i = 0; i < order.length; i++) {
      order[i] = i + 1;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer x) -> -score[x]));
    TreeSet<Integer> picked = new TreeSet<>();
    picked.add(0);
    picked.add(n);
    for (int i = 0; i < Math.min(order.length, breaks); i++) {
      for (int d = -slop; d <= slop; d++) {
        picked.add(Math.max(0, Math.min(n, order[i] + d)));
      }
    }
    return picked.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Scores candidates by the change in log-likelihood near their junctions and keeps the best. */
  private final class Scorer {
    private final String text;
    private final double[] lp;
    private final int keep;
    private final Map<Family, List<Candidate>> best;
    private final StringBuilder b = new StringBuilder();

    Scorer(String text, double[] lp, int keep, Map<Family, List<Candidate>> best) {
      this.text = text;
      this.lp = lp;
      this.keep = keep;
      this.best = best;
    }

    /**
     * Offers the candidate made of {@code pieces}. Only the first {@code ORDER - 1} characters
     * of a moved range (and every character of a literal) can change probability; the ranges'
     * other characters keep their contexts, so the gain is the sum over those heads in the new
     * text minus the heads and dropped characters in the old.
     */
    void offer(Family f, List<Piece> pieces) {
      b.setLength(0);
      double gain = 0;
      for (Piece p : pieces) {
        int at = b.length();
        if (p.literal() == null) {
          b.append(text, p.start(), p.end());
        } else {
          b.append(p.literal());
        }
        int scored = p.literal() == null ? Math.min(HEAD, p.length()) : p.length();
        for (int i = at; i < at + scored; i++) {
          gain += model.logProb(b, i);
        }
      }
      List<Piece> ranges = new ArrayList<>(pieces.stream().filter(p -> p.literal() == null).toList());
      ranges.sort(Comparator.comparingInt(Piece::start));
      int at = 0; // ranges never overlap: the old text is ranges, and the gaps the candidate drops
      for (Piece p : ranges) {
        for (int i = at; i < p.start() + Math.min(HEAD, p.length()); i++) {
          gain -= lp[i];
        }
        at = p.end();
      }
      for (int i = at; i < text.length(); i++) {
        gain -= lp[i];
      }
      keep(f, gain);
    }

    /** Keeps the candidate being built if it is among the family's best so far. */
    private void keep(Family f, double gain) {
      List<Candidate> list = best.get(f);
      if (list.size() >= keep && gain <= list.get(list.size() - 1).gain()) {
        return;
      }
      Candidate c = new Candidate(f, b.toString(), gain);
      if (c.text().equals(text) || list.stream().anyMatch(x -> x.text().equals(c.text()))) {
        return;
      }
      list.add(c);
      list.sort(Comparator.comparingDouble(Candidate::gain).reversed());
      if (list.size() > keep) {
        list.remove(list.size() - 1);
      }
    }
  }
}
