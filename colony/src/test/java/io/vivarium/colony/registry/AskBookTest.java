package io.vivarium.colony.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** People's questions in the registry: the schema 4 migration, queueing, answers, thumbs and the input rules. */
class AskBookTest extends OnBothDatabases {


  private static AgentRow agent(String id) {
    return new AgentRow(id, null, 0, AgentState.ALIVE, "chat-facts", "tiny", 0, 0, 1000, 0, null);
  }

  @Test
  void migrationFrom3To4KeepsTheOldRecordsAndAddsTheAskTables() {
    try (Registry r = Registry.open(RegistryLocation.parse(where), Schema.MIGRATIONS.subList(0, 3))) {
      putOldAgent(r, "a0001");
      r.addRequest("a0001", "talk", "hello", "cli");
      assertThat(r.schemaVersion()).isEqualTo(3);
    }
    try (Registry r = Registry.open(where)) {
      assertThat(r.schemaVersion()).isEqualTo(Schema.version());
      assertThat(r.agent("a0001")).isPresent();
      assertThat(r.pendingRequests()).singleElement().extracting(Request::arg).isEqualTo("hello");
      long id = r.asks().add("a0001", "what is the capital of Freedonia?", "cli");
      assertThat(r.asks().get(id)).get().extracting(AskRow::state).isEqualTo("pending");
      assertThat(r.integrityCheck()).isEqualTo("ok");
    }
  }

  @Test
  void pendingAsksAreRowsThatSurviveAReopen() {
    long id;
    try (Registry r = Registry.open(where)) {
      id = r.asks().add("", "how tall is the tower?", "zoo");
      r.asks().add("*", "which colour?", "cli");
    }
    try (Registry r = Registry.open(where)) {
      assertThat(r.asks().pendingAfter(0, 10)).extracting(AskRow::id, AskRow::agent)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(id, ""), org.assertj.core.groups.Tuple.tuple(id + 1, "*"));
      assertThat(r.asks().pendingAfter(id, 10)).hasSize(1);
    }
  }

  @Test
  void answersThumbsAndClosing() {
    try (Registry r = Registry.open(where)) {
      r.putAgent(agent("a0001"));
      r.putAgent(agent("a0002"));
      long every = r.asks().add("*", "2+2?", "cli");
      r.asks().answer(every, "a0002", "4");
      r.asks().answer(every, "a0001", "5");
      r.asks().answer(every, "a0001", "6"); // once per agent
      AskRow row = r.asks().get(every).orElseThrow();
      assertThat(row.state()).isEqualTo("answered");
      assertThat(row.answeredBy()).isEqualTo("a0002");
      assertThat(row.answer()).isEqualTo("4");
      assertThat(r.asks().answers(every)).extracting(AskAnswer::agent, AskAnswer::answer)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("a0002", "4"),
              org.assertj.core.groups.Tuple.tuple("a0001", "5"));
      assertThat(r.asks().reward(every, "a0001", -1)).isTrue();
      assertThat(r.asks().reward(every, "a0003", 1)).isFalse();
      assertThat(r.asks().get(every).orElseThrow().reward()).isEqualTo(-1);
      assertThat(r.asks().answers(every).get(1).reward()).isEqualTo(-1);
      assertThat(r.asks().close(every, "dropped", "full")).as("an answered ask is not pending").isFalse();
      long other = r.asks().add("", "hi", "bus");
      assertThat(r.asks().close(other, "refused", "no text world")).isTrue();
      assertThat(r.asks().get(other).orElseThrow()).extracting(AskRow::state, AskRow::reason)
          .containsExactly("refused", "no text world");
      assertThat(r.asks().count("refused")).isEqualTo(1);
    }
  }

  @Test
  void badInputIsRefusedNamingTheInputTheRuleAndTheFix() {
    try (Registry r = Registry.open(where)) {
      assertThatThrownBy(() -> r.asks().add("", "  ", "cli"))
          .hasMessage("the question from cli is empty; an ask needs 1-1000 UTF-8 bytes of text: type a question");
      assertThatThrownBy(() -> r.asks().add("", "é".repeat(501), "zoo"))
          .hasMessage("the question from zoo must be at most 1000 UTF-8 bytes; got 1002 bytes; shorten it");
      assertThatThrownBy(() -> r.asks().add("a0009", "hi", "cli"))
          .hasMessageContaining("no agent 'a0009' in this colony to ask");
      assertThatThrownBy(() -> r.asks().add("bad id!", "hi", "cli")).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> AskText.decode(new byte[] {'h', (byte) 0xC3, 'i'}, "bus"))
        .hasMessage("the question from bus must be valid UTF-8; got 3 bytes that are not; send it as UTF-8 text");
    assertThat(AskText.decode("héllo".getBytes(StandardCharsets.UTF_8), "bus")).isEqualTo("héllo");
  }
}
