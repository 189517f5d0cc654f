package io.vivarium.worlds.chat;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.FactBook;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.Step;
import io.vivarium.core.world.World;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One chat world instance outside a colony: each episode asks one question of its source on the
 * {@code text} channel (after the fact memory's hits) and takes one answer on the {@code text}
 * channel, rewarded by the source's grader; the last observation shows the expected answer.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class ChatWorld implements World {
  /** The longest answer read, in bytes: answers are short (a name, a number, a colour). */
  public static final int ANSWER_BYTES = 32;
  private final ChatSetup setup;
  private final Spec spec;
  private Query query;
  private boolean done = true;

  ChatWorld(ChatSetup setup) {
    if (setup.evaluator()) {
      throw new IllegalArgumentException("world.reward=evaluator needs a colony's evaluator; a single chat world"
          + " rewards with its source's grader (leave world.reward empty)");
    }
    this.setup = setup;
    this.spec = setup.spec();
  }

  @Override
  public Spec spec() {
    return spec;
  }

  @Override
  public Observation reset(long seed) {
    query = setup.source().ask(seed);
    done = false;
    List<FactBook.Fact> hits = setup.hits(query);
    return setup.show(query, hits);
  }

  /** The question of the current (or last) episode; a misuse before the first reset. */
  public Query query() {
    if (query == null) {
      throw new IllegalStateException("reset the chat world before asking for its question");
    }
    return query;
  }

  @Override
  public Step step(Action action) {
    if (done) {
      throw new IllegalStateException("the chat episode is over; reset the world first");
    }
    done = true;
    byte[] b = action.text().length > 0 ? action.text() : action.motor();
    String answer = new String(b.length <= ANSWER_BYTES ? b : Arrays.copyOf(b, ANSWER_BYTES), StandardCharsets.UTF_8);
    double reward = Grader.reward(query.expected(), answer);
    Map<String, String> info = Map.of("exact", Boolean.toString(Grader.exact(query.expected(), answer)),
        "expected", query.expected(), "source", query.source());
    Observation shown = Observation.of(Channel.TEXT, query.expected().getBytes(StandardCharsets.UTF_8));
    return new Step(shown, reward, true, false, info);
  }
}
