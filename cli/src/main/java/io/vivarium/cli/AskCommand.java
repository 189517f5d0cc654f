package io.vivarium.cli;

import io.vivarium.colony.ColonyLock;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.admin.AnswerVote;
import io.vivarium.colony.admin.Inquiry;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.AskAnswer;
import io.vivarium.colony.registry.AskRow;
import io.vivarium.colony.registry.AskText;
import io.vivarium.colony.registry.Registry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code vivarium ask "QUESTION"}: queues a person's question in the colony's registry (whether or
 * not the colony runs) and, when it runs, waits for the answer; {@code --consensus} asks every
 * live agent and votes over their answers and the memories recalled for the question;
 * {@code --show N} prints an ask. See docs/colony.md (people's questions).
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
    description = {"Ask the colony's agents a question (a colony of a text world such as chat answers it).",
        "Without a running colony the ask is queued and answered when the colony runs."})
final class AskCommand extends VivariumCommand {
  @Parameters(paramLabel = "QUESTION", arity = "0..1", description = "The question, 1-" + AskText.MAX_BYTES
      + " UTF-8 bytes.")
  String question;

  @Option(names = "--agent", paramLabel = "A", description = "Ask agent A only (default: any agent).")
  String agent;

  @Option(names = "--wait", paramLabel = "SECONDS", description = "How long to wait for answers (default: ${DEFAULT-VALUE}).")
  int wait = 30;

  @Option(names = "--consensus", description = {"Ask every live agent and answer by their vote with the"
      + " best-matching memories (fitness-weighted); without a running colony, by the memory alone."})
  boolean consensus;

  @Option(names = "--show", paramLabel = "N", description = "Print ask N: its state and answers.")
  Long show;

  @Option(names = "-k", paramLabel = "K", description = "Memories recalled for --consensus (default: ${DEFAULT-VALUE}).")
  int k = 8;

  @Override
  public Integer call() {
    if (show != null) {
      usage(question == null, "--show N prints an ask; give no QUESTION with it");
      return show(show);
    }
    usage(question != null, "give the QUESTION to ask, e.g. vivarium ask \"what is the capital of Freedonia?\"");
    usage(wait >= 0 && wait <= 3600, "--wait must be between 0 and 3600 seconds; got " + wait);
    usage(k >= 1 && k <= 1000, "-k must be between 1 and 1000; got " + k);
    usage(!consensus || agent == null, "--consensus asks every live agent; leave --agent out");
    try {
      AskText.check(question, "the command line");
      AskText.agent(agent);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    DataDir dir = DataDir.of(dataDir());
    boolean running = dir.hasColony() && ColonyLock.isHeld(dir);
    return consensus ? consensus(dir, running) : single(Colonies.require(dataDir()), running);
  }

  private void usage(boolean ok, String message) {
    if (!ok) {
      throw new ParameterException(spec.commandLine(), message);
    }
  }

  private long queue(Registry r, String to) {
    try {
      return r.asks().add(to, question, "cli");
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private int single(DataDir dir, boolean running) {
    try (Registry r = Registry.open(dir.registryLocation())) {
      long id = queue(r, agent == null ? AskRow.ANY : agent);
      AskRow row = Inquiry.await(r, id, Duration.ofSeconds(running ? wait : 0), () -> 1);
      if (!row.pending() && !row.state().equals("answered")) {
        out().println("ask #" + id + " was " + row.state() + ": " + row.reason());
        return Main.FAILURE;
      }
      if (row.pending()) {
        out().println(running
            ? "queued as #" + id + "; the running colony has not answered within " + wait + " s; "
                + "'vivarium ask --show " + id + "' shows the answer later"
            : "queued as #" + id + "; the colony answers when it runs ('vivarium ask --show " + id + "')");
        return 0;
      }
      out().println(row.answeredBy() + ": " + row.answer());
      return 0;
    }
  }

  private int consensus(DataDir dir, boolean running) {
    AnswerVote vote = new AnswerVote();
    int answers = 0;
    if (running) {
      try (Registry r = Registry.open(dir.registryLocation())) {
        long id = queue(r, AskRow.EVERY);
        Inquiry.await(r, id, Duration.ofSeconds(wait), () -> r.agentsByState().get(AgentState.ALIVE));
        List<AskAnswer> got = r.asks().answers(id);
        Inquiry.answers(r, got, vote);
        answers = got.size();
        out().println("asked every live agent as #" + id + "; " + answers + " answered within " + wait + " s");
      }
    } else {
      out().println("no colony is running in " + dir.root() + ": the consensus is of the memory alone");
    }
    int memories = Inquiry.memories(dir.memory(), config(List.of()).memory(), question, k, vote);
    List<AnswerVote.Tally> tallies = vote.tallies();
    if (tallies.isEmpty()) {
      out().println("no answer: no agent answered and the memory recalled nothing for it");
      return Main.FAILURE;
    }
    AnswerVote.Tally best = tallies.get(0);
    out().println("answer: " + best.answer());
    out().printf(Locale.ROOT, "share:  %.2f of the vote (%d agents' answers, %d memories)%n", vote.share(),
        answers, memories);
    out().println("from:   " + voters(best));
    for (AnswerVote.Tally t : tallies.subList(1, Math.min(tallies.size(), 5))) {
      out().printf(Locale.ROOT, "also:   %s (%.3f) from %s%n", t.answer(), t.weight(), voters(t));
    }
    return 0;
  }

  private static String voters(AnswerVote.Tally t) {
    return t.voters().stream().map(AnswerVote.Voter::who).collect(Collectors.joining(", "));
  }

  private int show(long id) {
    DataDir dir = Colonies.require(dataDir());
    try (Registry r = Registry.openReadOnly(dir.registryLocation())) {
      AskRow row = r.asks().get(id).orElseThrow(() -> new IllegalArgumentException("no ask #" + id
          + " in this colony"));
      String to = row.agent().isEmpty() ? "any agent" : row.everyone() ? "every agent" : row.agent();
      out().println("#" + row.id() + " to " + to + " from " + row.source() + ": " + row.text());
      out().println("state: " + row.state() + (row.reason().isEmpty() ? "" : " (" + row.reason() + ")")
          + (row.reward() == 0 ? "" : String.format(Locale.ROOT, " · people's reward %+.0f", row.reward())));
      for (AskAnswer a : r.asks().answers(id)) {
        out().println(a.agent() + ": " + a.answer()
            + (a.reward() == 0 ? "" : String.format(Locale.ROOT, "  (%+.0f)", a.reward())));
      }
      return 0;
    }
  }
}
