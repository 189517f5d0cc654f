package io.vivarium.colony.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real, private PostgreSQL for tests: Debian's {@code initdb} and {@code pg_ctl} make a
 * cluster in a temporary directory and start it on 127.0.0.1 on a free port (its unix socket
 * in that directory too), with password logins only, a database and a role {@value #ROLE} that
 * is not a superuser and owns only the databases made for it. As root (CI) the server runs as
 * user {@code nobody}, since initdb refuses root. {@link #close()} stops it and deletes the
 * directory. Needs the package {@code postgresql}, which {@code ./test.sh} installs. Shared with
 * other modules' tests through colony's test jar. Thread-safe.
 */
public final class PostgresServer implements AutoCloseable {
  /** The colony's role: a login, not a superuser, owner of its databases only. */
  public static final String ROLE = "vivarium";
  private static final int NOBODY = 65534;
  private static PostgresServer shared;

  private final Path dir;
  private final Path bin;
  private final int port;
  private final String superPassword = UUID.randomUUID().toString();
  private final String rolePassword = UUID.randomUUID().toString();
  private final AtomicInteger databases = new AtomicInteger();
  private boolean running;

  private PostgresServer(Path dir, Path bin, int port) {
    this.dir = dir;
    this.bin = bin;
    this.port = port;
  }

  /** Starts a new server; the caller closes it. */
  public static PostgresServer start() throws IOException, InterruptedException {
    Path bin = binaries();
    Path dir = Files.createTempDirectory("vivarium-pg", PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwx------")));
    PostgresServer s = new PostgresServer(dir, bin, freePort());
    try {
      s.initAndStart();
      s.superuser("CREATE ROLE " + ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '"
          + s.rolePassword + "'");
      return s;
    } catch (IOException | InterruptedException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /** One server for the whole test run (started at first use, stopped when the JVM exits). */
  public static synchronized PostgresServer shared() {
    if (shared == null) {
      try {
        shared = start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting PostgreSQL", e);
      }
      PostgresServer s = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(s::close, "postgres-stop"));
    }
    return shared;
  }

  /** The port it listens on at 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The password of {@value #ROLE}. */
  public String password() {
    return rolePassword;
  }

  /** A new empty database owned by {@value #ROLE}; returns its name. */
  public String createDatabase() {
    String name = "vivarium_" + databases.incrementAndGet();
    superuser("CREATE DATABASE " + name + " OWNER " + ROLE
        + " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
    superuser("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
    return name;
  }

  /** The registry location of {@code database} as {@value #ROLE}, password included. */
  public String url(String database) {
    return "postgresql://" + ROLE + ":" + rolePassword + "@127.0.0.1:" + port + "/" + database;
  }

  /** The registry location of a new empty database (see {@link #createDatabase()}). */
  public String newDatabaseUrl() {
    return url(createDatabase());
  }

  private void initAndStart() throws IOException, InterruptedException {
    Path pw = dir.resolve("pw");
    Files.writeString(pw, superPassword + "\n");
    if (root()) {
      run("chown", "-R", NOBODY + ":" + NOBODY, dir.toString());
    }
    run(asServer(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
        "--pwfile=" + pw, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync"));
    Files.delete(pw);
    String options = "-c listen_addresses=127.0.0.1 -p " + port + " -k " + dir
        + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
    try {
      run(asServer(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
          dir.resolve("server.log").toString(), "-w", "-t", "60", "-o", options, "start"));
    } catch (IllegalStateException e) {
      Path log = dir.resolve("server.log");
      throw new IllegalStateException(e.getMessage() + (Files.exists(log) ? "\n" + Files.readString(log) : ""), e);
    }
    running = true;
  }

  /** Runs {@code sql} as the superuser {@code postgres} in database {@code postgres}. */
  void superuser(String sql) {
    Properties p = new Properties();
    p.setProperty("user", "postgres");
    p.setProperty("password", superPassword);
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", p);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL test server: " + sql.replace(rolePassword, "***") + " failed: "
          + e.getMessage(), e);
    }
  }

  /** Stops the server and deletes its directory. Idempotent. */
  @Override
  public synchronized void close() {
    try {
      if (running) {
        running = false;
        run(asServer(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w",
            "stop"));
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("PostgreSQL test server did not stop: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      delete(dir);
    }
  }

  /** The newest {@code /usr/lib/postgresql/N/bin}, else the directory of {@code initdb} on PATH. */
  static Path binaries() {
    List<Path> found = new ArrayList<>();
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        versions.filter(v -> v.getFileName().toString().matches("\\d+"))
            .sorted(Comparator.comparingInt((Path v) -> Integer.parseInt(v.getFileName().toString())).reversed())
            .map(v -> v.resolve("bin")).forEach(found::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!d.isEmpty()) {
        found.add(Path.of(d));
      }
    }
    return found.stream()
        .filter(d -> Files.isExecutable(d.resolve("initdb")) && Files.isExecutable(d.resolve("pg_ctl")))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the PostgreSQL tests need Debian's postgresql (initdb and "
            + "pg_ctl, looked in /usr/lib/postgresql/*/bin and on PATH): ./test.sh installs it, or run "
            + "apt-get install -y postgresql"));
  }

  private List<String> asServer(String... command) {
    List<String> out = new ArrayList<>();
    if (root()) {
      out.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
    }
    out.addAll(List.of(command));
    return out;
  }

  private static boolean root() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  private void run(String... command) throws IOException, InterruptedException {
    run(List.of(command));
  }

  private void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + dir + ": " + e.getMessage());
    }
  }
}
