package io.vivarium.worlds.chat;

import io.vivarium.core.Channel;
import io.vivarium.core.config.ChatConfig;
import io.vivarium.core.world.FactBook;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.WorldContext;
import io.vivarium.core.world.Worlds;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a chat world instance or batch of one preset in one context is made of: its question
 * source, its prompt layout, its fact book and how it rewards. Immutable; the fact book is
 * thread-safe.
 *
 * @param preset the preset's name
 * @param source where questions come from
 * @param prompt the layout of the text channel
 * @param facts the book the hits come from
 * @param evaluator whether the reward is the evaluator's ({@code world.reward=evaluator}) rather than the grader's
 */
record ChatSetup(String preset, QuestionSource source, ChatPrompt prompt, FactBook facts, boolean evaluator) {
  /** The presets, the default first. */
  static final List<String> PRESETS = List.of("chat-facts", "chat-held-out", "chat-arith", "chat-gold");
  /** Question bytes of the text sources. */
  static final int QUESTION_BYTES = 96;

  /**
   * The setup of {@code preset} in {@code context}, without touching the fact book (a spec is
   * read without side effects); {@link #fill} puts the source's facts into it.
   */
  static ChatSetup of(String preset, WorldContext context) {
    if (!PRESETS.contains(preset)) {
      throw Worlds.unknownPreset("chat", preset, PRESETS);
    }
    String reward = context.config().reward();
    if (!reward.isEmpty() && !reward.equals("evaluator")) {
      throw new IllegalArgumentException("world.reward=" + reward + ": the chat world knows '' (empty: the question"
          + " source's grader) and 'evaluator' (the judge of world.evaluator); set one of them");
    }
    ChatConfig c = context.config().chat();
    QuestionSource source = source(preset, c);
    int question = preset.equals("chat-gold") ? GoldSource.roomBytes() + 64 : QUESTION_BYTES;
    ChatPrompt prompt = new ChatPrompt(c.factMemory() ? c.factHits() : 0, question);
    return new ChatSetup(preset, source, prompt, context.facts(), reward.equals("evaluator"));
  }

  private static QuestionSource source(String preset, ChatConfig c) {
    return switch (preset) {
      case "chat-arith" -> new ArithSource();
      case "chat-gold" -> new GoldSource();
      default -> new FactSource(c.facts().isEmpty() ? InventedFacts.all() : FactFile.read(Path.of(c.facts())),
          c.heldOut(), preset.equals("chat-held-out"));
    };
  }

  /** Puts the source's facts, held-out ones included, into the fact book when hits are shown. */
  ChatSetup fill() {
    if (prompt.hits() > 0) {
      for (ChatFact f : source.memoryFacts()) {
        facts.put(f.asFact());
      }
    }
    return this;
  }

  /** What instances of this setup promise. */
  Spec spec() {
    return new Spec("chat", preset, Map.of(Channel.TEXT, prompt.textBytes()), 0, 0, Channel.TEXT,
        ChatWorld.ANSWER_BYTES, new byte[0], 1);
  }

  /** The fact hits shown before {@code q}: none without the fact memory. */
  List<FactBook.Fact> hits(Query q) {
    return prompt.hits() == 0 ? List.of() : facts.lookup(q.key(), q.text(), prompt.hits());
  }

  /** What an agent sees before answering {@code q}: the fact {@code hits}, then the question. */
  Observation show(Query q, List<FactBook.Fact> hits) {
    return Observation.of(Channel.TEXT, prompt.render(hits, q.text()));
  }
}
