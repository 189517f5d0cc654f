package io.vivarium.worlds.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vivarium.core.Seeds;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Asks;
import io.vivarium.core.world.FactBook;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.TextExpert;
import io.vivarium.core.world.Tools;
import io.vivarium.core.world.WorldContext;
import io.vivarium.worlds.AnswerBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chat world as a colony lives in it: every episode is one question and one answer. Each group
 * of {@code learn.grpo.group} instances is asked the same question, so group-relative advantages
 * compare answers to one question. When a person's question is pending ({@link Asks}) it takes a
 * whole group: its reward is the evaluator's with {@code world.reward=evaluator}, else 0 for every
 * member (equal rewards: the group teaches nothing), it has no expert answer (an empty
 * {@link #expertText}), and the group's most common answer is reported back.
 *
 * <p>Not thread-safe: one thread steps it.
 */
public final class ChatBatch extends AnswerBatch implements TextExpert, Tools {
  private static final List<Tool> TOOLS = List.of(new Tool("answer", "answer TEXT: the answer to the question"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JUDGE_QUESTION = "Does the answer state the fact asked for?";
  private final ChatSetup setup;
  private final WorldContext context;
  private final Spec spec;
  private int group = 1;
  private long seed;
  private long[] episodes; // per group
  private Query[] queries; // per group
  private Asks.Ask[] asks; // per group, null when the question is the source's
  private List<FactBook.Fact>[] hits; // per group: the fact hits shown
  private Observation[] shown; // per group
  private String[] outcomes; // per instance, of the last step

  ChatBatch(ChatSetup setup, WorldContext context, int size) {
    super(size);
    this.setup = setup;
    this.context = context;
    this.spec = setup.spec();
  }

  @Override
  public Spec spec() {
    return spec;
  }

  @Override
  public void reset(long seed, int group) {
    int groups = groups(group, "chat");
    this.group = group;
    this.seed = seed;
    episodes = new long[groups];
    queries = new Query[groups];
    asks = new Asks.Ask[groups];
    shown = new Observation[groups];
    @SuppressWarnings("unchecked")
    List<FactBook.Fact>[] found = new List[groups];
    hits = found;
    boolean people = true;
    for (int g = 0; g < groups; g++) {
      people = next(g, people);
    }
    forgetLastStep();
  }

  /** Draws group {@code g}'s next question: a person's when {@code people} and one is pending. */
  private boolean next(int g, boolean people) {
    asks[g] = people ? context.asks().poll(context.agent()).orElse(null) : null;
    queries[g] = asks[g] != null ? new Query(asks[g].text(), "", "", "ask") : setup.source().ask(groupSeed(g));
    hits[g] = setup.hits(queries[g]);
    shown[g] = setup.show(queries[g], hits[g]);
    return asks[g] != null;
  }

  @Override
  public void step(Action[] actions) {
    if (shown == null) {
      throw new IllegalStateException("reset the batch before stepping it");
    }
    if (actions.length != size) {
      throw new IllegalArgumentException("a batch of " + size + " needs as many actions; got " + actions.length);
    }
    String[] answers = new String[size];
    outcomes = new String[size];
    int graded = 0;
    int exact = 0;
    for (int i = 0; i < size; i++) {
      answers[i] = answer(actions[i]);
      Query q = queries[i / group];
      rewards[i] = (float) reward(q, answers[i]);
      outcomes[i] = q.graded() ? "the question was '" + q.text() + "'; expected '" + q.expected() + "'"
          : "the question was '" + q.text() + "' (a person's: no grader)";
      terminated[i] = true;
      truncated[i] = false;
      if (q.graded()) {
        graded++;
        exact += Grader.exact(q.expected(), answers[i]) ? 1 : 0;
      }
    }
    List<Output> kept = new ArrayList<>(size / group);
    boolean people = true;
    for (int g = 0; g < size / group; g++) {
      int best = asks[g] != null ? mostCommon(answers, g) : best(g);
      if (asks[g] != null) {
        context.asks().answered(asks[g], context.agent(), answers[best]);
      }
      kept.add(new Output(best, answers[best].getBytes(StandardCharsets.UTF_8), rewards[best],
          details(queries[g], answers[best], rewards[best], hits[g]), queries[g].text()));
      episodes[g]++;
      people = next(g, people);
    }
    outputs = kept;
    Map<String, Double> m = new LinkedHashMap<>();
    if (graded > 0) {
      m.put("exact", (double) exact / graded);
    }
    measures = m;
  }

  /** The answer in {@code a}: its text (or motor) bytes, cut to the answer's length, as UTF-8. */
  private static String answer(Action a) {
    byte[] b = a.text().length > 0 ? a.text() : a.motor();
    return new String(b.length <= ChatWorld.ANSWER_BYTES ? b : Arrays.copyOf(b, ChatWorld.ANSWER_BYTES),
        StandardCharsets.UTF_8);
  }

  private double reward(Query q, String answer) {
    if (setup.evaluator()) {
      return context.judge().yes(JUDGE_QUESTION, q.text(), answer);
    }
    return q.graded() ? Grader.reward(q.expected(), answer) : 0;
  }

  private int best(int g) {
    int best = g * group;
    for (int i = best + 1; i < (g + 1) * group; i++) {
      best = rewards[i] > rewards[best] ? i : best;
    }
    return best;
  }

  /** The first instance of group {@code g} whose trimmed answer is the group's most common. */
  private int mostCommon(String[] answers, int g) {
    Map<String, Integer> counts = new HashMap<>();
    int best = g * group;
    for (int i = g * group; i < (g + 1) * group; i++) {
      int c = counts.merge(answers[i].strip(), 1, Integer::sum);
      best = c > counts.get(answers[best].strip()) ? i : best;
    }
    return best;
  }

  /** The question, the expected answer, the source, the facts shown, the answer and its reward as JSON. */
  private static String details(Query q, String answer, double reward, List<FactBook.Fact> facts) {
    ObjectNode n = JSON.createObjectNode();
    n.put("query", q.text());
    n.put("expected", q.expected());
    n.put("source", q.source());
    n.put("answer", answer);
    n.put("reward", reward);
    ArrayNode shown = n.putArray("facts");
    facts.forEach(f -> shown.addObject().put("key", f.key()).put("value", f.value()));
    try {
      return JSON.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("chat output JSON is malformed: " + e.getMessage(), e);
    }
  }

  /** The expected answer of instance {@code i}'s question, empty for a person's question (no grader). */
  @Override
  public byte[] expertText(int i) {
    if (queries == null) {
      throw new IllegalStateException("reset the batch before reading it");
    }
    return queries[i / group].expected().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public List<Tool> tools() {
    return TOOLS;
  }

  @Override
  public List<Action> call(int i, String tool, String argument) {
    if (!tool.equals("answer")) {
      throw new IllegalArgumentException("names the tool '" + tool + "', which chat does not have; its tools are"
          + " answer and recall");
    }
    if (argument.isBlank()) {
      throw new IllegalArgumentException("calls answer with nothing; " + TOOLS.get(0).usage());
    }
    return List.of(Action.text(argument.strip().getBytes(StandardCharsets.UTF_8)));
  }

  /** No answer (reward 0). */
  @Override
  public Action idle(int i) {
    return Action.text(new byte[0]);
  }

  @Override
  public String task(int i) {
    return query(i).text();
  }

  @Override
  public String outcome(int i) {
    return outcomes == null ? "" : outcomes[i];
  }

  @Override
  public List<String> questions() {
    return List.of(JUDGE_QUESTION);
  }

  /** {@code answer} with the expected answer; empty for a person's question. */
  @Override
  public String expertCall(int i) {
    byte[] e = expertText(i);
    return e.length == 0 ? "" : "answer " + new String(e, StandardCharsets.UTF_8);
  }

  /** The question instance {@code i} is asked now. */
  public Query query(int i) {
    return queries[i / group];
  }

  /** The seed of instance {@code i}'s question: {@code ChatWorld.reset} with it asks the same. */
  @Override
  public long episodeSeed(int i) {
    if (shown == null) {
      throw new IllegalStateException("reset the batch before reading it");
    }
    return groupSeed(i / group);
  }

  private long groupSeed(int g) {
    return Seeds.derive(Seeds.derive(seed, "group", g), "episode", episodes[g]);
  }

  @Override
  public Observation observation(int i) {
    return shown[i / group];
  }
}
