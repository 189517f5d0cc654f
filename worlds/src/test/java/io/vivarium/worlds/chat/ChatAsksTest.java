package io.vivarium.worlds.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.config.ChatConfig;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Asks;
import io.vivarium.core.world.WorldContext;
import io.vivarium.core.world.Worlds;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** People's questions take a whole group, earn no grader's reward and are answered back. */
class ChatAsksTest {
  /** A queue of asks that records the answers. */
  static final class Queue implements Asks {
    final Deque<Ask> pending = new ArrayDeque<>();
    final List<String> answers = new ArrayList<>();

    @Override
    public Optional<Ask> poll(String agent) {
      return Optional.ofNullable(pending.poll());
    }

    @Override
    public void answered(Ask ask, String agent, String answer) {
      answers.add(ask.id() + " " + agent + " " + answer);
    }
  }

  @Test
  void aPendingAskTakesOneWholeGroup() {
    Queue people = new Queue();
    people.pending.add(new Asks.Ask(7, "", "Who are you?", "cli"));
    WorldContext c = ChatWorldTest.context("chat-facts", ChatConfig.defaults(), "").withAsks(people).forAgent("a3");
    try (ChatBatch b = (ChatBatch) Worlds.get("chat").batch("chat-facts", 6, c)) {
      b.reset(2, 3);
      assertThat(b.query(0).text()).isEqualTo("Who are you?");
      assertThat(b.query(2).source()).isEqualTo("ask");
      assertThat(b.query(3).source()).isEqualTo("facts");
      assertThat(b.expertText(1)).isEmpty();
      assertThat(ChatWorldTest.text(b.observation(1))).endsWith("Who are you?");
      b.step(new Action[] {Action.text("x"), Action.text("a colony"), Action.text("a colony"),
          Action.text(b.expertText(3)), Action.text("y"), Action.text("z")});
      assertThat(b.rewards()).startsWith(0f, 0f, 0f);
      assertThat(b.rewards()[3]).isEqualTo(1f);
      assertThat(people.answers).containsExactly("7 a3 a colony");
      assertThat(b.query(0).source()).isEqualTo("facts"); // the queue is empty now
    }
  }
}
