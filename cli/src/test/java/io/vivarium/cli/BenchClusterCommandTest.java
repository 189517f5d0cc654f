package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.registry.PostgresServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code vivarium bench cluster} end to end on a tiny setting: a private PostgreSQL, the embedded broker. */
class BenchClusterCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void measuresEveryPartAndPrintsOneNameValueUnitLinePerNumber() {
    String registry = PostgresServer.shared().newDatabaseUrl();

    int code = run("bench", "cluster", "--registry", registry, "--seconds", "1", "--entries", "200");

    assertThat(code).as(err + "\n" + out).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).allSatisfy(l -> assertThat(l).matches("[a-z0-9_]+ -?[0-9.]+ \\S+"));
    List<String> names = lines.stream().map(l -> l.split(" ")[0]).toList();
    assertThat(names).contains("registry_1n_writes_per_second", "registry_4n_write_p99",
        "broker_2n_delivered_per_second", "memory_cluster_recall_8c_latency_p50", "memory_local_recall_1c_per_second",
        "coord_ensures_per_agent_second", "coord_child_id_ask_p99", "wire_bytes_memory_recall");
    assertThat(value(lines, "registry_2n_writes_per_second")).isPositive();
    assertThat(value(lines, "broker_1n_delivered_per_second")).isPositive();
    assertThat(value(lines, "memory_cluster_recall_1c_per_second")).isPositive();
    assertThat(value(lines, "coord_ensures_per_second")).isPositive();
  }

  @Test
  void aBrokerUserWithoutItsPasswordIsNamed() {
    int code = run("bench", "cluster", "--registry", "postgresql://vivarium@127.0.0.1:1/x", "--broker",
        "tcp://127.0.0.1:1883", "--broker-user", "someone");

    assertThat(code).isEqualTo(Main.FAILURE);
    assertThat(err.toString()).contains("--broker-user someone needs its password");
    assertThat(out.toString()).doesNotContain("registry_");
  }

  private static double value(List<String> lines, String name) {
    return lines.stream().map(l -> l.split(" ")).filter(p -> p[0].equals(name)).mapToDouble(p -> Double.parseDouble(p[1]))
        .findFirst().orElseThrow();
  }

}
