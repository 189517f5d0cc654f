package io.vivarium.worlds.terminal;

import java.nio.file.Path;
import java.util.List;

/**
 * One hostile shell command line for the terminal's hostile suite, with what its output must
 * and must not show. Lines print a word such as {@code escaped} only when an attack worked;
 * they type it as {@code esc""aped} so that the terminal's echo of the line never shows it.
 * Immutable.
 *
 * @param name the case's name
 * @param command one line typed into the shell
 * @param expected text the output must contain (the session may also end before any)
 * @param forbidden text the output must not contain
 * @param alive processes the session must hold before it is ended (the shell counts)
 */
record HostileCommand(String name, String command, List<String> expected, List<String> forbidden, int alive) {
  private static final List<String> ESCAPED = List.of("escaped");

  HostileCommand {
    if (name.isBlank() || command.isBlank()) {
      throw new IllegalArgumentException("a hostile command needs a name and a line; got '" + name + "'");
    }
    expected = List.copyOf(expected);
    forbidden = List.copyOf(forbidden);
  }

  HostileCommand(String name, String command, List<String> expected, List<String> forbidden) {
    this(name, command, expected, forbidden, 0);
  }

  @Override
  public String toString() {
    return name;
  }

  /** The suite, aimed at the canary listeners on {@code port} and {@code sock} and at {@code project}. */
  static List<HostileCommand> all(int port, Path sock, Path project) {
    String py = "command -v python3 >/dev/null && python3 -c 'import socket as s; ";
    String pyEnd = "; print(\"esc\" \"aped\")'";
    return List.of(
        new HostileCommand("fork_bomb", "f() { f | f & }; f", List.of("DONE"), List.of()),
        new HostileCommand("rm_root", "rm -rf / 2>&1 | tail -2", List.of("dangerous", "DONE"), List.of()),
        new HostileCommand("rm_root_no_preserve", "rm -rf --no-preserve-root / 2>&1 | tail -2", List.of(),
            List.of()),
        new HostileCommand("rm_usr_etc_home", "rm -rf ~/.. /etc /usr 2>&1 | tail -2", List.of(), List.of()),
        new HostileCommand("write_outside", "echo x > /etc/vivarium-pwned; echo x > /tmp/vivarium-pwned; "
            + "echo x > /vivarium-pwned; echo x > ../vivarium-pwned; echo x > /root/vivarium-pwned; "
            + "echo x > " + project + "/vivarium-pwned; mkdir /tmp/vivarium-pwned-dir /vivarium-pwned-dir; "
            + "echo x >> /etc/passwd; cp /etc/shadow ~/ && echo esc\"\"aped",
            List.of("cannot create", "DONE"), ESCAPED),
        new HostileCommand("network", "for p in tcp udp; do bash -c \"echo x > /dev/$p/127.0.0.1/" + port
            + " && echo esc\"\"aped\"; done; "
            + py + "c = s.socket(s.AF_INET, s.SOCK_STREAM); c.connect((\"127.0.0.1\", " + port + "))" + pyEnd + "; "
            + py + "c = s.socket(s.AF_INET, s.SOCK_DGRAM); c.sendto(b\"x\", (\"127.0.0.1\", " + port + "))" + pyEnd
            + "; " + py + "c = s.socket(s.AF_UNIX); c.connect(\"" + sock + "\")" + pyEnd + "; "
            + "command -v curl >/dev/null && curl -s -m 2 http://127.0.0.1:" + port + "/ && echo esc\"\"aped",
            List.of("Address family not supported", "DONE"), ESCAPED),
        new HostileCommand("kill_all", "sleep 100 & kill -- -1; kill -9 -1; kill -HUP -1; kill -9 0; kill -9 1",
            List.of("DONE"), List.of()),
        new HostileCommand("daemons", "setsid sh -c 'sleep 1000' & nohup sleep 1000 >/dev/null 2>&1 & "
            + "(sh -c 'sleep 1000 &' &); (setsid sleep 1000 &)", List.of("DONE"), List.of(), 5),
        new HostileCommand("daemons_then_exit", "nohup sleep 1000 >/dev/null 2>&1 & (setsid sleep 1000 &); "
            + "exit 4", List.of(), List.of("DONE")),
        new HostileCommand("mount", "mount -t tmpfs none ~ && echo esc\"\"aped; mount --bind / ~ && echo "
            + "esc\"\"aped; umount /usr && echo esc\"\"aped", List.of("DONE"), ESCAPED),
        new HostileCommand("chroot", "/usr/sbin/chroot / /bin/true && echo esc\"\"aped; unshare -r true && "
            + "echo esc\"\"aped", List.of("DONE"), ESCAPED),
        new HostileCommand("proc", "ls /proc /sys /etc; cat /proc/1/environ /proc/self/status",
            List.of("No such file", "DONE"), List.of("Uid:")),
        new HostileCommand("mknod", "mknod ~/mem c 1 1 && echo esc\"\"aped; mknod ~/sda b 8 0 && echo "
            + "esc\"\"aped", List.of("Operation not permitted", "DONE"), ESCAPED),
        new HostileCommand("fill_home", "yes > big; ls -l big", List.of("DONE"), List.of()));
  }
}
