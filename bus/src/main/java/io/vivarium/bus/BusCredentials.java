package io.vivarium.bus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one user the embedded broker accepts, kept in the data directory's {@value #FILE} (mode
 * 0600, owner only) so that the colony and the owner's own tools can connect and nobody else on
 * the machine can. The file is three lines: the header {@value #HEADER}, {@code user=NAME} and
 * {@code password=HEX}, so a shell can read it ({@code sed -n 's/^password=//p'}).
 *
 * <p>Immutable and thread-safe; {@link #toString()} never shows the password.
 *
 * @param user the user name, letters, digits, {@code -} and {@code _}
 * @param password the password, 32 to 128 hexadecimal digits (128 to 512 bits)
 */
public record BusCredentials(String user, String password) {
  /** The file's name in the data directory. */
  public static final String FILE = "bus.credentials";
  /** The file's first line: its format and version. */
  public static final String HEADER = "vivarium-bus-credentials 1";
  /** The user name generated credentials carry. */
  public static final String USER = "vivarium";
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  private static final SecureRandom RANDOM = new SecureRandom();

  public BusCredentials {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (!user.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("bus user must be 1 to 64 letters, digits, '-' or '_'; got '" + user + "'");
    }
    if (!password.matches("[0-9a-f]{32,128}")) {
      throw new IllegalArgumentException("bus password must be 32 to 128 lowercase hexadecimal digits; got "
          + password.length() + " characters");
    }
  }

  /** Fresh credentials: user {@value #USER} and 256 random bits from {@link SecureRandom}. */
  public static BusCredentials random() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return new BusCredentials(USER, HexFormat.of().formatHex(secret));
  }

  /**
   * The credentials in {@code dataDir}'s {@value #FILE}, generating them there on the first call.
   * The colony's lock on the directory keeps two colonies from generating them at once.
   *
   * @throws IllegalStateException when the file is readable by others or is not a credentials file
   */
  public static BusCredentials loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return read(dataDir);
    }
    BusCredentials fresh = random();
    try {
      Files.createDirectories(dataDir);
      Path tmp = dataDir.resolve("." + FILE + ".tmp");
      Files.deleteIfExists(tmp);
      // created 0600 in one step (open with O_CREAT|O_EXCL and that mode): never readable by others
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.wrap(fresh.fileText().getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException("cannot create " + file + ": " + e.getFile()
          + " appeared meanwhile; is another colony starting in " + dataDir + "?", e);
    } catch (UnsupportedOperationException e) {
      throw new IllegalStateException("cannot create " + file + " with mode 0600: the data directory must be on a"
          + " file system with POSIX permissions; choose another data directory", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
    }
    return fresh;
  }

  /**
   * The credentials in {@code dataDir}'s {@value #FILE}, as a colony generated them.
   *
   * @throws IllegalStateException when the file is missing, readable by others or malformed
   */
  public static BusCredentials read(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalStateException(file + " does not exist; a colony with the embedded broker writes it at its"
          + " first start: start the colony in " + dataDir + " first");
    }
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalStateException(file + " must be a regular file, not a link or a directory; delete it and the"
          + " colony writes new credentials at its next start");
    }
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
      if (!OWNER_ONLY.containsAll(mode)) {
        throw new IllegalStateException(file + " must be readable by its owner only (mode 0600); got mode "
            + PosixFilePermissions.toString(mode) + "; run: chmod 600 " + file
            + " (and, if others may have read it, delete it so that the next start makes new credentials)");
      }
      return parse(file, Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static BusCredentials parse(Path file, List<String> lines) {
    String fix = "; delete " + file + " and the colony writes new credentials at its next start";
    if (lines.size() != 3 || !lines.get(0).equals(HEADER)
        || !lines.get(1).startsWith("user=") || !lines.get(2).startsWith("password=")) {
      throw new IllegalStateException(file + " is not a bus credentials file (want the lines '" + HEADER
          + "', 'user=NAME', 'password=HEX')" + fix);
    }
    try {
      return new BusCredentials(lines.get(1).substring(5), lines.get(2).substring(9));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(file + " holds bad credentials: " + e.getMessage() + fix, e);
    }
  }

  private String fileText() {
    return HEADER + "\nuser=" + user + "\npassword=" + password + "\n";
  }

  /** Whether {@code user} and {@code password} are these, compared in constant time. */
  public boolean accepts(String user, byte[] password) {
    return this.user.equals(user) && password != null
        && MessageDigest.isEqual(this.password.getBytes(StandardCharsets.UTF_8), password);
  }

  @Override
  public String toString() {
    return "BusCredentials[user=" + user + ", password=(secret)]";
  }
}
