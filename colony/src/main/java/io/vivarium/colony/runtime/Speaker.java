package io.vivarium.colony.runtime;

import io.vivarium.core.AtomicFile;
import io.vivarium.core.audio.Speech;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The colony's voice ({@code bus.speak}): each answer to people is spoken by espeak-ng on a thread
 * of its own (the colony never waits; beyond {@value #QUEUE} waiting answers the oldest is dropped),
 * kept in the data directory as {@code audio/AGENT/NNNNNNNNNNNNN.wav} beside its text
 * ({@code .txt}, both written atomically, the newest {@value #KEEP} kept) for the zookeeper's
 * player, and handed to the publisher ({@code audio:to_parent}). Thread-safe.
 */
final class Speaker implements AutoCloseable {
  /** Answers waiting to be spoken. */
  static final int QUEUE = 16;
  /** The most characters of an answer spoken (about 10 s); the rest is only written. */
  static final int SAID = 200;
  /** Spoken answers kept per agent. */
  static final int KEEP = 5;
  private final Path dir;
  private final BiConsumer<String, byte[]> publish;
  private final ThreadPoolExecutor voice;

  /**
   * A speaker storing under {@code dir} (the data directory's {@code audio}) and publishing through
   * {@code publish}; {@code null} from {@link #open} when speaking is off or espeak-ng is missing.
   */
  private Speaker(Path dir, BiConsumer<String, byte[]> publish) {
    this.dir = dir;
    this.publish = publish;
    this.voice = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
      Thread t = new Thread(r, "vivarium-speaker");
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.DiscardOldestPolicy());
  }

  /** A speaker when {@code speak} is on and espeak-ng runs here; else null, with one warning line when it is missing. */
  static Speaker open(boolean speak, Path dir, BiConsumer<String, byte[]> publish, Consumer<String> log) {
    if (!speak) {
      return null;
    }
    if (!Speech.available()) {
      log.accept("bus.speak: answers are not spoken: " + Speech.MISSING + " (or set bus.speak=false)");
      return null;
    }
    return new Speaker(dir, publish);
  }

  /** Speaks {@code text} as {@code agent}'s answer, later, on the speaker's thread. */
  void speak(String agent, String text) {
    if (text.isBlank()) {
      return;
    }
    String said = text.length() > SAID ? text.substring(0, SAID) : text;
    voice.execute(() -> {
      try {
        byte[] wav = Speech.render(said, Speech.Voice.english());
        store(agent, wav, said);
        publish.accept(agent, wav);
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(Speaker.class).warn("could not speak {}'s answer: {}", agent, e.getMessage());
      }
    });
  }

  /** Writes the WAV and its text atomically, then deletes all but the newest {@value #KEEP}. */
  private void store(String agent, byte[] wav, String text) {
    Path d = dir.resolve(agent);
    String name = String.format(Locale.ROOT, "%013d", System.currentTimeMillis());
    try {
      Files.createDirectories(d);
      AtomicFile.write(d.resolve(name + ".txt"), text.getBytes(StandardCharsets.UTF_8));
      AtomicFile.write(d.resolve(name + ".wav"), wav);
      List<String> all = clips(d);
      for (int i = 0; i + KEEP < all.size(); i++) {
        Files.deleteIfExists(d.resolve(all.get(i) + ".wav"));
        Files.deleteIfExists(d.resolve(all.get(i) + ".txt"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep " + agent + "'s spoken answer in " + d + ": " + e.getMessage(), e);
    }
  }

  /** The names (without extension) of the clips kept in {@code agentDir}, oldest first. */
  static List<String> clips(Path agentDir) throws IOException {
    if (!Files.isDirectory(agentDir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(agentDir)) {
      List<String> names = new ArrayList<>(s.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("\\d{13}\\.wav")).map(n -> n.substring(0, 13)).sorted().toList());
      return names;
    }
  }

  /** Speaks what is waiting (a few seconds at most), then stops the thread. Idempotent. */
  @Override
  public void close() {
    voice.shutdown();
    try {
      voice.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
