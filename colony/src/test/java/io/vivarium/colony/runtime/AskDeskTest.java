package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.AskRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.Event;
import io.vivarium.core.world.Asks.Ask;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The colony's ask queue: addressed, any and every-agent asks, answers, the bound, restarts, refusals, the bus. */
class AskDeskTest {
  @TempDir Path dir;
  private Registry registry;
  private final List<String> published = new CopyOnWriteArrayList<>();
  private final List<Event> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void open() {
    registry = Registry.open(dir.resolve("colony.db"));
    for (String id : List.of("a0001", "a0002")) {
      registry.putAgent(new AgentRow(id, null, 0, AgentState.ALIVE, "chat", "tiny", 0, 0, 1, 0, null));
    }
  }

  @AfterEach
  void close() {
    registry.close();
  }

  private AskDesk desk(int capacity, String refusal) {
    return new AskDesk(registry.asks(), capacity, refusal, (agent, text) -> published.add(agent + ": " + text),
        events::add);
  }

  @Test
  void addressedAsksGoToTheirAgentAnyAskToTheFirstAndEveryAskToEachOnce() {
    AskDesk desk = desk(64, null);
    long forTwo = registry.asks().add("a0002", "who are you?", "cli");
    long any = registry.asks().add("", "2+2?", "zoo");
    long every = registry.asks().add("*", "capital of Freedonia?", "cli");
    desk.intake(List.of("a0001", "a0002"));
    assertThat(desk.poll("a0001")).get().extracting(Ask::id).isEqualTo(any);
    assertThat(desk.poll("a0001")).get().extracting(Ask::id).isEqualTo(every);
    assertThat(desk.poll("a0001")).isEmpty();
    assertThat(desk.poll("a0002")).get().extracting(Ask::id).isEqualTo(forTwo);
    assertThat(desk.poll("a0002")).get().extracting(Ask::id).isEqualTo(every);
    assertThat(desk.poll("a0002")).isEmpty();
    assertThat(desk.waiting()).isZero();
  }

  @Test
  void answersAreRecordedPublishedAndAnnounced() {
    AskDesk desk = desk(64, null);
    long every = registry.asks().add("*", "2+2?", "cli");
    desk.intake(List.of("a0001", "a0002"));
    Ask a = desk.poll("a0001").orElseThrow();
    Ask b = desk.poll("a0002").orElseThrow();
    desk.answered(a, "a0001", "4");
    desk.answered(b, "a0002", "5");
    assertThat(registry.asks().get(every).orElseThrow()).extracting(AskRow::state, AskRow::answeredBy, AskRow::answer)
        .containsExactly("answered", "a0001", "4");
    assertThat(registry.asks().answers(every)).hasSize(2);
    assertThat(published).containsExactly("a0001: 4", "a0002: 5");
    assertThat(events).extracting(Event::kind).containsExactly("answer", "answer");
  }

  @Test
  void aFullQueueDropsTheOldestWaitingAskWithAReasonAndACount() {
    AskDesk desk = desk(2, null);
    long first = registry.asks().add("", "one", "cli");
    registry.asks().add("", "two", "cli");
    registry.asks().add("", "three", "cli");
    desk.intake(List.of("a0001"));
    assertThat(desk.dropped()).isEqualTo(1);
    assertThat(desk.waiting()).isEqualTo(2);
    AskRow dropped = registry.asks().get(first).orElseThrow();
    assertThat(dropped.state()).isEqualTo("dropped");
    assertThat(dropped.reason()).contains("queue was full (colony.asks=2)");
    assertThat(desk.poll("a0001")).get().extracting(Ask::text).isEqualTo("two");
    desk.intake(List.of("a0001")); // nothing new: nothing read twice
    assertThat(desk.waiting()).isEqualTo(1);
  }

  @Test
  void pendingAsksSurviveARestart() {
    registry.asks().add("", "still there?", "zoo");
    desk(64, null).intake(List.of("a0001")); // taken into the first colony's queue, never answered
    registry.close();
    registry = Registry.open(dir.resolve("colony.db"));
    AskDesk after = desk(64, null);
    after.intake(List.of("a0001"));
    assertThat(after.poll("a0001")).get().extracting(Ask::text).isEqualTo("still there?");
  }

  @Test
  void aColonyWhoseWorldTakesNoAsksAndAsksForAbsentAgentsAreRefused() {
    long ask = registry.asks().add("", "hello?", "cli");
    desk(64, "world gold does not answer people's questions").intake(List.of("a0001"));
    assertThat(registry.asks().get(ask).orElseThrow()).extracting(AskRow::state, AskRow::reason)
        .containsExactly("refused", "world gold does not answer people's questions");
    long toSleeper = registry.asks().add("a0002", "awake?", "cli");
    AskDesk desk = desk(64, null);
    desk.intake(List.of("a0001"));
    assertThat(registry.asks().get(toSleeper).orElseThrow().reason()).contains("a0002 is not alive");
    assertThat(desk.poll("a0002")).isEmpty();
  }

  @Test
  void textFromTheBusBecomesAnAskForItsAgentOrARefusalOnTheBus() {
    AskDesk desk = desk(64, null);
    long id = desk.fromBus("a0001", "what is 3+4?".getBytes(StandardCharsets.UTF_8)).orElseThrow();
    assertThat(registry.asks().get(id).orElseThrow()).extracting(AskRow::agent, AskRow::source)
        .containsExactly("a0001", "bus");
    assertThat(desk.fromBus("a0001", new byte[] {(byte) 0xFF, 'x'})).isEmpty();
    assertThat(desk.fromBus("a0001", new byte[0])).isEmpty();
    assertThat(published).containsExactly(
        "a0001: refused: the question from bus must be valid UTF-8; got 2 bytes that are not; send it as UTF-8 text",
        "a0001: refused: the question from bus is empty; an ask needs 1-1000 UTF-8 bytes of text: type a question");
    assertThat(events).extracting(Event::kind).containsExactly("ask_refused", "ask_refused");
  }
}
