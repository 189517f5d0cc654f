package io.vivarium.worlds.repair;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The fourteen named corruption operations of the repair world. Each is seeded, changes the
 * passage it is given (or declines when the passage offers nothing to act on) and describes
 * what it did in one diagnosis line, e.g. {@code duplicate_word: Word was duplicated near word
 * index 23.}. Positions in diagnoses are 0-based character or word indices in the text as it
 * was when the operation ran.
 *
 * <p>Immutable and thread-safe.
 */
public enum Operation {
  TRANSPOSE_SUBSTRINGS(SpanEdits::transposeSubstrings),
  SUBSTRING2GIBBERISH(SpanEdits::substringToGibberish),
  ADJACENT_SUBSTRING_SWAP(SpanEdits::adjacentSubstringSwap),
  DELETE_SUBSTRING(SpanEdits::deleteSubstring),
  INSERT_SPURIOUS_HTML_XML_TAG(SpanEdits::insertSpuriousTag),
  DELETE_WHITESPACE_CHARACTER(SpanEdits::deleteWhitespaceCharacter),
  DUPLICATE_WORD(WordEdits::duplicateWord),
  INSERT_PRINTABLE_ASCII_CHARACTER(SpanEdits::insertPrintableAsciiCharacter),
  SHUFFLE_WORD_MIDDLE(WordEdits::shuffleWordMiddle),
  SWAP_CAPITALIZATION(SpanEdits::swapCapitalization),
  INSERT_PUNCTUATION(SpanEdits::insertPunctuation),
  ADJACENT_WORD_SWAP(WordEdits::adjacentWordSwap),
  RANDOM_NUMBER_REPLACEMENT(WordEdits::randomNumberReplacement),
  SWAP_SUBSTRINGS(SpanEdits::swapSubstrings);

  /** One operation's implementation. */
  @FunctionalInterface
  interface Edit {
    /**
     * Damages {@code text}; {@code donor} is another passage that operations moving foreign
     * text may borrow from. Returns {@code null} when the text offers nothing to act on.
     */
    Edited apply(String text, String donor, SplittableRandom rng);
  }

  /** The damaged text and the diagnosis sentence, without the operation's name. */
  record Edited(String text, String detail) {}

  private final Edit edit;

  Operation(Edit edit) {
    this.edit = edit;
  }

  /** The operation's name as the seed writes it, e.g. {@code duplicate_word}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The operation named {@code key}; an unknown name lists the known ones. */
  public static Operation of(String key) {
    for (Operation op : values()) {
      if (op.key().equals(key)) {
        return op;
      }
    }
    throw new IllegalArgumentException("unknown repair operation '" + key + "'; known operations: "
        + java.util.Arrays.stream(values()).map(Operation::key).toList());
  }

  /**
   * Applies this operation to {@code text}, retrying a few draws when one leaves the text
   * unchanged; {@code null} when the text offers nothing to act on.
   */
  public Corruption apply(String text, String donor, SplittableRandom rng) {
    for (int attempt = 0; attempt < 8; attempt++) {
      Edited e = edit.apply(text, donor, rng);
      if (e == null) {
        return null;
      }
      if (!e.text().equals(text)) {
        return new Corruption(this, e.text(), key() + ": " + e.detail());
      }
    }
    return null;
  }
}
