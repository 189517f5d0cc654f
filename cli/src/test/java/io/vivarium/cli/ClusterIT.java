package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.PlacementRow;
import io.vivarium.colony.registry.PostgresServer;
import io.vivarium.colony.registry.Registry;
import io.vivarium.bus.Mosquitto;
import io.vivarium.colony.store.CheckpointStore;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A colony on three nodes, each a separate JVM started by the launcher, sharing a real
 * PostgreSQL registry and a real mosquitto broker that refuses anonymous clients: every node
 * publishes its agents' channels under the colony's topics; a node killed with SIGKILL loses no agent (its agents resume on the
 * others from their checkpoints), no agent ever runs on two nodes at once (the registry's
 * placements say so), a node that rejoins gets agents back, and the cluster singletons move
 * when the oldest node dies.
 */
class ClusterIT {
  private static final long WAIT_SECONDS = 150;
  private static final String[] COLONY = {"colony.agents=6", "world.preset=gold-bare-5x5",
      "colony.replicateEvery=1000000", "colony.checkpointSeconds=2"};

  @TempDir Path dir;
  private PostgresServer pg;
  private String registry;
  private final List<Process> nodes = new ArrayList<>();
  private Mosquitto broker;
  private final String brokerPassword = java.util.UUID.randomUUID().toString();

