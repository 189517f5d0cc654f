package io.vivarium.worlds.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Host listeners a sandboxed session must never reach: TCP and UDP on one loopback port, and a
 * unix socket in the project's target directory. Not thread-safe.
 */
final class Canaries implements Closeable {
  private final ServerSocketChannel tcp;
  private final DatagramChannel udp;
  private final ServerSocketChannel unix;
  private final Path unixPath;

  private Canaries(ServerSocketChannel tcp, DatagramChannel udp, ServerSocketChannel unix, Path unixPath) {
    this.tcp = tcp;
    this.udp = udp;
    this.unix = unix;
    this.unixPath = unixPath;
  }

  /** Opens the listeners (non-blocking); the unix socket lives in {@code dir}. */
  static Canaries open(Path dir) throws IOException {
    ServerSocketChannel tcp;
    DatagramChannel udp;
    for (int attempt = 0; ; attempt++) {
      tcp = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      try {
        udp = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(),
            tcp.socket().getLocalPort()));
        break;
      } catch (IOException e) {
        tcp.close();
        if (attempt == 20) {
          throw e;
        }
      }
    }
    tcp.configureBlocking(false);
    udp.configureBlocking(false);
    Files.createDirectories(dir);
    Path path = dir.resolve("canary.sock");
    Files.deleteIfExists(path);
    ServerSocketChannel unix = ServerSocketChannel.open(StandardProtocolFamily.UNIX)
        .bind(UnixDomainSocketAddress.of(path));
    unix.configureBlocking(false);
    return new Canaries(tcp, udp, unix, path);
  }

  /** The loopback port of the TCP and UDP listeners. */
  int port() {
    return tcp.socket().getLocalPort();
  }

  Path unixPath() {
    return unixPath;
  }

  /** Asserts that no listener got a connection or a datagram. */
  void assertUntouched(String after) throws IOException {
    assertThat(tcp.accept()).as("TCP canary hit by %s", after).isNull();
    assertThat(udp.receive(ByteBuffer.allocate(64))).as("UDP canary hit by %s", after).isNull();
    assertThat(unix.accept()).as("unix canary hit by %s", after).isNull();
  }

  @Override
  public void close() throws IOException {
    tcp.close();
    udp.close();
    unix.close();
    Files.deleteIfExists(unixPath);
  }
}
