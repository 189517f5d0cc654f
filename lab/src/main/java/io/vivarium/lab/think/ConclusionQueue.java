package io.vivarium.lab.think;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vivarium.core.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The conclusions waiting to be trained on (seed 000: "training on conclusions"): a bounded queue
 * of {@code context → conclusion} examples in one JSON file (DATA/conclusions.json), rewritten
 * atomically (temporary file, then an atomic move) on every change, so a crash leaves the old or
 * the new queue, never half of one; when full, the oldest example goes. A file rather than a
 * registry table: {@code vivarium think --train} and a colony read it alike, with or without a
 * registry. Thread-safe (one process writes it).
 */
public final class ConclusionQueue {
  /** The queue's file name in a data directory. */
  public static final String FILE = "conclusions.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One queued example.
   *
   * @param query the question
   * @param memories the memories recalled at the root when the tree was thought
   * @param conclusion the tree's conclusion, the answer to learn
   * @param score the conclusion's score in [0, 1]
   * @param agent who thought it
   */
  public record Example(String query, List<String> memories, String conclusion, double score, String agent) {
    public Example {
      Objects.requireNonNull(query, "example query");
      Objects.requireNonNull(conclusion, "example conclusion");
      Objects.requireNonNull(agent, "example agent");
      memories = List.copyOf(memories);
      if (query.isBlank()) {
        throw new IllegalArgumentException("a queued conclusion needs its question; got a blank one");
      }
    }

    /** The example of {@code tree}'s conclusion. */
    public static Example of(ThoughtTree tree, String agent) {
      return new Example(tree.query(), tree.nodes().get(0).memories(), tree.conclusion(), tree.score(), agent);
    }
  }

  private final Path file;
  private final int capacity;

  /** The queue in {@code file}, holding at most {@code capacity} examples. */
  public ConclusionQueue(Path file, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("think.queue must be at least 1; got " + capacity);
    }
    this.file = Objects.requireNonNull(file, "queue file");
    this.capacity = capacity;
  }

  /** The queue of the data directory {@code data}. */
  public static ConclusionQueue in(Path data, int capacity) {
    return new ConclusionQueue(data.resolve(FILE), capacity);
  }

  /** The queued examples, oldest first; none when the file does not exist. */
  public synchronized List<Example> examples() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), new TypeReference<List<Example>>() {});
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the conclusions queue " + file + " is damaged (a JSON list of"
          + " query, memories, conclusion, score, agent expected); move it away to start a new queue");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the conclusions queue " + file, e);
    }
  }

  /** Adds {@code example} at the end, dropping the oldest beyond the capacity. */
  public synchronized void add(Example example) {
    List<Example> all = new ArrayList<>(examples());
    all.add(Objects.requireNonNull(example, "example"));
    write(all.subList(Math.max(0, all.size() - capacity), all.size()));
  }

  /** Empties the queue (after its examples were trained on). */
  public synchronized void clear() {
    write(List.of());
  }

  private void write(List<Example> examples) {
    try {
      AtomicFile.write(file, JSON.writeValueAsString(examples).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the conclusions queue " + file, e);
    }
  }
}
