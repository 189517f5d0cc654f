package io.vivarium.cli;

import io.vivarium.core.config.MemoryConfig;
import io.vivarium.memory.Entry;
import io.vivarium.memory.Filter;
import io.vivarium.memory.Hit;
import io.vivarium.memory.LuceneMemory;
import io.vivarium.memory.MemoryStats;
import io.vivarium.memory.TextEmbedding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vivarium memory …}: search, list and add to the colony's shared memory in
 * {@code DATA/memory}. Text is embedded with the model-free {@link TextEmbedding}, so a text
 * search finds entries whose vectors came from that embedding (facts added here), not
 * entries keyed by a brain. Reading commands open the memory read-only and so work beside a
 * running colony; {@code add-fact} needs the memory not to be open for writing elsewhere.
 */
@Command(name = "memory", mixinStandardHelpOptions = true,
    description = "Search, list and add to the colony's shared memory (DATA/memory).",
    subcommands = {MemoryCommand.Search.class, MemoryCommand.Facts.class,
        MemoryCommand.AddFact.class, MemoryCommand.Stats.class})
final class MemoryCommand extends VivariumCommand {
  @Override
  public Integer call() {
    spec.commandLine().usage(out());
    return 0;
  }

  /** Base of the memory subcommands: where the memory is and how to open it. */
  abstract static class Sub extends VivariumCommand {
    Path memoryDir() {
      return dataDir().resolve("memory");
    }

    MemoryConfig memoryConfig() {
      return config(List.of()).memory();
    }

    LuceneMemory openReadOnly() {
      if (!Files.isDirectory(memoryDir())) {
        throw new IllegalArgumentException("no memory in " + memoryDir() + "; it is created by"
            + " 'vivarium run' or 'vivarium memory add-fact' (or pass --data DIR)");
      }
      return LuceneMemory.openReadOnly(memoryDir(), memoryConfig());
    }

    /** One hit as a line: score, similarity, fitness, kind, agent, id and a preview. */
    String line(Hit h) {
      Entry e = h.entry();
      String preview = e.text() != null ? e.text() : printable(e.payload());
      return String.format("%7.4f  sim %6.4f  fit %8.3f  %-8s %-10s #%d  %s", h.score(),
          h.similarity(), h.fitness(), e.kind(), e.agent(), h.id(), preview);
    }
  }

  @Command(name = "search", mixinStandardHelpOptions = true,
      description = {"Recall the entries nearest to TEXT, best first.",
          "TEXT is embedded with the built-in hashed byte n-gram embedding (no brain)."})
  static final class Search extends Sub {
    @Parameters(paramLabel = "TEXT", description = "What to look for.")
    String text;

    @Option(names = "--agent", paramLabel = "A", description = "Only entries written by agent A.")
    String agent;

    @Option(names = "--kind", paramLabel = "K", description = "Only entries of kind K (output, fact, episode, …).")
    String kind;

    @Option(names = "-k", paramLabel = "N", description = "How many (default: ${DEFAULT-VALUE}).")
    int k = 10;

    @Override
    public Integer call() {
      try (LuceneMemory m = openReadOnly()) {
        float[] q = new TextEmbedding(m.dimension()).embed(text);
        List<Hit> hits = m.recall(q, k, new Filter(agent, kind, Double.NEGATIVE_INFINITY));
        if (hits.isEmpty()) {
          out().println("nothing recalled");
        }
        hits.forEach(h -> out().println(line(h)));
      }
      return 0;
    }
  }

  @Command(name = "facts", mixinStandardHelpOptions = true,
      description = "List the facts whose keys start with PREFIX (all without it), in key order.")
  static final class Facts extends Sub {
    @Parameters(paramLabel = "PREFIX", arity = "0..1", description = "Key prefix.")
    String prefix = "";

    @Option(names = "--limit", paramLabel = "N", description = "At most N (default: ${DEFAULT-VALUE}).")
    int limit = 1000;

    @Override
    public Integer call() {
      try (LuceneMemory m = openReadOnly()) {
        List<Hit> facts = m.facts(prefix, limit);
        if (facts.isEmpty()) {
          out().println("no facts" + (prefix.isEmpty() ? "" : " with prefix '" + prefix + "'"));
        }
        for (Hit h : facts) {
          out().println(h.entry().key() + " = " + printable(h.entry().payload()));
        }
      }
      return 0;
    }
  }

  @Command(name = "add-fact", mixinStandardHelpOptions = true,
      description = {"Store VALUE under KEY (replacing the fact with that key).",
          "Creates the memory (" + TextEmbedding.DEFAULT_DIMENSION + "-d) if there is none."})
  static final class AddFact extends Sub {
    @Parameters(index = "0", paramLabel = "KEY", description = "The fact's key, e.g. gold.colour.")
    String key;

    @Parameters(index = "1", paramLabel = "VALUE", description = "The fact's value (text).")
    String value;

    @Option(names = "--agent", paramLabel = "A", description = "Who states it (default: ${DEFAULT-VALUE}).")
    String agent = "user";

    @Option(names = "--fitness", paramLabel = "F", description = "Its fitness (default: ${DEFAULT-VALUE}).")
    double fitness = 1;

    @Override
    public Integer call() {
      // a new memory is 128-d; a colony's keys are later fitted to it (KeyWidth), and facts to an existing one
      try (LuceneMemory m = LuceneMemory.openAnyWidth(memoryDir(), TextEmbedding.DEFAULT_DIMENSION, memoryConfig())) {
        String shown = key + " = " + value;
        Entry e = Entry.fact(key, value.getBytes(StandardCharsets.UTF_8), agent, fitness,
            new TextEmbedding(m.dimension()).embed(shown))
            .withText(shown.length() > Entry.MAX_TEXT ? shown.substring(0, Entry.MAX_TEXT) : shown);
        long id = m.store(e);
        out().println("stored fact #" + id + ": " + shown);
      }
      return 0;
    }
  }

  @Command(name = "stats", mixinStandardHelpOptions = true,
      description = "Show the memory's size: entries by kind, dimension, segments.")
  static final class Stats extends Sub {
    @Override
    public Integer call() {
      try (LuceneMemory m = openReadOnly()) {
        MemoryStats s = m.stats();
        out().println("memory:     " + memoryDir().toAbsolutePath().normalize());
        out().println("entries:    " + s.entries());
        s.byKind().forEach((kind, n) -> out().printf("  %-9s %d%n", kind + ":", n));
        out().println("dimension:  " + s.dimension());
        out().println("segments:   " + s.segments());
        out().println("disk use:   " + Bytes.human(diskUse(memoryDir())));
      }
      return 0;
    }

    private static long diskUse(Path dir) {
      try (var s = Files.list(dir)) {
        return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
      } catch (java.io.IOException e) {
        return 0;
      }
    }
  }

  /** Bytes as UTF-8 text with control characters and invalid bytes escaped, at most 120 chars. */
  static String printable(byte[] b) {
    String s = new String(b, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length() && out.length() < 120; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02x", (int) c));
      } else if (c == '\uFFFD') {
        out.append("\\?");
      } else {
        out.append(c);
      }
    }
    return out.length() >= 120 ? out + "…" : out.toString();
  }
}
