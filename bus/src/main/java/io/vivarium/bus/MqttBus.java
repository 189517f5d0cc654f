package io.vivarium.bus;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt3.message.auth.Mqtt3SimpleAuth;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import io.vivarium.core.config.BusConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Bus} over MQTT 3.1.1 with the HiveMQ MQTT client: any broker by URL, TLS, a
 * client certificate and user name/password from {@link BusConfig}, automatic reconnection with exponential backoff
 * (100 ms up to 5 s). Outgoing messages wait in two bounded outboxes (reliable QoS 1, and a
 * small newest-wins QoS 0 one for video); each subscription has its own bounded inbox and
 * thread. Subscriptions are re-sent after every reconnect, so they survive a broker restart.
 *
 * <p>Thread-safe; {@link #close()} is idempotent.
 */
public final class MqttBus implements Bus {
  private static final Logger LOG = LoggerFactory.getLogger(MqttBus.class);
  private static final AtomicInteger CLIENTS = new AtomicInteger();
  private static final int VIDEO_QUEUE = 8;
  private static final long CONNECT_WAIT_MILLIS = 5_000;

  private final TopicSchema schema;
  private final BrokerUrl url;
  private final BusConfig config;
  private final AutoCloseable owned;
  private final Mqtt3AsyncClient client;
  private final Outbox reliable;
  private final Outbox video;
  private final Problems problems = new Problems();
  private final List<Inbox<?>> inboxes = new CopyOnWriteArrayList<>();
  private final Map<String, Long> lastFrame = new ConcurrentHashMap<>();
  private final LongAdder throttled = new LongAdder();
  private final LongAdder outages = new LongAdder();
  private final CountDownLatch firstConnection = new CountDownLatch(1);
  /** Subscriptions sent and not yet acknowledged by the broker. */
  private final Set<CompletableFuture<?>> unacknowledged = ConcurrentHashMap.newKeySet();
  private volatile boolean connected;
  private volatile boolean everConnected;
  private volatile boolean closed;
  private volatile long lostAtMillis;

  private MqttBus(BrokerUrl url, TopicSchema schema, BusConfig config, AutoCloseable owned) {
    this.url = url;
    this.schema = schema;
    this.config = config;
    this.owned = owned;
    this.client = build();
    client.publishes(MqttGlobalPublishFilter.ALL, this::onMessage);
    this.reliable = new Outbox("vivarium-bus-send", config.outbox(), 1024, this::send);
    this.video = new Outbox("vivarium-bus-video", VIDEO_QUEUE, 4, this::send);
  }

  /**
   * Connects to the broker at {@code url}. Waits a few seconds for the first connection; if
   * the broker is not there yet, returns anyway and keeps trying in the background.
   *
   * @param owned closed with the bus (the embedded broker it talks to), or {@code null}
   */
  public static MqttBus connect(BrokerUrl url, String colony, BusConfig config,
      AutoCloseable owned) {
    MqttBus bus = new MqttBus(url, new TopicSchema(colony), config, owned);
    bus.start();
    return bus;
  }

  /**
   * The bus the configuration asks for: an external broker when {@code bus.url} is set, else
   * an embedded broker on 127.0.0.1:{@code bus.port} that closes with the bus and accepts only
   * the credentials in {@code dataDir}'s {@value BusCredentials#FILE} (generated there on the
   * first start), so that the owner's tools can connect too.
   *
   * @throws IllegalArgumentException for a bad URL, trust store or key store
   * @throws IllegalStateException when the credentials file is unsafe or malformed
   */
  public static MqttBus open(BusConfig config, String colony, Path dataDir) {
    Objects.requireNonNull(dataDir, "dataDir");
    return open(config, colony, () -> BusCredentials.loadOrCreate(dataDir));
  }

  /**
   * Like {@link #open(BusConfig, String, Path)} without a data directory: an embedded broker
   * accepts fresh random credentials that only this bus knows, so no other client can join it.
   */
  public static MqttBus open(BusConfig config, String colony) {
    return open(config, colony, BusCredentials::random);
  }

  private static MqttBus open(BusConfig config, String colony, Supplier<BusCredentials> login) {
    if (!config.url().isBlank()) {
      return connect(BrokerUrl.parse(config.url()), colony, config, null);
    }
    Tls.check(config, null);
    BusCredentials creds = login.get();
    EmbeddedBroker broker = EmbeddedBroker.start(config.port(), config.brokerQueue(), creds);
    try {
      return connect(broker.url(), colony, config.withLogin(creds.user(), creds.password()), broker);
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  @Override
  public TopicSchema schema() {
    return schema;
  }

  @Override
  public String url() {
    return url.toString();
  }

  @Override
  public boolean connected() {
    return connected;
  }

  @Override
  public <T> void publish(Topic<T> topic, String agent, T value) {
    Objects.requireNonNull(value, "value");
    String mqttTopic = schema.topic(topic, agent);
    byte[] payload = topic.codec().encode(value);
    if (topic.delivery() == Delivery.LATEST) {
      long now = System.nanoTime();
      if (!frameDue(agent, now)) {
        throttled.increment();
        return;
      }
      lastFrame.put(agent, now);
      video.offer(new Outbox.Message(mqttTopic, payload, 0));
    } else {
      reliable.offer(new Outbox.Message(mqttTopic, payload, topic.delivery().qos()));
    }
  }

  @Override
  public boolean wantsFrame(String agent) {
    return frameDue(agent, System.nanoTime());
  }

  private boolean frameDue(String agent, long now) {
    Long last = lastFrame.get(agent);
    return last == null || now - last >= TimeUnit.MILLISECONDS.toNanos(config.videoIntervalMillis());
  }

  @Override
  public <T> Subscription subscribe(Topic<T> topic, String agent, Handler<T> handler) {
    Objects.requireNonNull(handler, "handler");
    if (closed) {
      throw new IllegalStateException("the bus is closed; open a new one to subscribe");
    }
    String filter = schema.filter(topic, agent);
    Inbox<T>[] self = newInboxHolder();
    Inbox<T> inbox = new Inbox<>(topic, agent, filter, handler, config.inbox(), problems,
        () -> unsubscribe(self[0]));
    self[0] = inbox;
    inboxes.add(inbox);
    if (connected) {
      sendSubscribe(filter, topic.delivery().qos());
    }
    return inbox;
  }

  /** Waits up to {@code millis} until every queued message has reached the broker. */
  public boolean flush(long millis) {
    try {
      return reliable.flush(millis) && video.flush(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public BusStats stats() {
    long delivered = 0;
    long droppedInbox = 0;
    for (Inbox<?> i : inboxes) {
      delivered += i.delivered();
      droppedInbox += i.dropped();
    }
    return new BusStats(connected, outages.sum(), reliable.sent() + video.sent(),
        reliable.dropped(), video.dropped(), throttled.sum(),
        reliable.failures() + video.failures(), delivered, droppedInbox,
        problems.malformedTotal(), problems.handlerErrorsTotal(), problems.malformedByTopic());
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    if (connected) {
      flush(2_000);
    }
    for (Inbox<?> i : inboxes) {
      i.close();
    }
    reliable.close();
    video.close();
    try {
      client.disconnect().get(2, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.debug("bus: disconnect from {} did not complete cleanly", url, e);
    }
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        LOG.warn("bus: could not stop the embedded broker cleanly", e);
      }
    }
  }

  // ---------------------------------------------------------------------------------------

  private void start() {
    CompletableFuture<?> first = client.connectWith().cleanSession(true).keepAlive(30).send();
    try {
      first.get(CONNECT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warn("bus: broker {} is not reachable yet ({}); the colony runs on and the bus keeps"
          + " retrying", url, rootMessage(e));
    }
  }

  private Mqtt3AsyncClient build() {
    Tls.check(config, url);
    String id = "vivarium-" + schema.colony() + "-" + ProcessHandle.current().pid() + "-"
        + CLIENTS.incrementAndGet();
    Mqtt3ClientBuilder b = MqttClient.builder().useMqttVersion3()
        .identifier(id)
        .serverHost(url.host())
        .serverPort(url.port())
        .automaticReconnect()
            .initialDelay(100, TimeUnit.MILLISECONDS)
            .maxDelay(5, TimeUnit.SECONDS)
            .applyAutomaticReconnect()
        .addConnectedListener(ctx -> onConnected())
        .addDisconnectedListener(ctx -> {
          if (closed) {
            ctx.getReconnector().reconnect(false); // a closed bus never comes back
          }
          onDisconnected(ctx.getCause());
        });
    if (url.tls()) {
      b = b.sslConfig(Tls.config(config));
    }
    if (!config.username().isEmpty()) {
      b = b.simpleAuth(Mqtt3SimpleAuth.builder()
          .username(config.username())
          .password(config.password().getBytes(StandardCharsets.UTF_8))
          .build());
    }
    return b.buildAsync();
  }

  private CompletableFuture<?> send(Outbox.Message m) {
    // Until the first connection the client's own publish call blocks its caller (and logs an
    // error with a stack trace when that thread is interrupted at close): wait here instead,
    // while the outbox keeps the newest messages.
    try {
      firstConnection.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(e);
    }
    return client.publishWith()
        .topic(m.topic())
        .qos(m.qos() == 0 ? MqttQos.AT_MOST_ONCE : MqttQos.AT_LEAST_ONCE)
        .payload(m.payload())
        .send();
  }

  private void onMessage(Mqtt3Publish p) {
    String topic = p.getTopic().toString();
    Optional<TopicSchema.Address> a = schema.parse(topic);
    if (a.isEmpty()) {
      problems.malformed(topic, "not a topic of colony " + schema.colony());
      return;
    }
    byte[] payload = p.getPayloadAsBytes();
    for (Inbox<?> i : inboxes) {
      if (i.accepts(a.get().topic(), a.get().agent())) {
        i.offer(topic, a.get().agent(), payload);
      }
    }
  }

  private void onConnected() {
    connected = true;
    if (everConnected) {
      LOG.info("bus: reconnected to {} after {} ms", url,
          System.currentTimeMillis() - lostAtMillis);
    } else {
      LOG.info("bus: connected to {}", url);
    }
    everConnected = true;
    Set<String> sent = new LinkedHashSet<>();
    for (Inbox<?> i : inboxes) {
      if (sent.add(i.filter)) {
        sendSubscribe(i.filter, i.topic.delivery().qos());
      }
    }
    firstConnection.countDown(); // after the subscriptions: awaitSubscriptions sees every one of them
  }

  private void onDisconnected(Throwable cause) {
    boolean was = connected;
    connected = false;
    if (closed) {
      return;
    }
    if (was || !everConnected && lostAtMillis == 0) {
      outages.increment();
      lostAtMillis = System.currentTimeMillis();
      LOG.warn("bus: lost broker {} ({}); messages wait in the outbox, reconnecting with backoff",
          url, rootMessage(cause));
    }
  }

  private void sendSubscribe(String filter, int qos) {
    CompletableFuture<?> sent = client.subscribeWith()
        .topicFilter(filter)
        .qos(qos == 0 ? MqttQos.AT_MOST_ONCE : MqttQos.AT_LEAST_ONCE)
        .send();
    unacknowledged.add(sent);
    sent.whenComplete((ack, e) -> {
      unacknowledged.remove(sent);
      if (e != null && connected) {
        LOG.warn("bus: subscribing to {} failed: {}", filter, rootMessage(e));
      }
    });
  }

  @Override
  public boolean awaitSubscriptions(long millis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    try {
      long left = deadline - System.nanoTime();
      if (!firstConnection.await(Math.max(left, 0), TimeUnit.NANOSECONDS)) {
        return false;
      }
      CompletableFuture<?>[] waiting = unacknowledged.toArray(CompletableFuture<?>[]::new);
      CompletableFuture.allOf(waiting).get(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return true; // a refused subscription is logged where it fails; nothing more will come
    }
  }

  private void unsubscribe(Inbox<?> inbox) {
    inboxes.remove(inbox);
    boolean stillWanted = inboxes.stream().anyMatch(i -> i.filter.equals(inbox.filter));
    if (!stillWanted && connected && !closed) {
      client.unsubscribeWith().topicFilter(inbox.filter).send();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> Inbox<T>[] newInboxHolder() {
    return (Inbox<T>[]) new Inbox<?>[1];
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
