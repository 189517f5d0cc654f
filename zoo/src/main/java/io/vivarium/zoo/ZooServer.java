package io.vivarium.zoo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.CheckpointRow;
import io.vivarium.colony.registry.EpisodeRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.registry.RegistryLocation;
import io.vivarium.colony.runtime.ColonyHandle;
import io.vivarium.colony.store.CheckpointStore;
import io.vivarium.core.config.ZooConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zookeeper: the colony's web console (a static page in the jar) and its JSON API over
 * HTTP, with a server-sent-event stream. It reads the colony's registry, so a stopped colony can
 * be browsed; with a live {@link ColonyHandle} it also streams frames and takes people's
 * requests (hibernate, wake, kill, clone, reward, talk, vote) and questions (the ask box, {@link AskBox}). On any
 * node of a colony across machines it reads the shared registry, so it also shows the nodes and
 * which agent runs where ({@link Nodes}), and serves checkpoints from the shared directory. The
 * API is listed in {@code docs/zookeeper.md}. Thread-safe; {@link #close()} is idempotent.
 */
public final class ZooServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ZooServer.class);
  /** The largest request body accepted. */
  static final long MAX_BODY = 64 * 1024;
  private static final int MAX_LIMIT = 10_000;

  private final DataDir dir;
  private final ColonyHandle colony;
  private final Registry registry;
  private final Records records;
  private final Guard guard;
  private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .addMixIn(EpisodeRow.class, SeedAsText.class);
  private final LiveFeed feed;
  private final Actions actions;
  private final Outputs outputs;
  private final Weave weave;
  private final AskBox asks;
  private final Thoughts thoughts;
  private final Prometheus prometheus;
  private final SoupPage soup;
  private final Javalin javalin;
  private final String host;
  private boolean closed;
  /** A soup-only zookeeper's temporary directory holding its empty registry, else null. */
  private Path scratch;

  private ZooServer(ZooConfig config, DataDir dir, ColonyHandle colony) {
    this.dir = dir;
    this.colony = colony;
    this.host = config.host();
    boolean loopback = Guard.isLoopback(config.host());
    String token = config.token() == null ? "" : config.token();
    this.guard = new Guard(token.isEmpty() && !loopback ? Guard.newToken() : token, loopback);
    this.registry = Registry.openReadOnly(dir.registryLocation());
    this.records = new Records(registry);
    this.actions = new Actions(colony, records, json);
    this.outputs = new Outputs(registry, records, json, new Disassembly());
    this.weave = new Weave(registry, records);
    this.feed = new LiveFeed(colony, records, json);
    this.asks = new AskBox(colony, registry, json);
    this.thoughts = new Thoughts(registry, json);
    this.prometheus = new Prometheus(registry, colony, dir);
    this.soup = new SoupPage(dir.root().resolve("soup"));
    this.javalin = Javalin.create(c -> {
      c.startup.showJavalinBanner = false;
      c.http.maxRequestSize = MAX_BODY;
      c.jsonMapper(new JavalinJackson(json, false));
      c.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrors()));
      c.staticFiles.add(s -> {
        s.hostedPath = "/";
        s.directory = "/zoo";
        s.location = Location.CLASSPATH;
      });
      c.staticFiles.enableWebjars(); // the charts' uPlot, from its jar under /webjars/uplot/VERSION/
      routes(c.routes);
    });
  }

  /**
   * Starts a zookeeper over the colony in {@code dir} (its registry where {@code dir} names it: its
   * own {@code colony.db}, or a cluster's; checkpoints from its shared directory): live when
   * {@code colony} is given, read-only (actions answer 409) when it is {@code null}.
   *
   * @throws IllegalArgumentException when the registry records no colony or the host does not resolve
   */
  public static ZooServer start(ZooConfig config, DataDir dir, ColonyHandle colony) {
    if (!dir.hasColony() && colony == null && SoupPage.holdsSoup(dir.root())) {
      return soupOnly(config, dir);
    }
    if (!dir.hasColony()) {
      throw new IllegalArgumentException(dir.registryUrl().isEmpty()
          ? "no colony in " + dir.root() + " (no " + Registry.FILE + "); start one with 'vivarium run', or point --data "
              + "at a colony's directory"
          : "no colony in registry " + RegistryLocation.parse(dir.registryUrl()) + " (it records no agent); start one "
              + "with 'vivarium run --cluster …', or check --registry");
    }
    return listen(config, new ZooServer(config, dir, colony));
  }

  /**
   * A zookeeper over a data directory that holds only a soup (docs/soup.md): the colony's pages
   * read an empty registry made in a private temporary directory, deleted at {@link #close()}.
   */
  private static ZooServer soupOnly(ZooConfig config, DataDir dir) {
    Path scratch;
    try {
      scratch = Files.createTempDirectory("vivarium-zoo-soup");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a temporary directory for a soup-only zookeeper: " + e.getMessage(), e);
    }
    Path db = scratch.resolve(Registry.FILE);
    Registry.open(db).close();
    ZooServer z = new ZooServer(config, new DataDir(dir.root(), dir.shared(), db.toString()), null);
    z.scratch = scratch;
    return listen(config, z);
  }

  private static ZooServer listen(ZooConfig config, ZooServer z) {
    try {
      z.javalin.start(config.host(), config.port());
    } catch (RuntimeException e) {
      z.close();
      throw new IllegalStateException("zookeeper cannot listen on " + config.host() + ":" + config.port() + ": "
          + e.getMessage() + "; choose another port with --zoo-port or zoo.port", e);
    }
    log.info("zookeeper on {}", z.url());
    return z;
  }

  /** The port it listens on (useful after asking for port 0). */
  public int port() {
    return javalin.port();
  }

  /** The page's address; with a token it carries it in the fragment, which browsers never send. */
  public String url() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port() + "/" + (guard.token().isEmpty() ? "" : "#token=" + guard.token());
  }

  /** The token every API request must carry, {@code ""} when none is needed. */
  public String token() {
    return guard.token();
  }

  /** Whether it serves a live colony (actions allowed) rather than a stopped one's records. */
  public boolean live() {
    return colony != null;
  }

  /** Open event streams. */
  public int streams() {
    return feed.clients();
  }

  private void routes(JavalinDefaultRoutingApi app) {
    app.before(ctx -> {
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.header("X-Frame-Options", "DENY");
      ctx.header("Referrer-Policy", "no-referrer");
      ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    });
    app.before("/api/*", guard::check);
    app.before("/metrics", guard::check); // the same loopback and token rule as the API
    app.get("/metrics", prometheus::handle); // Prometheus's text format (docs/interop.md)
    app.get("/api/colony", this::colony);
    app.get("/api/agents", ctx -> ctx.json(records.agents()));
    app.get("/api/agents/{id}", ctx -> ctx.json(records.detail(Params.agentId(ctx))));
    app.get("/api/agents/{id}/frame", this::frame);
    app.get("/api/agents/{id}/metrics", ctx -> ctx.json(records.metricNames(Params.agentId(ctx))));
    app.get("/api/agents/{id}/outputs", outputs::handle);
    app.get("/api/agents/{id}/blocks", weave::handle);
    app.get("/api/agents/{id}/metrics/{name}", this::series);
    AudioBox audio = new AudioBox(colony, dir);
    app.get("/api/agents/{id}/audio", audio::list);
    app.get("/api/agents/{id}/audio/{clip}", audio::clip);
    app.post("/api/agents/{id}/audio", audio::upload); // before the actions' pattern, which would take it
    app.post("/api/agents/{id}/{action}", actions::handle);
    app.get("/api/history", ctx -> ctx.json(records.history((int) Params.queryLong(ctx, "buckets", 60, 1, 1000))));
    app.get("/api/lineage", ctx -> ctx.json(records.agents()));
    app.get("/api/sizes", ctx -> ctx.json(records.sizes()));
    app.get("/api/nodes", ctx -> ctx.json(records.nodes()));
    app.get("/api/checkpoints", ctx -> ctx.json(records.checkpoints(Params.optionalAgent(ctx), limit(ctx, 200))));
    app.get("/api/checkpoints/{cid}/file", this::download);
    app.get("/api/episodes", ctx -> ctx.json(records.episodes(Params.optionalAgent(ctx),
        Params.queryLong(ctx, "before", Long.MAX_VALUE, 1, Long.MAX_VALUE), limit(ctx, 100))));
    app.get("/api/episodes/{eid}", this::episode);
    app.get("/api/events", ctx -> ctx.json(records.events(Params.queryLong(ctx, "after", 0, 0, Long.MAX_VALUE),
        limit(ctx, 200), Params.optionalAgent(ctx), Params.queryName(ctx, "kind"))));
    app.get("/api/requests", ctx -> ctx.json(records.requests(Params.optionalAgent(ctx), limit(ctx, 50))));
    app.get("/api/requests/{rid}", ctx -> ctx.json(records.request(Params.pathLong(ctx, "rid", 1, Long.MAX_VALUE))));
    app.get("/api/asks", ctx -> asks.list(ctx, limit(ctx, 20)));
    app.post("/api/asks", asks::ask);
    app.post("/api/asks/{aid}/thumb", asks::thumb);
    app.get("/api/thoughts", ctx -> thoughts.list(ctx, limit(ctx, 50)));
    app.get("/api/thoughts/{tid}", thoughts::get);
    app.get("/api/soup", soup::status); // the soup world's run under DATA/soup (docs/soup.md)
    app.get("/api/soup/image", soup::image);
    app.sse("/api/stream", client -> feed.add(client, Params.optionalAgent(client.ctx())));
    errors(app);
  }

  private static int limit(Context ctx, int fallback) {
    return (int) Params.queryLong(ctx, "limit", fallback, 1, MAX_LIMIT);
  }

  private static void errors(JavalinDefaultRoutingApi app) {
    app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
    app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
    app.exception(Exception.class, (e, ctx) -> {
      log.error("zookeeper request {} {} failed", ctx.method(), ctx.path(), e);
      error(ctx, 500, "internal error: " + e);
    });
  }

  private static void error(Context ctx, int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    body.put("status", status);
    ctx.status(status).json(body);
  }

  private void colony(Context ctx) {
    Map<String, Object> out = records.colony();
    out.put("live", colony != null);
    out.put("stepsPerSecond", colony == null ? 0.0 : colony.stepsPerSecond());
    out.put("streams", feed.clients());
    out.put("soup", soup.present());
    out.put("soupOnly", scratch != null); // no colony here: the page opens on the soup
    ctx.json(out);
  }

  private void frame(Context ctx) {
    String id = Params.agentId(ctx);
    if (colony == null) {
      throw new ApiError(409, "live frames need a running colony; this zookeeper serves stopped records (vivarium zoo)");
    }
    Records.Agent agent = records.agent(id);
    ctx.json(colony.frame(id).map(Frames::live).orElseThrow(() -> ApiError.notFound(agent.node() != null
        ? "agent " + id + " runs on node " + agent.node() + ", not in this process; open that node's zookeeper "
            + "to watch it live"
        : "agent " + id + " is not in memory (hibernating, dead or failed); wake it to watch it live")));
  }

  private void series(Context ctx) {
    String id = Params.agentId(ctx);
    String name = ctx.pathParam("name");
    if (!name.matches(Records.METRIC_NAME)) {
      throw ApiError.badRequest("metric name must match " + Records.METRIC_NAME + "; got '" + Params.clip(name) + "'");
    }
    records.agent(id);
    ctx.json(records.series(id, name, Params.queryLong(ctx, "after", -1, -1, Long.MAX_VALUE), limit(ctx, 2000),
        (int) Params.queryLong(ctx, "points", 0, 0, MAX_LIMIT)));
  }

  private void download(Context ctx) throws IOException {
    CheckpointRow c = records.checkpoint(Params.pathLong(ctx, "cid", 1, Long.MAX_VALUE));
    Path shared = dir.shared().toAbsolutePath().normalize(); // the registry names checkpoints relative to it
    Path file = shared.resolve(c.file()).normalize();
    if (!file.startsWith(shared.resolve(CheckpointStore.DIR))) {
      throw new ApiError(409, "checkpoint " + c.id() + " names a file outside the checkpoint store; refusing it");
    }
    if (!Files.isRegularFile(file)) {
      throw new ApiError(410, "checkpoint " + c.id() + " (" + c.file() + ") was pruned; its row stays as history");
    }
    ctx.contentType("application/octet-stream");
    ctx.header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"");
    ctx.header("Content-Length", Long.toString(Files.size(file)));
    InputStream in = Files.newInputStream(file);
    ctx.result(in);
  }

  private void episode(Context ctx) {
    Map.Entry<EpisodeRow, byte[]> e = records.episode(Params.pathLong(ctx, "eid", 1, Long.MAX_VALUE));
    ctx.json(Replayer.replay(e.getKey(), e.getValue()));
  }

  /** Stops listening, closes every stream and the registry. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    feed.close();
    javalin.stop();
    registry.close();
    if (scratch != null) {
      deleteTree(scratch);
    }
  }

  private static void deleteTree(Path root) {
    try (var files = Files.walk(root)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      log.warn("cannot delete the soup-only zookeeper's temporary registry {}: {}", root, e.getMessage());
    }
  }
}
