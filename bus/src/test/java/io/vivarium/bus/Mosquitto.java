package io.vivarium.bus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Debian mosquitto for tests, on a free loopback port with a generated configuration.
 * {@link #restart()} keeps the port. Needs the packages {@code mosquitto} and
 * {@code mosquitto-clients}, which {@code ./test.sh} must install. Shared with the colony's bus
 * tests through this module's test jar. Not thread-safe.
 */
public final class Mosquitto implements AutoCloseable {
  static final String BINARY = "/usr/sbin/mosquitto";

  private final Path dir;
  private final Path conf;
  public final int port;
  private Process process;

  private Mosquitto(Path dir, int port, List<String> extra) throws IOException {
    this.dir = dir;
    this.port = port;
    this.conf = dir.resolve("mosquitto.conf");
    List<String> lines = new ArrayList<>(List.of(
        "listener " + port + " 127.0.0.1",
        "persistence false",
        "max_queued_messages 100000",
        // as root mosquitto would switch to user 'mosquitto', who cannot read the temp dir
        "user " + System.getProperty("user.name"),
        "log_dest stdout"));
    lines.addAll(extra);
    if (extra.stream().noneMatch(l -> l.startsWith("password_file"))) {
      lines.add("allow_anonymous true");
    }
    Files.write(conf, lines, StandardCharsets.UTF_8);
  }

  /** Starts mosquitto in {@code dir} with extra configuration lines. */
  public static Mosquitto start(Path dir, String... extra) throws IOException {
    if (!Files.isExecutable(Path.of(BINARY))) {
      throw new IllegalStateException("these tests need Debian's mosquitto and mosquitto-clients:"
          + " apt-get install -y mosquitto mosquitto-clients openssl");
    }
    Mosquitto m = new Mosquitto(dir, freePort(), List.of(extra));
    m.startProcess();
    return m;
  }

  /** Its address, {@code tcp://127.0.0.1:PORT}. */
  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  /** Stops mosquitto (SIGTERM, then SIGKILL after 10 s); {@link #restart()} brings it back. */
  public void stop() {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  /** Stops mosquitto if it runs and starts it again on the same port and configuration. */
  public void restart() throws IOException {
    stop();
    startProcess();
  }

  @Override
  public void close() {
    stop();
  }

  private void startProcess() throws IOException {
    process = new ProcessBuilder(BINARY, "-c", conf.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("stdout.log").toFile())
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("mosquitto exited at start: "
            + Files.readString(dir.resolve("stdout.log")));
      }
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    throw new IllegalStateException("mosquitto did not listen on port " + port + " in 10 s");
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A self-signed certificate for 127.0.0.1 made by {@code openssl}, and a PKCS#12 trust store
   * (password {@code changeit}) holding it made by {@code keytool}, in {@code dir}.
   */
  public static Tls selfSigned(Path dir) throws IOException, InterruptedException {
    Tls t = new Tls(dir.resolve("cert.pem"), dir.resolve("key.pem"), dir.resolve("trust.p12"));
    run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        "-keyout", t.key.toString(), "-out", t.cert.toString());
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    run(keytool, "-importcert", "-noprompt", "-alias", "broker", "-file", t.cert.toString(),
        "-keystore", t.trustStore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
    return t;
  }

  /** A certificate, its key, and a trust store holding it. */
  public record Tls(Path cert, Path key, Path trustStore) {
    /** The mosquitto configuration lines that serve TLS with this certificate. */
    public String[] config() {
      return new String[] {"certfile " + cert, "keyfile " + key};
    }
  }

  /**
   * A test certificate authority made by {@code openssl} in {@code dir}: a CA, a server
   * certificate for 127.0.0.1 and a client certificate it signed, the client's certificate and
   * key in a PKCS#12 key store and the CA in a PKCS#12 trust store (made by {@code keytool}),
   * both with password {@code changeit}.
   */
  public static Pki authority(Path dir) throws IOException, InterruptedException {
    Pki p = new Pki(dir.resolve("ca.pem"), dir.resolve("server.pem"), dir.resolve("server.key"),
        dir.resolve("trust.p12"), dir.resolve("client.p12"));
    Path caKey = dir.resolve("ca.key");
    run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=vivarium test CA",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        "-keyout", caKey.toString(), "-out", p.ca.toString());
    sign(dir, p.ca, caKey, "127.0.0.1", "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth",
        p.serverKey, p.serverCert);
    Path clientKey = dir.resolve("client.key");
    Path clientCert = dir.resolve("client.pem");
    sign(dir, p.ca, caKey, "vivarium test client", "extendedKeyUsage=clientAuth", clientKey, clientCert);
    run("openssl", "pkcs12", "-export", "-in", clientCert.toString(), "-inkey", clientKey.toString(),
        "-name", "client", "-passout", "pass:changeit", "-out", p.clientKeyStore.toString());
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    run(keytool, "-importcert", "-noprompt", "-alias", "ca", "-file", p.ca.toString(),
        "-keystore", p.trustStore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
    return p;
  }

  /** A key and a certificate for {@code cn} with {@code extensions}, signed by the CA. */
  private static void sign(Path dir, Path ca, Path caKey, String cn, String extensions, Path key, Path cert)
      throws IOException, InterruptedException {
    Path csr = dir.resolve(key.getFileName() + ".csr");
    Path ext = dir.resolve(key.getFileName() + ".ext");
    Files.writeString(ext, extensions + "\n");
    run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + cn,
        "-keyout", key.toString(), "-out", csr.toString());
    run("openssl", "x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
        "-CAcreateserial", "-days", "1", "-extfile", ext.toString(), "-out", cert.toString());
  }

  /** A CA, the server's certificate and key it signed, a trust store and the client's key store. */
  public record Pki(Path ca, Path serverCert, Path serverKey, Path trustStore, Path clientKeyStore) {
    /** The mosquitto configuration lines that serve TLS with the server certificate. */
    public String[] config() {
      return new String[] {"cafile " + ca, "certfile " + serverCert, "keyfile " + serverKey};
    }
  }

  /** A mosquitto password file in {@code dir} with one user, made by {@code mosquitto_passwd}. */
  public static Path passwordFile(Path dir, String user, String password)
      throws IOException, InterruptedException {
    Path file = dir.resolve("passwd");
    run("mosquitto_passwd", "-b", "-c", file.toString(), user, password);
    return file;
  }

  private static void run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
    }
  }

  /** Runs {@code mosquitto_sub} for up to {@code count} messages or {@code seconds}. */
  public static Process sub(int port, String filter, int count, int seconds, String... extra)
      throws IOException {
    List<String> cmd = new ArrayList<>(List.of("mosquitto_sub", "-h", "127.0.0.1",
        "-p", Integer.toString(port), "-t", filter, "-C", Integer.toString(count),
        "-W", Integer.toString(seconds), "-v", "-q", "1"));
    cmd.addAll(List.of(extra));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  /** Runs {@code mosquitto_pub} once and waits for it; returns its exit code. */
  public static int pub(int port, String topic, String message, String... extra)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("mosquitto_pub", "-h", "127.0.0.1",
        "-p", Integer.toString(port), "-t", topic, "-m", message, "-q", "1"));
    cmd.addAll(List.of(extra));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  /** Everything a finished (or timed-out) client process printed. */
  public static String output(Process p, int seconds) throws IOException, InterruptedException {
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
