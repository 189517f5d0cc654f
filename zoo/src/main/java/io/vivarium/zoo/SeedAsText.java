package io.vivarium.zoo;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * A Jackson mix-in for rows that carry a 64-bit seed ({@code EpisodeRow}): the seed goes out as a
 * decimal string, since JavaScript's numbers hold integers exactly only up to 2^53 and the page
 * would show a rounded seed that replays nothing.
 */
abstract class SeedAsText {
  @JsonSerialize(using = ToStringSerializer.class)
  abstract long seed();
}