  @AfterEach
  void stop() throws Exception {
    for (Process p : nodes) {
      p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    if (pg != null) {
      pg.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void agentsOutliveAKilledNodeRunOnOneNodeAtATimeAndComeBackToARejoinedOne() throws Exception {
    pg = PostgresServer.start();
    Path mq = Files.createDirectories(dir.resolve("mosquitto"));
    broker = Mosquitto.start(mq, "password_file " + Mosquitto.passwordFile(mq, "colony", brokerPassword));
    registry = "postgresql://" + PostgresServer.ROLE + "@127.0.0.1:" + pg.port() + "/" + pg.createDatabase();
    String a = bind();
    String b = bind();
    String c = bind();
    Process nodeA = node("a", "run", a, null);
    await("the founders are placed on the first node", () -> open().size() == 6, nodeA);
    Set<String> founders = alive();
    Process nodeB = node("b", "node", b, a);
    Process nodeC = node("c", "node", c, a);
    await("the agents spread to the new nodes", () -> on(b) > 0 && on(c) > 0, nodeA);
    checkEveryNodePublishes(List.of(a, b, c));
    checkStatusListsTheNodes(List.of(a, b, c));
    checkTheConsoleShowsTheNodes("b", List.of(a, b, c));

    long killed = System.currentTimeMillis();
    nodeC.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    await("every agent of the killed node runs on another", () -> placedAway(c), nodeA);
    System.out.printf("cluster: agents resumed %.1f s after the SIGKILL%n", (System.currentTimeMillis() - killed) / 1e3);
    assertThat(alive()).as("no agent lost").isEqualTo(founders);
    checkOneNodeAtATime();
    checkCheckpointsVerify();

    Process nodeC2 = node("c2", "node", c, a);
    await("the rejoined node gets agents back", () -> on(c) > 0, nodeC2);

    nodeA.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // the oldest: it runs the singletons
    await("the oldest node's agents run on the others (the singletons moved)", () -> placedAway(a), nodeB);
    assertThat(alive()).as("no agent lost").isEqualTo(founders);
    checkOneNodeAtATime();
    checkCheckpointsVerify();

    // the first node started again as a first node: it joins the running ones, no second cluster
    Process nodeA2 = node("a2", "run", a, null);
    await("the restarted first node joins the others and gets agents", () -> on(a) > 0, nodeA2);
    assertThat(Files.readString(dir.resolve("a2.log"))).as("it joined the running nodes")
        .containsPattern("up in cluster it · members \\[.*" + java.util.regex.Pattern.quote(b));
    assertThat(alive()).as("no agent lost").isEqualTo(founders);
    checkOneNodeAtATime();
  }

  @Test
  void aSeedNodeThatDoesNotAnswerIsOneClearLineAndLeavesNoColony() throws Exception {
    pg = PostgresServer.start();
    registry = "postgresql://" + PostgresServer.ROLE + "@127.0.0.1:" + pg.port() + "/" + pg.createDatabase();
    String nobody = bind();
    ProcessBuilder pb = Launcher.command(dir, dir.resolve("lonely"), "run", "--cluster", "it", "--bind", bind(),
        "--registry", registry, "--shared", dir.resolve("shared").toString(), "--no-zoo", "--no-broker",
        "cluster.join=" + nobody).redirectOutput(dir.resolve("lonely.log").toFile());
    pb.environment().put("PGPASSWORD", pg.password());
    Process p = pb.start();
    nodes.add(p);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(dir.resolve("lonely.log"));
    assertThat(p.exitValue()).as(out).isEqualTo(1);
    assertThat(out).contains("vivarium: cannot join cluster it at " + nobody + " within 25 s; check that a node runs "
        + "there").doesNotContain("\tat ");
    try (Registry r = open(true)) {
      assertThat(r.agents()).as("a failed start leaves no colony").isEmpty();
    }
  }

  private Process node(String name, String command, String bind, String join) throws Exception {
    List<String> args = new ArrayList<>(List.of(command, "--bind", bind, "--registry", registry, "--zoo-port", "0",
        "bus.password=" + brokerPassword));
    if (join == null) { // the first node names the colony's settings; the others read them from the registry
      args.addAll(List.of("--cluster", "it", "--shared", dir.resolve("shared").toString(), "--broker", broker.url(),
          "bus.username=colony"));
      args.addAll(List.of(COLONY));
    } else {
      args.addAll(List.of("--join", join));
    }
    ProcessBuilder pb = Launcher.command(dir, dir.resolve(name), args.toArray(String[]::new))
        .redirectOutput(dir.resolve(name + ".log").toFile());
    pb.environment().put("PGPASSWORD", pg.password());
    pb.environment().put("VIVARIUM_JAVA_OPTS", "-Xmx768m");
    Process p = pb.start();
    nodes.add(p);
    return p;
  }

  /** Agents of every node appear on the colony's topics of the one broker. */
  private void checkEveryNodePublishes(List<String> binds) throws Exception {
    Process sub = Mosquitto.sub(broker.port, "vivarium/+/agents/+/touch:world", 60, 30,
        "-u", "colony", "-P", brokerPassword);
    String seen = Mosquitto.output(sub, 40);
    for (String bind : binds) {
      List<String> here = open().stream().filter(p -> p.node().equals(bind)).map(PlacementRow::agent).toList();
      assertThat(here.stream().anyMatch(agent -> seen.contains("/agents/" + agent + "/")))
          .as("an agent of node %s (%s) on the bus: %s", bind, here, seen.lines().limit(5).toList()).isTrue();
    }
    assertThat(Mosquitto.pub(broker.port, "vivarium/vivarium/agents/a0001/reward:from_parent", "1"))
        .as("an anonymous publisher is refused").isNotZero();
  }

  private void checkStatusListsTheNodes(List<String> binds) throws Exception {
    Path out = dir.resolve("status.txt");
    ProcessBuilder pb = Launcher.command(dir, dir.resolve("b"), "status").redirectOutput(out.toFile());
    pb.environment().put("PGPASSWORD", pg.password());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(out);
    assertThat(p.exitValue()).as(text).isZero();
    for (String bind : binds) {
      assertThat(text).contains("node:         " + bind + " up");
    }
  }

  /** Any node's zookeeper shows every node. */
  private void checkTheConsoleShowsTheNodes(String node, List<String> binds) throws Exception {
    String log = Files.readString(dir.resolve(node + ".log"));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("zookeeper on (http://127\\.0\\.0\\.1:\\d+)").matcher(log);
    assertThat(m.find()).as(log).isTrue();
    var http = java.net.http.HttpClient.newHttpClient();
    var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(m.group(1) + "/api/nodes")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    for (String bind : binds) {
      assertThat(response.body()).contains("\"" + bind + "\"");
    }
  }

  private static String bind() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return "127.0.0.1:" + s.getLocalPort();
    }
  }

  private void await(String what, BooleanSupplier done, Process watched) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline || !watched.isAlive()) {
        throw new AssertionError(what + ": not within " + WAIT_SECONDS + " s" + (watched.isAlive() ? "" : " (a node exited)")
            + "; open placements " + open() + "\n" + logs());
      }
      Thread.sleep(250);
    }
  }

  private String logs() throws Exception {
    StringBuilder out = new StringBuilder();
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
        List<String> lines = Files.readAllLines(f);
        out.append("== ").append(f.getFileName()).append('\n')
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()))).append('\n');
      }
    }
    return out.toString();
  }

  private Registry open(boolean unused) {
    return Registry.openReadOnly(registry.replace("@", ":" + pg.password() + "@"));
  }

  /** The open placements; none before the first node has made the registry. */
  private List<PlacementRow> open() {
    try (Registry r = open(true)) {
      return r.cluster().openPlacements();
    } catch (IllegalStateException e) {
      return List.of();
    }
  }

  /** Open placements on the node at {@code bind}. */
  private long on(String bind) {
    return open().stream().filter(p -> p.node().equals(bind)).count();
  }

  /** Whether every alive agent has exactly one open placement, none on {@code gone}. */
  private boolean placedAway(String gone) {
    List<PlacementRow> open = open().stream().filter(p -> !p.node().equals(gone)).toList();
    Map<String, Long> perAgent = open.stream().collect(Collectors.groupingBy(PlacementRow::agent, Collectors.counting()));
    return perAgent.keySet().equals(alive()) && perAgent.values().stream().allMatch(n -> n == 1);
  }

  private Set<String> alive() {
    try (Registry r = open(true)) {
      return r.agents().stream().filter(x -> x.state() == AgentState.ALIVE).map(AgentRow::id)
          .collect(Collectors.toCollection(HashSet::new));
    }
  }

  /** No agent's placements overlap: each starts after the one before was last seen running. */
  private void checkOneNodeAtATime() {
    try (Registry r = open(true)) {
      for (AgentRow agent : r.agents()) {
        List<PlacementRow> ps = new ArrayList<>(r.cluster().placements(agent.id()));
        ps.sort(Comparator.comparingLong(PlacementRow::startedMillis));
        for (int i = 1; i < ps.size(); i++) {
          PlacementRow before = ps.get(i - 1);
          assertThat(ps.get(i).startedMillis()).as("%s ran on %s and %s at once: %s", agent.id(), before.node(),
              ps.get(i).node(), ps).isGreaterThanOrEqualTo(before.seenMillis());
        }
      }
    }
  }

  private void checkCheckpointsVerify() {
    CheckpointStore store = new CheckpointStore(dir.resolve("shared").resolve(CheckpointStore.DIR));
    for (String id : alive()) {
      assertThat(store.latest(id, d -> { }).isPresent()).as("%s has a checkpoint that verifies", id).isTrue();
    }
  }
}
