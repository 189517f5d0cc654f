package io.vivarium.colony.registry;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a registry lives: a SQLite file (the single-machine default) or a PostgreSQL database
 * ({@code postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE}, optionally with a {@code jdbc:}
 * prefix and {@code ?key=value} driver parameters). The password may instead come from the
 * environment ({@code PGPASSWORD}); {@link #toString()} never shows it. Immutable.
 *
 * @param file the SQLite file, or {@code null} for PostgreSQL
 * @param host the PostgreSQL server's host, or {@code null} for SQLite
 * @param port its port, 0 for SQLite
 * @param database the database's name, or {@code null} for SQLite
 * @param user the role the registry logs in as, or {@code null} for SQLite
 * @param password the role's password, or {@code null} when none is given
 * @param parameters extra driver parameters ({@code sslmode=require&...}), {@code ""} when none
 */
public record RegistryLocation(Path file, String host, int port, String database, String user, String password,
    String parameters) {
  static final String FORM = "postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE";

  public RegistryLocation {
    Objects.requireNonNull(parameters, "parameters");
    if (file == null) {
      if (host == null || host.isBlank() || database == null || database.isBlank() || user == null
          || user.isBlank() || port < 1 || port > 65535) {
        throw new IllegalArgumentException("a PostgreSQL registry location needs a user, a host, a port in 1..65535 "
            + "and a database (" + FORM + "); got user " + user + ", host " + host + ", port " + port
            + ", database " + database);
      }
    } else if (host != null || database != null || user != null || password != null || port != 0) {
      throw new IllegalArgumentException("a SQLite registry location is a file only; got host " + host
          + " and database " + database + " beside file " + file);
    }
  }

  /** The SQLite file {@code file}. */
  public static RegistryLocation of(Path file) {
    return new RegistryLocation(Objects.requireNonNull(file, "file"), null, 0, null, null, null, "");
  }

  /** Parses {@code location} (a path, or a PostgreSQL URL), taking a missing password from {@code PGPASSWORD}. */
  public static RegistryLocation parse(String location) {
    return parse(location, System.getenv());
  }

  /** As {@link #parse(String)} with the environment {@code env} (tests). */
  static RegistryLocation parse(String location, Map<String, String> env) {
    if (location == null || location.isBlank()) {
      throw bad("", "is empty", "give a file path (SQLite) or " + FORM);
    }
    String s = location.strip();
    if (s.startsWith("jdbc:")) {
      s = s.substring(5);
      if (!s.startsWith("postgresql://")) {
        throw bad(location, "is a JDBC URL of another database", "the registry runs on SQLite (give a file path) "
            + "or PostgreSQL (" + FORM + ")");
      }
    }
    int scheme = s.indexOf("://");
    if (scheme < 0) {
      try {
        return of(Path.of(s));
      } catch (InvalidPathException e) {
        throw bad(location, "is not a valid file path (" + e.getReason() + ")", "give a file path or " + FORM);
      }
    }
    String name = s.substring(0, scheme);
    if (!name.equals("postgresql") && !name.equals("postgres")) {
      throw bad(location, "has the unsupported scheme '" + name + "'", "use " + FORM + ", or a file path for SQLite");
    }
    return postgres(location, s.substring(scheme + 3), env);
  }

  private static RegistryLocation postgres(String location, String rest, Map<String, String> env) {
    String params = "";
    int q = rest.indexOf('?');
    if (q >= 0) {
      params = rest.substring(q + 1);
      rest = rest.substring(0, q);
      for (String p : params.split("&")) {
        String key = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
        if (key.equalsIgnoreCase("user") || key.equalsIgnoreCase("password")) {
          throw bad(location, "sets the " + key + " as a parameter", "write " + FORM + " or set PGPASSWORD");
        }
      }
    }
    int at = rest.lastIndexOf('@');
    if (at <= 0) {
      throw bad(location, "names no user", "write " + FORM);
    }
    String userInfo = rest.substring(0, at);
    String hostPart = rest.substring(at + 1);
    int colon = userInfo.indexOf(':');
    String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
    String password = colon < 0 ? env.get("PGPASSWORD") : decode(userInfo.substring(colon + 1));
    int slash = hostPart.indexOf('/');
    String database = slash < 0 ? "" : decode(hostPart.substring(slash + 1));
    if (database.isEmpty() || database.contains("/")) {
      throw bad(location, "names no database", "end it with /DATABASE, as in " + FORM);
    }
    String hostPort = slash < 0 ? hostPart : hostPart.substring(0, slash);
    int portColon = hostPort.lastIndexOf(':');
    if (portColon < 0 || hostPort.endsWith("]")) {
      throw bad(location, "names no port", "write HOST:PORT, e.g. 127.0.0.1:5432");
    }
    String host = hostPort.substring(0, portColon);
    if (host.isEmpty()) {
      throw bad(location, "names no host", "write HOST:PORT, e.g. 127.0.0.1:5432");
    }
    int port;
    try {
      port = Integer.parseInt(hostPort.substring(portColon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 1 || port > 65535) {
      throw bad(location, "has the port '" + hostPort.substring(portColon + 1) + "'", "give a port in 1..65535");
    }
    return new RegistryLocation(null, host, port, database, user, password == null || password.isEmpty() ? null
        : password, params);
  }

  /** Whether the registry is on PostgreSQL. */
  public boolean postgres() {
    return file == null;
  }

  /** The JDBC URL, without user or password (those go to the driver as properties). */
  public String jdbcUrl() {
    return postgres()
        ? "jdbc:postgresql://" + host + ":" + port + "/" + database + (parameters.isEmpty() ? "" : "?" + parameters)
        : "jdbc:sqlite:" + file.toAbsolutePath();
  }

  /** {@code host:port}, for messages (PostgreSQL). */
  String server() {
    return host + ":" + port;
  }

  /** The location as a user wrote it, the password shown as {@code ***}. */
  @Override
  public String toString() {
    return postgres()
        ? "postgresql://" + user + (password == null ? "" : ":***") + "@" + server() + "/" + database
            + (parameters.isEmpty() ? "" : "?" + parameters)
        : file.toString();
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static IllegalArgumentException bad(String input, String problem, String fix) {
    String shown = input.replaceAll("(://[^:/@]*:).*@", "$1***@");
    return new IllegalArgumentException("registry location '" + shown + "' " + problem + "; " + fix);
  }
}
