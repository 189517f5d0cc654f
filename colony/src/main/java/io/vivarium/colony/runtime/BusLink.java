package io.vivarium.colony.runtime;

import io.vivarium.bus.Bus;
import io.vivarium.bus.BusStats;
import io.vivarium.bus.ByteCounts;
import io.vivarium.bus.Codecs;
import io.vivarium.bus.ColonyEntropy;
import io.vivarium.bus.EntropyMeter;
import io.vivarium.bus.MemberFilter;
import io.vivarium.bus.Topic;
import io.vivarium.bus.Topics;
import io.vivarium.core.Channel;
import io.vivarium.core.Event;
import io.vivarium.core.Json;
import io.vivarium.core.config.BusConfig;
import io.vivarium.core.world.ColonyCounts;
import io.vivarium.core.world.Image;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.Png;
import io.vivarium.core.world.Renderer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The colony's agents on the bus: after each turn an agent's action bytes ({@code motor:to_world}),
 * its text output when its world reads text ({@code text:to_parent}), a PNG frame of its first
 * world ({@code video:from_world}, at most every {@code bus.videoIntervalMillis}) and, every
 * {@code bus.intervalMillis}, a state summary ({@code touch:world}) and the histogram of the bytes
 * it emitted since its previous one ({@code bytecounts/{agent}}); an {@link EntropyMeter} turns
 * the counts of the colony's live agents into the colony-wide {@code entropy}, ignoring and
 * counting any other name's ({@link #ignoredCounts()}), and {@link #counts()} gives the exec
 * reward the same protection. People's text ({@code text:from_parent})
 * goes to the handler the colony gives: decoded text (talk), or the raw bytes when its world takes asks. The actions come from the learner's step observer
 * ({@link #afterStep}), so they are the bytes the worlds received, in the cloning phase as in
 * PPO. The bus never blocks the colony (see docs/bus.md); this
 * link watches it at every turn and reports an outage and the recovery once each, as an event
 * and a log line, and in the status line while it lasts.
 *
 * <p>Not thread-safe: the colony's thread calls {@link #afterStep}, {@link #afterTurn},
 * {@link #event}, {@link #status} and {@link #counts}; the text handler runs on the bus's
 * subscription thread, and the live-agent set the bus threads read is concurrent.
 */
final class BusLink {
  private final Bus bus;
  private final EntropyMeter entropy;
  private final Consumer<Event> events;
  private final Consumer<String> log;
  private final long intervalNanos;
  private final Map<String, Turn> turns = new HashMap<>();
  /** This process's live agents: the ones that took a step and have not died, hibernated or failed since. */
  private final Set<String> live = ConcurrentHashMap.newKeySet();
  private ColonyBytes counts;
  private boolean up = true;
  private long downSinceMillis;

  /**
   * Links the colony to {@code bus}.
   *
   * @param onText receives (agent, text) for every valid {@code text:from_parent} message
   * @param onAsk when not null, receives (agent, raw bytes) of every {@code text:from_parent}
   *     message instead of {@code onText} (a colony whose world takes asks checks them itself)
   * @param events records an event (the colony's registry and the bus)
   * @param log receives status lines
   */
  BusLink(Bus bus, BusConfig config, BiConsumer<String, String> onText, BiConsumer<String, byte[]> onAsk,
      Consumer<Event> events, Consumer<String> log) {
    this.bus = bus;
    this.events = events;
    this.log = log;
    this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(config.intervalMillis());
    this.entropy = new EntropyMeter(bus, config.intervalMillis(), new MemberFilter(live::contains, "colony entropy"));
    if (onAsk == null) {
      bus.onTextFromParent("+", onText::accept);
    } else {
      bus.subscribe(RAW_TEXT_FROM_PARENT, "+", onAsk::accept);
    }
  }

  /** {@code text:from_parent} as raw bytes, so that a colony taking asks can refuse non-UTF-8 with a reply. */
  static final Topic<byte[]> RAW_TEXT_FROM_PARENT = new Topic<>(Topics.TEXT_FROM_PARENT.name(),
      Topics.TEXT_FROM_PARENT.scope(), Codecs.BYTES, Topics.TEXT_FROM_PARENT.delivery());

  /** What an agent emitted since its previous turn's messages: instance 0's bytes, every byte's count. */
  private static final class Turn {
    byte[] first = new byte[64];
    int length;
    final long[] counts = new long[256];
    long lastCountsNanos;
    boolean counted;
  }

  /** Takes one environment step's actions of agent {@code a}, one per world instance (a byte, or a sequence). */
  void afterStep(LiveAgent a, byte[][] actions) {
    live.add(a.id);
    Turn t = turns.computeIfAbsent(a.id, k -> new Turn());
    byte[] first = actions[0];
    while (t.length + first.length > t.first.length) {
      t.first = Arrays.copyOf(t.first, 2 * t.first.length);
    }
    System.arraycopy(first, 0, t.first, t.length, first.length);
    t.length += first.length;
    for (byte[] action : actions) {
      for (byte b : action) {
        t.counts[b & 0xFF]++;
      }
    }
  }

  /** Publishes what agent {@code a} did in the turn it just took. */
  void afterTurn(LiveAgent a) {
    watch();
    live.add(a.id);
    WorldBatch w = a.worlds;
    Turn t = turns.computeIfAbsent(a.id, k -> new Turn());
    if (t.length > 0) {
      byte[] first = Arrays.copyOf(t.first, t.length);
      t.length = 0;
      bus.publish(Topics.MOTOR_TO_WORLD, a.id, first);
      if (w.spec().actionChannel() == Channel.TEXT) {
        bus.publishText(a.id, new String(first, StandardCharsets.UTF_8));
      }
    }
    long now = System.nanoTime();
    if (!t.counted || now - t.lastCountsNanos >= intervalNanos) {
      t.counted = true;
      t.lastCountsNanos = now;
      bus.publishByteCounts(a.id, new ByteCounts(a.envSteps, t.counts));
      Arrays.fill(t.counts, 0);
      bus.publish(Topics.TOUCH_WORLD, a.id, touch(a).getBytes(StandardCharsets.UTF_8));
    }
    if (bus.wantsFrame(a.id)) {
      byte[] png = frame(w);
      if (png != null) {
        bus.publish(Topics.VIDEO_FROM_WORLD, a.id, png);
      }
    }
  }

  /** Publishes a colony event; an agent that leaves memory takes its counts out of the colony entropy. */
  void event(Event e) {
    bus.publishEvent(e);
    if (e.kind().equals("death") || e.kind().equals("hibernate") || e.kind().equals("error")) {
      turns.remove(e.agent());
      live.remove(e.agent());
      entropy.forget(e.agent());
    }
  }

  /**
   * The colony's byte counts for worlds' rewards ({@code global-entropy}): this process's bytes
   * plus the bus counts of the colony's live agents in other processes, never a stranger's. One
   * instance per link, made at the first call. Until agents run in several processes (the
   * cluster issue), the colony's live agents are this process's, so the bus adds nothing.
   */
  ColonyCounts counts() {
    if (counts == null) {
      counts = new ColonyBytes(bus, live::contains, new MemberFilter(live::contains, "colony byte counts"));
    }
    return counts;
  }

  /** How many byte-count messages came from names that are not live agents of this colony. */
  long ignoredCounts() {
    return entropy.ignoredCounts();
  }

  /** What the status line adds: the colony-wide entropy, and the outage while the broker is away. */
  String status() {
    watch();
    StringBuilder s = new StringBuilder();
    ColonyEntropy e = entropy.current();
    if (e.agents() > 0) {
      s.append(String.format(Locale.ROOT, " · entropy %.2f bits", e.bits()));
    }
    long ignored = entropy.ignoredCounts();
    if (ignored > 0) {
      s.append(" · ").append(ignored).append(" foreign byte counts ignored");
    }
    if (!up) {
      s.append(String.format(Locale.ROOT, " · bus down %.0f s", (System.currentTimeMillis() - downSinceMillis) / 1e3));
    }
    return s.toString();
  }

  /** Reports a lost or regained broker once per change. */
  private void watch() {
    boolean now = bus.connected();
    if (now == up) {
      return;
    }
    up = now;
    if (!now) {
      downSinceMillis = System.currentTimeMillis();
      log.accept("bus: broker " + bus.url() + " is unreachable; the colony runs on, messages wait in the "
          + "outbox (oldest dropped when full) while the bus reconnects");
      events.accept(Event.of("bus_down", "", new BusDown(bus.url())));
    } else {
      long down = System.currentTimeMillis() - downSinceMillis;
      log.accept(String.format(Locale.ROOT, "bus: reconnected to %s after %.1f s", bus.url(), down / 1e3));
      events.accept(Event.of("bus_up", "", new BusUp(bus.url(), down)));
    }
  }

  /** Instance 0 as a PNG: the observation's picture, or the world's drawing for people ({@link Renderer}); null without either. */
  private byte[] frame(WorldBatch w) {
    Image image = w.observation(0).image();
    if (image == null && w instanceof Renderer r) {
      image = r.picture(0);
    }
    return image == null ? null : Png.encode(image);
  }

  /**
   * The bus's counters as colony metrics at {@code step}: messages dropped (full outbox, video
   * outbox, slow handlers), rejected as malformed, and broker outages, all since the start.
   */
  void record(io.vivarium.colony.registry.Registry registry, long step) {
    BusStats b = bus.stats();
    registry.addMetric("colony", step, "bus_dropped", b.droppedOutbox() + b.droppedVideo() + b.droppedInbox());
    registry.addMetric("colony", step, "bus_malformed", b.malformed());
    registry.addMetric("colony", step, "bus_outages", b.outages());
  }

  /** The {@code touch:world} summary: JSON, format {@code vivarium.touch} version 1. */
  private String touch(LiveAgent a) {
    WorldBatch w = a.worlds;
    Observation o = w.observation(0);
    BusStats b = bus.stats();
    Runtime rt = Runtime.getRuntime();
    byte[] touch = o.bytes(Channel.TOUCH);
    return Json.write(new TouchSummary(System.currentTimeMillis(), a.id, w.spec().world(), w.spec().preset(),
        a.envSteps, a.episodes.episodes(), a.fitness, a.successRate, a.humanReward, w.rewards()[0],
        new String(o.bytes(Channel.TEXT), StandardCharsets.UTF_8), a.textIn,
        w instanceof Renderer r ? r.text(0) : null,
        touch.length > 0 ? Base64.getEncoder().encodeToString(touch) : null,
        new TouchSummary.Machine(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            rt.availableProcessors(), (rt.totalMemory() - rt.freeMemory()) >> 20),
        new TouchSummary.BusCounts(b.outages(), b.droppedOutbox(), b.droppedVideo(), b.throttled(), b.malformed())));
  }

  /** A {@code bus_down} event's details. */
  record BusDown(String url) {}

  /** A {@code bus_up} event's details: how long the broker was unreachable. */
  record BusUp(String url, long downMillis) {}
}
