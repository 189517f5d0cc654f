package io.vivarium.worlds.gold;

/**
 * The byte codes of the symbolic grid and the heading arithmetic shared by every part of the
 * gold world. Codes are printable ASCII so that the symbolic grid doubles as the terminal
 * rendering and reads naturally to a byte-level brain.
 *
 * <p>Constants only; thread-safe.
 */
public final class Cell {
  private Cell() {}

  /** An empty cell. */
  public static final byte FLOOR = '.';
  /** A wall; the border around the room is walls too. */
  public static final byte WALL = '#';
  /** A piece of gold. */
  public static final byte GOLD = 'G';
  /** The agent facing north, east, south, west, indexed by heading. */
  private static final byte[] AGENT = {'^', '>', 'v', '<'};

  /** Headings: 0 north (up), 1 east (right), 2 south (down), 3 west (left). */
  public static final int NORTH = 0;
  public static final int EAST = 1;
  public static final int SOUTH = 2;
  public static final int WEST = 3;

  /** Column step of each heading. */
  static final int[] DX = {0, 1, 0, -1};
  /** Row step of each heading. */
  static final int[] DY = {-1, 0, 1, 0};

  private static final String[] HEADING_NAMES = {"north", "east", "south", "west"};

  /** The agent's code when facing {@code heading}. */
  public static byte agent(int heading) {
    return AGENT[heading];
  }

  /** Whether {@code code} is the agent (any heading). */
  public static boolean isAgent(byte code) {
    return heading(code) >= 0;
  }

  /** The heading of an agent code, or -1 for any other code. */
  public static int heading(byte code) {
    for (int h = 0; h < 4; h++) {
      if (AGENT[h] == code) {
        return h;
      }
    }
    return -1;
  }

  /** The heading's name: north, east, south or west. */
  public static String headingName(int heading) {
    return HEADING_NAMES[heading];
  }

  /** The heading after a left turn. */
  public static int left(int heading) {
    return (heading + 3) & 3;
  }

  /** The heading after a right turn. */
  public static int right(int heading) {
    return (heading + 1) & 3;
  }
}
