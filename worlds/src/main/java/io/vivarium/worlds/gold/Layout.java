package io.vivarium.worlds.gold;

/** How the inside of a gold room is built for each episode. */
public enum Layout {
  /** No inner walls. */
  BARE,
  /** Random inner wall segments; the gold is always reachable from the agent. */
  WALLS,
  /** Two to four rooms separated by walls and joined by doorways. */
  ROOMS
}
