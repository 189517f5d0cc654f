package io.vivarium.core;

/**
 * The token vocabulary every brain and world shares: the 256 byte values, then a few special
 * tokens, then one marker per {@link Channel}. Because every world speaks bytes, one brain
 * design serves all worlds.
 *
 * <p>Token ids are stable: they are part of the brain checkpoint format.
 */
public final class Vocabulary {
  /** Number of plain byte tokens; byte {@code b} is token {@code b & 0xFF}. */
  public static final int BYTES = 256;
  /** Padding; never predicted. */
  public static final int PAD = 256;
  /** Begin of sequence. */
  public static final int BOS = 257;
  /** End of sequence or of a generated answer. */
  public static final int EOS = 258;
  /** Separates the observation prefix from the generated part. */
  public static final int SEP = 259;
  /** The first channel marker; channel {@code c} is {@code FIRST_CHANNEL + c.ordinal()}. */
  public static final int FIRST_CHANNEL = 260;
  /** Total number of tokens. */
  public static final int SIZE = FIRST_CHANNEL + Channel.values().length;

  private Vocabulary() {}

  /** The token of a byte value. */
  public static int token(byte b) {
    return b & 0xFF;
  }

  /** The marker token that opens {@code channel}'s bytes in a sequence. */
  public static int marker(Channel channel) {
    return FIRST_CHANNEL + channel.ordinal();
  }

  /** Whether {@code token} is a plain byte. */
  public static boolean isByte(int token) {
    return token >= 0 && token < BYTES;
  }

  /** A readable name for any token: the byte value or the special's name. */
  public static String name(int token) {
    if (isByte(token)) {
      return token >= 0x20 && token < 0x7F ? "'" + (char) token + "'" : String.format("0x%02x", token);
    }
    return switch (token) {
      case PAD -> "<pad>";
      case BOS -> "<bos>";
      case EOS -> "<eos>";
      case SEP -> "<sep>";
      default -> {
        if (token >= FIRST_CHANNEL && token < SIZE) {
          yield "<" + Channel.values()[token - FIRST_CHANNEL].key() + ">";
        }
        throw new IllegalArgumentException(
            "token " + token + " is outside the vocabulary [0, " + SIZE + ")");
      }
    };
  }
}
