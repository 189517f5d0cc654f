package io.vivarium.zoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import io.vivarium.colony.registry.EventRow;
import io.vivarium.colony.runtime.AgentFrame;
import io.vivarium.colony.runtime.ColonyHandle;
import io.vivarium.core.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-sent-event stream: colony events as they happen ({@code event}), the watched
 * agent's live frame ten times a second ({@code frame}) and the colony's throughput once a
 * second ({@code stats}).
 *
 * <p>The colony's event listener only enqueues into a bounded queue (it never waits on a
 * client, so watchers cannot slow the colony); one timer thread drains it and does all sending,
 * each frame serialised once however many clients watch its agent and sent only when it is new. Without a live colony the
 * registry's events table is polled instead, so {@code vivarium zoo} beside a colony running in
 * another process still streams its events. Thread-safe.
 */
final class LiveFeed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
  static final long TICK_MILLIS = 100;
  private static final int TICKS_PER_STATS = 10;

  /** One open stream; {@code lastFrame} (the time of the newest frame it got) is touched only by the timer thread. */
  private static final class Watcher {
    final SseClient client;
    final String agent;
    long lastFrame = -1;

    Watcher(SseClient client, String agent) {
      this.client = client;
      this.agent = agent;
    }
  }

  private final ColonyHandle colony;
  private final Records records;
  private final ObjectMapper json;
  private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
  private final BlockingQueue<Event> events = new ArrayBlockingQueue<>(4096);
  private final ScheduledExecutorService timer;
  private final AutoCloseable subscription;
  private long lastEventId;
  private long ticks;
  private volatile long dropped;

  LiveFeed(ColonyHandle colony, Records records, ObjectMapper json) {
    this.colony = colony;
    this.records = records;
    this.json = json;
    this.lastEventId = records.lastEventId();
    this.subscription = colony == null ? null : colony.onEvent(e -> {
      if (!events.offer(e)) {
        dropped++;
      }
    });
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "zoo-live");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::tickSafely, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Adds a client watching {@code agent} (or only events when {@code null}); the stream stays open. */
  void add(SseClient client, String agent) {
    Watcher w = new Watcher(client, agent);
    client.keepAlive();
    client.onClose(() -> watchers.remove(w));
    watchers.add(w);
    client.sendComment("vivarium zookeeper stream");
  }

  /** The number of open streams. */
  int clients() {
    return watchers.size();
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      log.warn("zookeeper stream tick failed: {}", e.toString());
    }
  }

  private void tick() {
    ticks++;
    List<Map<String, Object>> batch = new ArrayList<>();
    if (colony != null) {
      List<Event> drained = new ArrayList<>();
      events.drainTo(drained);
      for (Event e : drained) {
        batch.add(Map.of("timeMillis", e.timeMillis(), "kind", e.kind(), "agent", e.agent(), "json", e.json()));
      }
    } else if (ticks % TICKS_PER_STATS == 0) {
      for (EventRow e : records.events(lastEventId, 500, null, null)) {
        lastEventId = e.id();
        batch.add(Map.of("id", e.id(), "timeMillis", e.timeMillis(), "kind", e.kind(), "agent", e.agent(),
            "json", e.json()));
      }
    }
    if (watchers.isEmpty()) {
      return;
    }
    for (Map<String, Object> e : batch) {
      sendAll("event", text(e));
    }
    if (colony != null) {
      sendFrames();
      if (ticks % TICKS_PER_STATS == 0) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("stepsPerSecond", colony.stepsPerSecond());
        stats.put("clients", watchers.size());
        stats.put("droppedEvents", dropped);
        stats.put("timeMillis", System.currentTimeMillis());
        sendAll("stats", text(stats));
      }
    }
  }

  /** Sends each watched agent's frame, serialised once, to the clients that have not had it yet. */
  private void sendFrames() {
    Map<String, Optional<AgentFrame>> frames = new HashMap<>();
    Map<String, String> texts = new HashMap<>();
    for (Watcher w : watchers) {
      if (w.agent == null) {
        continue;
      }
      Optional<AgentFrame> f = frames.computeIfAbsent(w.agent, colony::frame);
      if (f.isPresent() && f.get().timeMillis() != w.lastFrame) {
        String data = texts.computeIfAbsent(w.agent, a -> text(Frames.live(f.get())));
        if (send(w, "frame", data)) {
          w.lastFrame = f.get().timeMillis();
        }
      }
    }
  }

  private void sendAll(String name, String data) {
    for (Watcher w : watchers) {
      send(w, name, data);
    }
  }

  private boolean send(Watcher w, String name, String data) {
    if (w.client.terminated()) {
      watchers.remove(w);
      return false;
    }
    try {
      w.client.sendEvent(name, data);
      return true;
    } catch (RuntimeException e) {
      watchers.remove(w); // the client went away mid-write
      return false;
    }
  }

  private String text(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a stream message: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    if (subscription != null) {
      try {
        subscription.close();
      } catch (Exception e) {
        log.debug("closing the event subscription failed", e);
      }
    }
    for (Watcher w : watchers) {
      w.client.close();
    }
    watchers.clear();
  }
}
